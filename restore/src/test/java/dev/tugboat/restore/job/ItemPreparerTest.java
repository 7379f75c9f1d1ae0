package dev.tugboat.restore.job;

import static dev.tugboat.restore.job.TestSessions.configMap;
import static dev.tugboat.restore.job.TestSessions.json;
import static dev.tugboat.restore.job.TestSessions.namespace;
import static dev.tugboat.restore.job.TestSessions.pod;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.restore.apply.ExistingResourcePolicy;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.source.SpooledBackup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemPreparerTest {

  /** Fails on the config map named broken: it has no data.missing to remove. */
  private static final String MODIFIERS =
      """
      version: v1
      resourceModifierRules:
      - conditions:
          groupResource: configmaps
          resourceNameRegex: "^broken$"
        patches:
        - {operation: remove, path: /data/missing}
      """;

  @TempDir Path folder;
  private SpooledBackup spool;
  private RestoreSession session;
  private ItemPreparer preparer;

  @BeforeEach
  void prepare() throws IOException {
    spool =
        TestSessions.spool(
            folder,
            100,
            writer -> {
              writer.writeItem("namespaces", "v1", null, "shop", namespace("shop"));
              writer.writeItem("configmaps", "v1", "shop", "c1", configMap("shop", "c1"));
              writer.writeItem("configmaps", "v1", "shop", "broken", configMap("shop", "broken"));
              writer.writeItem("configmaps", "v1", "blog", "c2", configMap("blog", "c2"));
              writer.writeItem("pods", "v1", "shop", "done", completedPod("shop", "done"));
            });
    RestoreRequest request =
        new RestoreRequest(
            "r1",
            "b1",
            List.of("shop"),
            List.of(),
            List.of(),
            List.of(),
            IncludeClusterResources.AUTO,
            "",
            List.of(),
            Map.of("shop", "shop-copy"),
            ExistingResourcePolicy.NONE,
            MODIFIERS,
            List.of(),
            false,
            false,
            false);
    session = TestSessions.session(request, spool, folder);
    preparer = new ItemPreparer(new RestoreSessionHolder(() -> session), request.modifiers());
  }

  @AfterEach
  void closeSpool() throws IOException {
    spool.close();
  }

  /** A pod whose status says it ran to completion, as archived. */
  private static JsonObject completedPod(String namespace, String name) {
    JsonObject pod = pod(namespace, name);
    pod.add("status", json("{'phase':'Succeeded'}"));
    return pod;
  }

  private StagedItem staged(String groupResource, String key) throws IOException {
    List<StagedItem> found = new ArrayList<>();
    spool.read(
        groupResource,
        item -> {
          if (item.key().equals(key)) {
            found.add(item);
          }
        });
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void aSelectedItemIsTransformedIntoTheTargetNamespace() throws IOException {
    PreparedItem prepared = preparer.process(staged("configmaps", "shop/c1"));

    assertThat(prepared.decided()).isNull();
    assertThat(prepared.type()).isEqualTo(TestSessions.CONFIG_MAPS);
    assertThat(prepared.toApply().object())
        .isEqualTo(
            json(
                "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c1',"
                    + "'namespace':'shop-copy','labels':{'velero.io/backup-name':'b1',"
                    + "'velero.io/restore-name':'r1'}},'data':{'k':'v'}}"));
    assertThat(prepared.toApply().targetNamespace()).isEqualTo(Optional.of("shop-copy"));
  }

  @Test
  void aNamespaceObjectIsRenamedByTheMapping() throws IOException {
    PreparedItem prepared = preparer.process(staged("namespaces", "shop"));

    assertThat(prepared.toApply().object().getAsJsonObject("metadata").get("name").getAsString())
        .isEqualTo("shop-copy");
  }

  @Test
  void anItemNotSelectedLeavesNoTrace() throws IOException {
    assertThat(preparer.process(staged("configmaps", "blog/c2"))).isNull();
  }

  @Test
  void onlyItemsOfTheSelectedNamespacesAndClusterScopedOnesMayBeSelected() throws IOException {
    assertThat(
            List.of(
                session.mayBeSelected(staged("configmaps", "shop/c1")),
                session.mayBeSelected(staged("configmaps", "blog/c2")),
                session.mayBeSelected(staged("namespaces", "shop"))))
        .containsExactly(true, false, true);
  }

  @Test
  void anItemLeftOutByARuleIsRecordedUnderItsTargetNames() throws IOException {
    PreparedItem prepared = preparer.process(staged("pods", "shop/done"));

    assertThat(prepared.toApply()).isNull();
    assertThat(prepared.decided())
        .isEqualTo(
            new LedgerEntry(
                "pods",
                "v1",
                "Pod",
                "shop-copy",
                "done",
                Disposition.NOT_RESTORED,
                "the pod is complete (status.phase Succeeded)",
                null));
  }

  @Test
  void aModifierThatFailsFailsTheItem() throws IOException {
    PreparedItem prepared = preparer.process(staged("configmaps", "shop/broken"));

    assertThat(prepared.toApply()).isNull();
    assertThat(prepared.decided().disposition()).isEqualTo(Disposition.FAILED);
    assertThat(prepared.decided().key()).isEqualTo("shop-copy/broken");
    assertThat(prepared.decided().message())
        .isEqualTo(
            "resource modifier rule 0 failed on configmaps shop/broken: JSON Patch operation"
                + " 'remove' at /data/missing: /data/missing is missing");
  }
}
