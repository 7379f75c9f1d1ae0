package dev.tugboat.restore.capacity.snapshot;

import static dev.tugboat.restore.capacity.snapshot.FakeApiServer.list;
import static dev.tugboat.restore.capacity.snapshot.TargetSnapshotBuilderTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.archive.ArchiveWriter;
import dev.tugboat.core.selection.ResourcePattern;
import dev.tugboat.restore.source.ArchiveSpooler;
import dev.tugboat.restore.source.BackupSource;
import dev.tugboat.restore.source.SpooledBackup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceObjectsTest {

  /** A Deployment as read live: managed fields and kubectl's last applied configuration. */
  private static final String WEB =
      "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'shop',"
          + "'managedFields':[{'manager':'kubectl'}],'annotations':{'team':'a',"
          + "'kubectl.kubernetes.io/last-applied-configuration':'{...}'}},"
          + "'spec':{'replicas':3,'template':{'metadata':{'labels':{'app':'web'}},"
          + "'spec':{'containers':[{'name':'c'}]}}}}";

  private static final String WEB_KEPT =
      "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'shop',"
          + "'annotations':{'team':'a'}},"
          + "'spec':{'replicas':3,'template':{'metadata':{'labels':{'app':'web'}},"
          + "'spec':{'containers':[{'name':'c'}]}}}}";

  /** The Deployment's ReplicaSet: counted through the Deployment, so not kept. */
  private static final String WEB_RS =
      "{'apiVersion':'apps/v1','kind':'ReplicaSet','metadata':{'name':'web-1','namespace':'shop',"
          + "'ownerReferences':[{'kind':'Deployment','name':'web','controller':true}]},"
          + "'spec':{'replicas':3,'template':{'spec':{'containers':[{'name':'c'}]}}}}";

  private static final String WEB_POD =
      "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-1-x','namespace':'shop',"
          + "'ownerReferences':[{'kind':'ReplicaSet','name':'web-1','controller':true}]},"
          + "'spec':{'containers':[{'name':'c'}]},'status':{'phase':'Running'}}";

  private static final String BARE_POD =
      "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'tool','namespace':'shop'},"
          + "'spec':{'containers':[{'name':'c'}]},'status':{'phase':'Running'}}";

  private static final String DONE_POD =
      "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'once','namespace':'shop'},"
          + "'spec':{'containers':[{'name':'c'}]},'status':{'phase':'Succeeded'}}";

  private static final String BLOG_JOB =
      "{'apiVersion':'batch/v1','kind':'Job','metadata':{'name':'import','namespace':'blog'},"
          + "'spec':{'template':{'spec':{'containers':[{'name':'c'}]}}}}";

  private static final String HPA =
      "{'apiVersion':'autoscaling/v2','kind':'HorizontalPodAutoscaler',"
          + "'metadata':{'name':'web','namespace':'shop'},"
          + "'spec':{'minReplicas':2,'scaleTargetRef':{'kind':'Deployment','name':'web'}}}";

  private static final String PDB =
      "{'apiVersion':'policy/v1','kind':'PodDisruptionBudget',"
          + "'metadata':{'name':'web','namespace':'shop'},"
          + "'spec':{'minAvailable':1,'selector':{'matchLabels':{'app':'web'}}}}";

  private static final String CONFIG_MAP =
      "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'settings','namespace':'shop'}}";

  @TempDir Path folder;

  @Test
  void fromBackupKeepsTheWorkloadsBudgetsAndAutoscalersOfTheChosenNamespaces() throws IOException {
    try (SpooledBackup backup =
        spool(
            writer -> {
              writer.writeItem("pods", "v1", "shop", "web-1-x", json(WEB_POD));
              writer.writeItem("pods", "v1", "shop", "tool", json(BARE_POD));
              writer.writeItem("pods", "v1", "shop", "once", json(DONE_POD));
              writer.writeItem("deployments.apps", "v1", "shop", "web", json(WEB));
              writer.writeItem("replicasets.apps", "v1", "shop", "web-1", json(WEB_RS));
              writer.writeItem("jobs.batch", "v1", "blog", "import", json(BLOG_JOB));
              writer.writeItem(
                  "horizontalpodautoscalers.autoscaling", "v2", "shop", "web", json(HPA));
              writer.writeItem("poddisruptionbudgets.policy", "v1", "shop", "web", json(PDB));
              writer.writeItem("configmaps", "v1", "shop", "settings", json(CONFIG_MAP));
            })) {

      SourceObjects shop = SourceObjects.fromBackup(backup, Set.of("shop"), List.of());

      assertThat(shop.namespaces()).containsExactly("shop");
      assertThat(shop.workloads().get("shop")).containsExactly(json(WEB_KEPT), json(BARE_POD));
      assertThat(shop.autoscalers().get("shop")).containsExactly(json(HPA));
      assertThat(shop.disruptionBudgets().get("shop")).containsExactly(json(PDB));

      SourceObjects all = SourceObjects.fromBackup(backup, Set.of(), List.of());

      assertThat(all.namespaces()).containsExactly("blog", "shop");
      assertThat(all.workloads().get("blog")).containsExactly(json(BLOG_JOB));
    }
  }

  @Test
  void fromBackupLeavesOutTheTypesThePlanExcludesByNameKindOrShortName() throws IOException {
    try (SpooledBackup backup =
        spool(
            writer -> {
              writer.writeItem("pods", "v1", "shop", "tool", json(BARE_POD));
              writer.writeItem("deployments.apps", "v1", "shop", "web", json(WEB));
              writer.writeItem("jobs.batch", "v1", "blog", "import", json(BLOG_JOB));
              writer.writeItem(
                  "horizontalpodautoscalers.autoscaling", "v2", "shop", "web", json(HPA));
              writer.writeItem("poddisruptionbudgets.policy", "v1", "shop", "web", json(PDB));
            })) {

      SourceObjects objects =
          SourceObjects.fromBackup(
              backup,
              Set.of(),
              List.of(
                  ResourcePattern.parse("jobs.batch"),
                  ResourcePattern.parse("deploy"),
                  ResourcePattern.parse("HorizontalPodAutoscaler")));

      assertThat(objects.workloads()).containsOnlyKeys("shop");
      assertThat(objects.workloads().get("shop")).containsExactly(json(BARE_POD));
      assertThat(objects.autoscalers()).isEmpty();
      assertThat(objects.disruptionBudgets().get("shop")).containsExactly(json(PDB));
    }
  }

  @Test
  void fromClusterDoesNotListAnExcludedType() throws IOException {
    try (FakeApiServer server = new FakeApiServer()) {
      server.answer("/api", "{'versions':['v1']}");
      server.answer(
          "/api/v1",
          "{'resources':[{'name':'pods','kind':'Pod','namespaced':true,'verbs':['list']}]}");
      server.answer(
          "/apis",
          "{'groups':[{'name':'apps','versions':[{'version':'v1'}],"
              + "'preferredVersion':{'version':'v1'}}]}");
      server.answer(
          "/apis/apps/v1",
          "{'resources':[{'name':'deployments','kind':'Deployment','namespaced':true,"
              + "'verbs':['list']}]}");
      server.answer(
          "/apis/apps/v1/namespaces/shop/deployments?limit=500&watch=false",
          list("Deployment", "", json(WEB)));

      SourceObjects objects =
          SourceObjects.fromCluster(
              server.client(), Set.of("shop"), List.of(ResourcePattern.parse("pods")));

      assertThat(objects.workloads().get("shop")).containsExactly(json(WEB_KEPT));
      assertThat(server.requests())
          .filteredOn(request -> request.contains("limit="))
          .containsExactly("GET /apis/apps/v1/namespaces/shop/deployments?limit=500&watch=false");
    }
  }

  @Test
  void fromClusterListsEachServedTypeInEachNamespaceAndSkipsTheOthers() throws IOException {
    try (FakeApiServer server = new FakeApiServer()) {
      server.answer("/api", "{'versions':['v1']}");
      server.answer(
          "/api/v1",
          "{'resources':[{'name':'pods','kind':'Pod','namespaced':true,'verbs':['list']},"
              + "{'name':'pods/log','kind':'Pod','namespaced':true,'verbs':['get']}]}");
      // Only apps is served, and in it only deployments lists: no batch, autoscaling or policy.
      server.answer(
          "/apis",
          "{'groups':[{'name':'apps','versions':[{'version':'v1'}],"
              + "'preferredVersion':{'version':'v1'}}]}");
      server.answer(
          "/apis/apps/v1",
          "{'resources':[{'name':'deployments','kind':'Deployment','namespaced':true,"
              + "'verbs':['list']},{'name':'replicasets','kind':'ReplicaSet','namespaced':true,"
              + "'verbs':['get']}]}");
      server.answer(
          "/apis/apps/v1/namespaces/shop/deployments?limit=500&watch=false",
          list("Deployment", "", json(WEB)));
      server.answer(
          "/apis/apps/v1/namespaces/tools/deployments?limit=500&watch=false",
          list("Deployment", ""));
      server.answer(
          "/api/v1/namespaces/shop/pods?limit=500&watch=false",
          list("Pod", "", json(WEB_POD), json(BARE_POD)));
      server.answer("/api/v1/namespaces/tools/pods?limit=500&watch=false", list("Pod", ""));

      SourceObjects objects =
          SourceObjects.fromCluster(server.client(), Set.of("tools", "shop"), List.of());

      assertThat(objects.workloads().get("shop")).containsExactly(json(WEB_KEPT), json(BARE_POD));
      assertThat(objects.namespaces()).containsExactly("shop");
      assertThat(server.requests())
          .filteredOn(request -> request.contains("limit="))
          .containsExactly(
              "GET /apis/apps/v1/namespaces/shop/deployments?limit=500&watch=false",
              "GET /apis/apps/v1/namespaces/tools/deployments?limit=500&watch=false",
              "GET /api/v1/namespaces/shop/pods?limit=500&watch=false",
              "GET /api/v1/namespaces/tools/pods?limit=500&watch=false");
    }
  }

  @Test
  void fromClusterWithoutNamespacesListsAcrossAllOfThem() throws IOException {
    try (FakeApiServer server = new FakeApiServer()) {
      server.answer("/api", "{'versions':['v1']}");
      server.answer(
          "/api/v1",
          "{'resources':[{'name':'pods','kind':'Pod','namespaced':true,'verbs':['list']}]}");
      server.answer("/apis", "{'groups':[]}");
      server.answer(
          "/api/v1/pods?limit=500&watch=false", list("Pod", "", json(BARE_POD), json(DONE_POD)));

      SourceObjects objects = SourceObjects.fromCluster(server.client(), Set.of(), List.of());

      assertThat(objects.workloads()).containsOnlyKeys("shop");
      assertThat(objects.workloads().get("shop")).containsExactly(json(BARE_POD));
      assertThat(objects.autoscalers()).isEmpty();
      assertThat(objects.disruptionBudgets()).isEmpty();
    }
  }

  /** Writes items to an archive. */
  private interface Items {
    void writeTo(ArchiveWriter writer) throws IOException;
  }

  private SpooledBackup spool(Items items) throws IOException {
    Path archive = folder.resolve("backup.tar.gz");
    try (OutputStream out = Files.newOutputStream(archive);
        ArchiveWriter writer =
            ArchiveWriter.open(
                out, Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC))) {
      items.writeTo(writer);
      writer.finish();
    }
    return new ArchiveSpooler().spool(BackupSource.file(archive), folder.resolve("spool"));
  }
}
