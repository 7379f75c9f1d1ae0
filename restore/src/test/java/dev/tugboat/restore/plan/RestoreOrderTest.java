package dev.tugboat.restore.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreOrderTest {

  @Test
  void ordersARealisticBackupCrdsFirstThenHighPrioritiesThenAlphabeticallyThenLowPriorities() {
    List<String> backup =
        List.of(
            "widgets.example.com",
            "apps.kappctrl.k14s.io",
            "services",
            "statefulsets.apps",
            "deployments.extensions",
            "clusters.cluster.x-k8s.io",
            "pods",
            "ingresses.networking.k8s.io",
            "configmaps",
            "events",
            "replicasets.apps",
            "customresourcedefinitions.apiextensions.k8s.io",
            "endpoints",
            "deployments.apps",
            "clusterroles.example.com",
            "secrets",
            "jobs.batch",
            "rolebindings.rbac.authorization.k8s.io",
            "namespaces",
            "serviceaccounts",
            "services.serving.knative.dev",
            "persistentvolumeclaims",
            "clusterroles.rbac.authorization.k8s.io",
            "ingresses.extensions",
            "persistentvolumes",
            "storageclasses.storage.k8s.io",
            "endpointslices.discovery.k8s.io",
            "priorityclasses.scheduling.k8s.io",
            "volumesnapshotclasses.snapshot.storage.k8s.io",
            "clusterbootstraps.run.tanzu.vmware.com");

    assertThat(RestoreOrder.order(backup))
        .containsExactly(
            "customresourcedefinitions.apiextensions.k8s.io",
            "namespaces",
            "storageclasses.storage.k8s.io",
            "volumesnapshotclasses.snapshot.storage.k8s.io",
            "persistentvolumes",
            "persistentvolumeclaims",
            "clusterroles.rbac.authorization.k8s.io",
            "serviceaccounts",
            "rolebindings.rbac.authorization.k8s.io",
            "secrets",
            "configmaps",
            "priorityclasses.scheduling.k8s.io",
            "pods",
            "replicasets.apps",
            "endpoints",
            "services",
            // a custom resource named like a built-in type is not the built-in type
            "clusterroles.example.com",
            "deployments.apps",
            "deployments.extensions",
            "endpointslices.discovery.k8s.io",
            "events",
            "ingresses.extensions",
            "ingresses.networking.k8s.io",
            "jobs.batch",
            "services.serving.knative.dev",
            "statefulsets.apps",
            "widgets.example.com",
            "clusterbootstraps.run.tanzu.vmware.com",
            "clusters.cluster.x-k8s.io",
            "apps.kappctrl.k14s.io");
  }

  @Test
  void everyPriorityTypeInABackupComesInVeleroOrder() {
    List<String> backup = new ArrayList<>();
    backup.add("zebras.example.com");
    backup.addAll(RestoreOrder.LOW_PRIORITIES);
    backup.addAll(RestoreOrder.HIGH_PRIORITIES);
    Collections.reverse(backup);

    assertThat(RestoreOrder.order(backup))
        .containsExactly(
            "customresourcedefinitions.apiextensions.k8s.io",
            "namespaces",
            "storageclasses.storage.k8s.io",
            "volumesnapshotclasses.snapshot.storage.k8s.io",
            "volumesnapshotcontents.snapshot.storage.k8s.io",
            "volumesnapshots.snapshot.storage.k8s.io",
            "datauploads.velero.io",
            "persistentvolumes",
            "persistentvolumeclaims",
            "clusterroles.rbac.authorization.k8s.io",
            "roles.rbac.authorization.k8s.io",
            "serviceaccounts",
            "clusterrolebindings.rbac.authorization.k8s.io",
            "rolebindings.rbac.authorization.k8s.io",
            "secrets",
            "configmaps",
            "limitranges",
            "priorityclasses.scheduling.k8s.io",
            "pods",
            "replicasets.apps",
            "clusterclasses.cluster.x-k8s.io",
            "endpoints",
            "services",
            "zebras.example.com",
            "clusterbootstraps.run.tanzu.vmware.com",
            "clusters.cluster.x-k8s.io",
            "clusterresourcesets.addons.cluster.x-k8s.io",
            "apps.kappctrl.k14s.io",
            "packageinstalls.packaging.carvel.dev");
  }

  @Test
  void leavesOutPriorityTypesTheBackupDoesNotHold() {
    assertThat(
            RestoreOrder.order(
                List.of(
                    "widgets.example.com",
                    "configmaps",
                    "customresourcedefinitions.apiextensions.k8s.io")))
        .containsExactly(
            "customresourcedefinitions.apiextensions.k8s.io", "configmaps", "widgets.example.com");
  }

  @Test
  void withoutCrdsTheFirstTierIsTheNextPriorityType() {
    assertThat(RestoreOrder.order(List.of("deployments.apps", "pods", "namespaces")))
        .containsExactly("namespaces", "pods", "deployments.apps");
  }

  @Test
  void countsADuplicateOnce() {
    assertThat(RestoreOrder.order(List.of("pods", "jobs.batch", "pods", "jobs.batch")))
        .containsExactly("pods", "jobs.batch");
  }

  @Test
  void anEmptyBackupHasNoTiers() {
    assertThat(RestoreOrder.order(List.of())).isEmpty();
  }
}
