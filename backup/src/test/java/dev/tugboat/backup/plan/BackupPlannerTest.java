package dev.tugboat.backup.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.selection.Selection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BackupPlannerTest {

  private static final Set<String> BACKUP_VERBS =
      Set.of("list", "create", "get", "delete", "watch");

  /** A small cluster: a few types of each kind the rules care about, listed out of order. */
  private static final ResourceCatalog CATALOG =
      new ResourceCatalog(
          List.of(
              namespaced("extensions", "deployments", "Deployment", "deploy"),
              namespaced("extensions", "networkpolicies", "NetworkPolicy", "netpol"),
              namespaced("apps", "replicasets", "ReplicaSet", "rs"),
              namespaced("apps", "deployments", "Deployment", "deploy"),
              namespaced("networking.k8s.io", "networkpolicies", "NetworkPolicy", "netpol"),
              namespaced("events.k8s.io", "events", "Event", "ev"),
              cluster("storage.k8s.io", "storageclasses", "StorageClass", "sc"),
              cluster("", "namespaces", "Namespace", "ns"),
              namespaced("", "secrets", "Secret", ""),
              namespaced("", "events", "Event", "ev"),
              namespaced("", "configmaps", "ConfigMap", "cm"),
              cluster("", "persistentvolumes", "PersistentVolume", "pv"),
              namespaced("", "persistentvolumeclaims", "PersistentVolumeClaim", "pvc"),
              namespaced("", "pods", "Pod", "po"),
              new ApiResource(
                  "", "v1", "bindings", "Binding", true, Set.of("create"), List.of(), "v1"),
              new ApiResource(
                  "",
                  "v1",
                  "componentstatuses",
                  "ComponentStatus",
                  false,
                  Set.of("get", "list"),
                  List.of("cs"),
                  "v1")),
          List.of());

  private static final List<ClusterNamespace> NAMESPACES =
      List.of(
          ClusterNamespace.active("web"),
          ClusterNamespace.active("shop"),
          ClusterNamespace.active("staging"));

  private static final List<Skipped> ALWAYS_SKIPPED =
      List.of(
          new Skipped("bindings", "the API does not allow list, get, delete"),
          new Skipped("componentstatuses", "the API does not allow create, delete"));

  @Nested
  class FullBackup {

    private final BackupPlan plan =
        BackupPlanner.plan(CATALOG, Selection.all(), NAMESPACES, IncludeClusterResources.AUTO);

    @Test
    void listsEachNamespacedTypeOnceAcrossNamespacesAndEachClusterTypeOnce() {
      assertThat(keys(plan))
          .containsExactly(
              "pods@*",
              "persistentvolumeclaims@*",
              "persistentvolumes@cluster",
              "configmaps@*",
              "secrets@*",
              "deployments.apps@*",
              "replicasets.apps@*",
              "networkpolicies.networking.k8s.io@*",
              "storageclasses.storage.k8s.io@cluster");
    }

    @Test
    void writesTheNamespaceObjectOfEveryNamespaceSorted() {
      assertThat(plan.namespaceObjects()).containsExactly("shop", "staging", "web");
    }

    @Test
    void reportsEverythingItLeavesOutWithTheReason() {
      assertThat(plan.skipped().stream().map(Skipped::toString))
          .containsExactly(
              "bindings: the API does not allow list, get, delete",
              "componentstatuses: the API does not allow create, delete",
              "events: excluded by default, events cannot be restored; include them by name",
              "events.events.k8s.io: excluded by default, events cannot be restored; include them"
                  + " by name",
              "deployments.extensions: the same objects as deployments.apps, which is backed up",
              "networkpolicies.extensions: the same objects as"
                  + " networkpolicies.networking.k8s.io, which is backed up");
    }

    @Test
    void partitionsCarryTheVersionToListIn() {
      assertThat(plan.partitions().get(5))
          .isEqualTo(
              new ListPartition(
                  "apps",
                  "v1",
                  "deployments",
                  "Deployment",
                  ListPartition.Scope.ALL_NAMESPACES,
                  ""));
    }
  }

  @Nested
  class NamespaceScopedBackup {

    @Test
    void autoListsEachTypeInEachIncludedNamespaceAndNoClusterType() {
      Selection selection =
          Selection.builder()
              .includeNamespaces(List.of("s*"))
              .includeResources(List.of("pods", "persistentvolumes", "namespaces"))
              .build();

      BackupPlan plan =
          BackupPlanner.plan(CATALOG, selection, NAMESPACES, IncludeClusterResources.AUTO);

      assertThat(keys(plan)).containsExactly("pods@shop", "pods@staging");
      assertThat(plan.namespaceObjects()).containsExactly("shop", "staging");
      assertThat(plan.skipped())
          .contains(
              new Skipped(
                  "persistentvolumes",
                  "cluster-scoped, and not every namespace is backed up (cluster resources:"
                      + " auto)"));
    }

    @Test
    void trueListsTheSelectedClusterTypesToo() {
      Selection selection = Selection.builder().includeNamespaces(List.of("shop")).build();

      BackupPlan plan =
          BackupPlanner.plan(CATALOG, selection, NAMESPACES, IncludeClusterResources.TRUE);

      assertThat(keys(plan))
          .containsExactly(
              "pods@shop",
              "persistentvolumeclaims@shop",
              "persistentvolumes@cluster",
              "configmaps@shop",
              "secrets@shop",
              "deployments.apps@shop",
              "replicasets.apps@shop",
              "networkpolicies.networking.k8s.io@shop",
              "storageclasses.storage.k8s.io@cluster");
      assertThat(plan.namespaceObjects()).containsExactly("shop");
    }

    @Test
    void excludedNamespacesGetNoPartitionAndMakeTheBackupPartial() {
      Selection selection =
          Selection.builder()
              .excludeNamespaces(List.of("web"))
              .includeResources(List.of("pods", "pv"))
              .build();

      BackupPlan plan =
          BackupPlanner.plan(CATALOG, selection, NAMESPACES, IncludeClusterResources.AUTO);

      assertThat(keys(plan)).containsExactly("pods@shop", "pods@staging");
    }
  }

  @Nested
  class ClusterResourcesFalse {

    private final BackupPlan plan =
        BackupPlanner.plan(CATALOG, Selection.all(), NAMESPACES, IncludeClusterResources.FALSE);

    @Test
    void listsNoClusterTypeEvenInAFullBackup() {
      assertThat(keys(plan))
          .containsExactly(
              "pods@*",
              "persistentvolumeclaims@*",
              "configmaps@*",
              "secrets@*",
              "deployments.apps@*",
              "replicasets.apps@*",
              "networkpolicies.networking.k8s.io@*");
      assertThat(plan.skipped())
          .contains(
              new Skipped(
                  "persistentvolumes", "cluster-scoped, and cluster resources are excluded"),
              new Skipped(
                  "storageclasses.storage.k8s.io",
                  "cluster-scoped, and cluster resources are excluded"));
    }

    @Test
    void stillWritesTheNamespaceObjects() {
      assertThat(plan.namespaceObjects()).containsExactly("shop", "staging", "web");
    }
  }

  @Nested
  class ResourcePatterns {

    @Test
    void includesByPluralKindShortNameAndGroupQualifiedName() {
      BackupPlan plan =
          planFor(
              Selection.builder()
                  .includeResources(List.of("pods", "ConfigMap", "pvc", "replicasets.apps", "sc"))
                  .build());

      assertThat(keys(plan))
          .containsExactly(
              "pods@*",
              "persistentvolumeclaims@*",
              "configmaps@*",
              "replicasets.apps@*",
              "storageclasses.storage.k8s.io@cluster");
      assertThat(plan.namespaceObjects()).isEmpty();
      assertThat(plan.skipped())
          .contains(
              new Skipped("namespaces", "excluded by the resource filter"),
              new Skipped("secrets", "excluded by the resource filter"));
    }

    @Test
    void excludesByPluralKindShortNameAndGroupQualifiedName() {
      BackupPlan plan =
          planFor(
              Selection.builder()
                  .excludeResources(
                      List.of(
                          "secrets",
                          "PersistentVolume",
                          "cm",
                          "networkpolicies.networking.k8s.io",
                          "networkpolicies.extensions"))
                  .build());

      assertThat(keys(plan))
          .containsExactly(
              "pods@*",
              "persistentvolumeclaims@*",
              "deployments.apps@*",
              "replicasets.apps@*",
              "storageclasses.storage.k8s.io@cluster");
      assertThat(plan.namespaceObjects()).containsExactly("shop", "staging", "web");
    }

    @Test
    void aBareNameMatchesEveryGroupAndTheCohabitantsAreStillDeduplicated() {
      BackupPlan plan = planFor(Selection.builder().includeResources(List.of("deploy")).build());

      assertThat(keys(plan)).containsExactly("deployments.apps@*");
      assertThat(plan.skipped())
          .contains(
              new Skipped(
                  "deployments.extensions",
                  "the same objects as deployments.apps, which is backed up"));
    }

    @Test
    void anExplicitWildcardIncludesEverythingLikeNoFilter() {
      assertThat(planFor(Selection.builder().includeResources(List.of("*")).build()))
          .isEqualTo(planFor(Selection.all()));
    }
  }

  @Nested
  class Cohabitation {

    @Test
    void theExtensionsTwinIsListedWhenTheAppsOneIsExcluded() {
      BackupPlan plan =
          planFor(
              Selection.builder()
                  .includeResources(List.of("deployments"))
                  .excludeResources(List.of("deployments.apps"))
                  .build());

      assertThat(keys(plan)).containsExactly("deployments.extensions@*");
    }

    @Test
    void theExtensionsTwinIsListedWhenTheClusterServesOnlyIt() {
      ResourceCatalog oldCluster =
          new ResourceCatalog(
              List.of(namespaced("extensions", "deployments", "Deployment", "deploy")), List.of());

      BackupPlan plan =
          BackupPlanner.plan(oldCluster, Selection.all(), NAMESPACES, IncludeClusterResources.AUTO);

      assertThat(keys(plan)).containsExactly("deployments.extensions@*");
      assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void coreEventsWinOverEventsK8sIo() {
      BackupPlan plan = planFor(Selection.builder().includeResources(List.of("events")).build());

      assertThat(keys(plan)).containsExactly("events@*");
      assertThat(plan.skipped())
          .contains(
              new Skipped(
                  "events.events.k8s.io", "the same objects as events, which is backed up"));
    }

    @Test
    void eventsK8sIoIsListedWhenNamedAlone() {
      BackupPlan plan =
          planFor(Selection.builder().includeResources(List.of("events.events.k8s.io")).build());

      assertThat(keys(plan)).containsExactly("events.events.k8s.io@*");
    }
  }

  @Nested
  class Events {

    @Test
    void areListedWhenNamedAmongTheIncludedResources() {
      BackupPlan plan =
          planFor(Selection.builder().includeResources(List.of("pods", "Event")).build());

      assertThat(keys(plan)).containsExactly("pods@*", "events@*");
    }

    @Test
    void areNotIncludedByAWildcard() {
      BackupPlan plan = planFor(Selection.builder().includeResources(List.of("*", "pods")).build());

      assertThat(keys(plan)).doesNotContain("events@*", "events.events.k8s.io@*");
      assertThat(plan.skipped())
          .contains(
              new Skipped(
                  "events",
                  "excluded by default, events cannot be restored; include them by name"));
    }
  }

  @Nested
  class Namespaces {

    @Test
    void oneLabelledExcludeFromBackupIsLeftOutAndTheBackupBecomesPartial() {
      List<ClusterNamespace> namespaces =
          List.of(
              ClusterNamespace.active("shop"),
              new ClusterNamespace(
                  "velero", Map.of("velero.io/exclude-from-backup", "true"), "Active"));

      BackupPlan plan =
          BackupPlanner.plan(
              CATALOG,
              Selection.builder().includeResources(List.of("pods", "pv", "ns")).build(),
              namespaces,
              IncludeClusterResources.AUTO);

      assertThat(keys(plan)).containsExactly("pods@shop");
      assertThat(plan.namespaceObjects()).containsExactly("shop");
      assertThat(plan.skipped())
          .endsWith(new Skipped("namespace velero", "labelled velero.io/exclude-from-backup=true"));
    }

    @Test
    void oneNotActiveIsLeftOutButCrossNamespaceListsRemain() {
      List<ClusterNamespace> namespaces =
          List.of(
              ClusterNamespace.active("shop"),
              new ClusterNamespace("old", Map.of(), "Terminating"));

      BackupPlan plan =
          BackupPlanner.plan(
              CATALOG,
              Selection.builder().includeResources(List.of("pods", "pv", "ns")).build(),
              namespaces,
              IncludeClusterResources.AUTO);

      assertThat(keys(plan)).containsExactly("pods@*", "persistentvolumes@cluster");
      assertThat(plan.namespaceObjects()).containsExactly("shop");
      assertThat(plan.skipped())
          .endsWith(new Skipped("namespace old", "not Active (phase Terminating)"));
    }

    @Test
    void aLabelOnANamespaceTheSelectionLeavesOutIsNotReported() {
      List<ClusterNamespace> namespaces =
          List.of(
              ClusterNamespace.active("shop"),
              new ClusterNamespace(
                  "velero", Map.of("velero.io/exclude-from-backup", "true"), "Active"));

      BackupPlan plan =
          BackupPlanner.plan(
              CATALOG,
              Selection.builder().includeNamespaces(List.of("shop")).build(),
              namespaces,
              IncludeClusterResources.AUTO);

      assertThat(plan.skipped()).noneMatch(skipped -> skipped.what().startsWith("namespace "));
    }
  }

  private static BackupPlan planFor(Selection selection) {
    return BackupPlanner.plan(CATALOG, selection, NAMESPACES, IncludeClusterResources.AUTO);
  }

  private static List<String> keys(BackupPlan plan) {
    return plan.partitions().stream().map(ListPartition::key).toList();
  }

  private static ApiResource namespaced(
      String group, String plural, String kind, String shortName) {
    return resource(group, plural, kind, shortName, true);
  }

  private static ApiResource cluster(String group, String plural, String kind, String shortName) {
    return resource(group, plural, kind, shortName, false);
  }

  private static ApiResource resource(
      String group, String plural, String kind, String shortName, boolean namespaced) {
    String version = group.equals("extensions") ? "v1beta1" : "v1";
    List<String> shortNames = shortName.isEmpty() ? List.of() : List.of(shortName);
    return new ApiResource(
        group, version, plural, kind, namespaced, BACKUP_VERBS, shortNames, version);
  }
}
