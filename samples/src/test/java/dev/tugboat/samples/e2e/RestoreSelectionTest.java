package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.core.selection.LabelSelector;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full backup of the demo cluster restored in part: by namespace, by resource, by label, and
 * changed on the way by a resource-modifiers file. Each test restores into an empty cluster of its
 * own and compares what the cluster gained with what the filters select from the source.
 */
class RestoreSelectionTest {

  private static final String BACKUP = "demo";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox("source", options -> options.seed(Seeds.named("demo")).simulation(false))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @TempDir static Path folder;

  private static Map<ItemKey, JsonObject> source;

  @BeforeAll
  static void backUpTheSource() throws Exception {
    RunnerFixture.Result backup =
        tugboat.createBackup(
            sandboxes.kubeconfig("source"), BACKUP, "--include-cluster-resources", "true");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    source = new SandboxInventory(sandboxes.sandbox("source").url()).everything();
  }

  @Test
  void includedNamespacesOnlyAndNoClusterResourcesUnderAuto() throws Exception {
    Map<ItemKey, JsonObject> gained = restore("payments-only", "--include-namespaces", "payments");

    RestoredObjects.assertSameObjects(
        gained,
        fromSource(
            key ->
                key.namespace().equals("payments")
                    || key.equals(new ItemKey("namespaces", "", "payments"))));
  }

  @Test
  void excludedNamespacesLeftOut() throws Exception {
    Map<ItemKey, JsonObject> gained =
        restore(
            "not-shop",
            "--exclude-namespaces",
            "shop,monitoring,batch,analytics",
            "--include-cluster-resources",
            "false");

    Set<String> kept = Set.of("payments", "identity");
    RestoredObjects.assertSameObjects(
        gained,
        fromSource(
            key ->
                kept.contains(key.namespace())
                    || key.groupResource().equals("namespaces") && kept.contains(key.name())));
  }

  @Test
  void includedResourcesMinusExcludedOnesWithTheNamespacesTheyAreIn() throws Exception {
    Map<ItemKey, JsonObject> gained =
        restore(
            "configs",
            "--include-resources",
            "configmaps,secrets",
            "--exclude-resources",
            "secrets");

    Map<ItemKey, JsonObject> expected = fromSource(key -> key.groupResource().equals("configmaps"));
    // As in Velero, the namespaces of restored objects are created from their backed-up objects,
    // labels included, although namespaces are not among the included resources.
    Set<String> namespaces = new TreeSet<>();
    expected.keySet().forEach(key -> namespaces.add(key.namespace()));
    assertThat(namespaces)
        .containsExactly("analytics", "batch", "identity", "monitoring", "payments", "shop");
    namespaces.forEach(
        namespace -> {
          ItemKey key = new ItemKey("namespaces", "", namespace);
          expected.put(key, source.get(key));
        });
    RestoredObjects.assertSameObjects(gained, expected);
  }

  @Test
  void aSelectorKeepsMatchingObjectsOfEveryTypeAndTheirNamespaces() throws Exception {
    Map<ItemKey, JsonObject> gained =
        restore("payments-app", "--selector", "app.kubernetes.io/part-of=payments");

    LabelSelector selector = LabelSelector.parse("app.kubernetes.io/part-of=payments");
    Map<ItemKey, JsonObject> expected =
        fromSource(key -> selector.matches(labels(source.get(key))));
    assertThat(expected.keySet().stream().filter(key -> key.namespace().isEmpty()))
        .containsExactlyInAnyOrder(
            new ItemKey("clusterrolebindings.rbac.authorization.k8s.io", "", "payments-reader"),
            new ItemKey("clusterroles.rbac.authorization.k8s.io", "", "payments-reader"));
    ItemKey namespace = new ItemKey("namespaces", "", "payments");
    expected.put(namespace, source.get(namespace));
    RestoredObjects.assertSameObjects(gained, expected);
  }

  @Test
  void resourceModifiersPatchObjectsOnTheWay() throws Exception {
    Path modifiers =
        Files.writeString(
            folder.resolve("modifiers.yaml"),
            """
            version: v1
            resourceModifierRules:
            - conditions:
                groupResource: deployments.apps
                resourceNameRegex: "^cart$"
                namespaces: [shop]
              patches:
              - operation: replace
                path: /spec/replicas
                value: "5"
            - conditions:
                groupResource: configmaps
                namespaces: [shop]
              mergePatches:
              - patchData: '{"metadata": {"labels": {"restored-by": "modifiers"}}}'
            """);

    Map<ItemKey, JsonObject> gained =
        restore(
            "modified",
            "--include-namespaces",
            "shop",
            "--include-resources",
            "deployments,configmaps",
            "--resource-modifiers",
            modifiers.toString());

    Map<ItemKey, JsonObject> expected =
        fromSource(
            key ->
                key.namespace().equals("shop")
                    && Set.of("deployments.apps", "configmaps").contains(key.groupResource()));
    assertThat(expected).hasSize(6);
    ItemKey cart = new ItemKey("deployments.apps", "shop", "cart");
    assertThat(source.get(cart).getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(2);
    expected.put(cart, expected.get(cart).deepCopy());
    expected.get(cart).getAsJsonObject("spec").addProperty("replicas", 5);
    expected.replaceAll(
        (key, object) -> {
          if (!key.groupResource().equals("configmaps")) {
            return object;
          }
          JsonObject labelled = object.deepCopy();
          JsonObject metadata = labelled.getAsJsonObject("metadata");
          if (!metadata.has("labels")) {
            metadata.add("labels", new JsonObject());
          }
          metadata.getAsJsonObject("labels").addProperty("restored-by", "modifiers");
          return labelled;
        });
    gained.keySet().removeIf(key -> key.equals(new ItemKey("namespaces", "", "shop")));
    RestoredObjects.assertSameObjects(gained, expected);
  }

  /**
   * Restores the backup into an empty cluster with the options; it must complete without warnings.
   *
   * @return the objects the cluster gained
   */
  private static Map<ItemKey, JsonObject> restore(String name, String... options) throws Exception {
    SandboxExtension.Running target =
        sandboxes.start(SandboxOptions.builder().name("target").simulation(false).build());
    Map<ItemKey, JsonObject> before = new SandboxInventory(target.sandbox().url()).everything();

    RunnerFixture.Result result =
        TugboatRestore.create(tugboat, target.kubeconfig(), name, BACKUP, options);

    assertThat(result.exitCode())
        .as(
            "%s%s%s",
            result.out(),
            result.err(),
            result.exitCode() == 3
                ? RestoreRecordsCheck.read(StoreContents.ofFolder(tugboat.store()), name).errors()
                : "")
        .isZero();
    JsonObject summary = TugboatRestore.json(result);
    assertThat(summary.get("warnings").getAsInt()).as(result.out()).isZero();
    Map<ItemKey, JsonObject> gained =
        new TreeMap<>(new SandboxInventory(target.sandbox().url()).everything());
    gained.keySet().removeAll(before.keySet());
    return gained;
  }

  private static Map<ItemKey, JsonObject> fromSource(Predicate<ItemKey> selected) {
    Map<ItemKey, JsonObject> selection = new TreeMap<>();
    source.forEach(
        (key, object) -> {
          if (selected.test(key)) {
            selection.put(key, object);
          }
        });
    return selection;
  }

  private static Map<String, String> labels(JsonObject object) {
    Map<String, String> labels = new HashMap<>();
    JsonObject json = object.getAsJsonObject("metadata").getAsJsonObject("labels");
    if (json != null) {
      json.entrySet().forEach(label -> labels.put(label.getKey(), label.getValue().getAsString()));
    }
    return labels;
  }
}
