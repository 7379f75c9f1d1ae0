package dev.tugboat.restore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.planner.WorkloadResult;
import dev.tugboat.restore.modifiers.ModifiedItem;
import dev.tugboat.restore.modifiers.ResourceModifiers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resource modifiers of an application's restore, parsed by the restore's own parser and
 * applied to sample items as the restore would.
 */
class ApplicationModifiersTest {

  private static final WorkloadResult WEB = workload("Deployment", "shop", "web", 4, 2);
  private static final WorkloadResult DB = workload("StatefulSet", "payments", "db", 3, 1);
  private static final WorkloadResult LEGACY = workload("ReplicaSet", "shop", "legacy", 2, 1);
  private static final WorkloadResult AGENT = workload("DaemonSet", "shop", "agent", 5, 5);
  private static final WorkloadResult DOTTED = workload("Deployment", "shop", "web.v2", 6, 3);

  private static final ApplicationPlan SHOP =
      new ApplicationPlan(
          "shop",
          2,
          false,
          "0.5",
          List.of("shop", "payments"),
          List.of(WEB, DB, LEGACY, AGENT, DOTTED));

  private static final ResourceModifiers MODIFIERS =
      ResourceModifiers.parse(
          ApplicationModifiers.of(
              "move-shop",
              SHOP,
              Map.of(
                  "Deployment shop/web", 2,
                  "StatefulSet payments/db", 1,
                  "ReplicaSet shop/legacy", 1,
                  "DaemonSet shop/agent", 5,
                  "Deployment shop/web.v2", 3)));

  private static WorkloadResult workload(
      String kind, String namespace, String name, int source, int planned) {
    return new WorkloadResult(
        "shop", kind, namespace, namespace, name, source, 1, planned, planned, false);
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static JsonObject modified(String groupResource, String item) {
    ModifiedItem result = MODIFIERS.apply(groupResource, json(item));
    assertThat(result.errors()).isEmpty();
    return result.item();
  }

  @Test
  void theNamespaceObjectGetsOnlyTheMigrationLabel() {
    assertThat(
            modified(
                "namespaces",
                """
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}
                """))
        .isEqualTo(
            json(
                """
                {"apiVersion": "v1", "kind": "Namespace",
                 "metadata": {"name": "shop", "labels": {"tugboat.dev/migration": "move-shop"}}}
                """));
  }

  @Test
  void aClusterScopedObjectGetsOnlyTheMigrationLabel() {
    assertThat(
            modified(
                "clusterroles.rbac.authorization.k8s.io",
                """
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                 "metadata": {"name": "shop-reader", "labels": {"team": "shop"}}}
                """))
        .isEqualTo(
            json(
                """
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                 "metadata": {"name": "shop-reader",
                              "labels": {"team": "shop", "tugboat.dev/migration": "move-shop"}}}
                """));
  }

  @Test
  void namespacedObjectsOfEveryApplicationNamespaceGetBothLabels() {
    for (String namespace : List.of("shop", "payments")) {
      assertThat(
              modified(
                  "configmaps",
                  """
                  {"apiVersion": "v1", "kind": "ConfigMap",
                   "metadata": {"name": "settings", "namespace": "%s"}, "data": {"a": "b"}}
                  """
                      .formatted(namespace)))
          .isEqualTo(
              json(
                  """
                  {"apiVersion": "v1", "kind": "ConfigMap",
                   "metadata": {"name": "settings", "namespace": "%s",
                                "labels": {"tugboat.dev/migration": "move-shop",
                                           "tugboat.dev/app": "shop"}},
                   "data": {"a": "b"}}
                  """
                      .formatted(namespace)));
    }
  }

  @Test
  void objectsOfAnotherNamespaceGetOnlyTheMigrationLabel() {
    assertThat(
            modified(
                "deployments.apps",
                """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "namespace": "tools"}, "spec": {"replicas": 4}}
                """))
        .isEqualTo(
            json(
                """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "namespace": "tools",
                              "labels": {"tugboat.dev/migration": "move-shop"}},
                 "spec": {"replicas": 4}}
                """));
  }

  @Test
  void aDeploymentOfThePlanGetsItsPlannedReplicasAndItsSourceCount() {
    assertThat(
            modified(
                "deployments.apps",
                """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "namespace": "shop",
                              "annotations": {"owner": "shop-team"}},
                 "spec": {"replicas": 4, "paused": false}}
                """))
        .isEqualTo(
            json(
                """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "namespace": "shop",
                              "annotations": {"owner": "shop-team",
                                              "tugboat.dev/source-replicas": "4"},
                              "labels": {"tugboat.dev/migration": "move-shop",
                                         "tugboat.dev/app": "shop"}},
                 "spec": {"replicas": 2, "paused": false}}
                """));
  }

  @Test
  void aStatefulSetOfThePlanGetsItsPlannedReplicasAndItsSourceCount() {
    assertThat(
            modified(
                "statefulsets.apps",
                """
                {"apiVersion": "apps/v1", "kind": "StatefulSet",
                 "metadata": {"name": "db", "namespace": "payments"}, "spec": {"replicas": 3}}
                """))
        .isEqualTo(
            json(
                """
                {"apiVersion": "apps/v1", "kind": "StatefulSet",
                 "metadata": {"name": "db", "namespace": "payments",
                              "labels": {"tugboat.dev/migration": "move-shop",
                                         "tugboat.dev/app": "shop"},
                              "annotations": {"tugboat.dev/source-replicas": "3"}},
                 "spec": {"replicas": 1}}
                """));
  }

  @Test
  void aReplicaSetOfThePlanGetsItsPlannedReplicasAndItsSourceCount() {
    assertThat(
            modified(
                "replicasets.apps",
                """
                {"apiVersion": "apps/v1", "kind": "ReplicaSet",
                 "metadata": {"name": "legacy", "namespace": "shop"}, "spec": {"replicas": 2}}
                """))
        .isEqualTo(
            json(
                """
                {"apiVersion": "apps/v1", "kind": "ReplicaSet",
                 "metadata": {"name": "legacy", "namespace": "shop",
                              "labels": {"tugboat.dev/migration": "move-shop",
                                         "tugboat.dev/app": "shop"},
                              "annotations": {"tugboat.dev/source-replicas": "2"}},
                 "spec": {"replicas": 1}}
                """));
  }

  @Test
  void aDaemonSetGetsOnlyTheLabels() {
    assertThat(
            modified(
                "daemonsets.apps",
                """
                {"apiVersion": "apps/v1", "kind": "DaemonSet",
                 "metadata": {"name": "agent", "namespace": "shop"},
                 "spec": {"updateStrategy": {"type": "RollingUpdate"}}}
                """))
        .isEqualTo(
            json(
                """
                {"apiVersion": "apps/v1", "kind": "DaemonSet",
                 "metadata": {"name": "agent", "namespace": "shop",
                              "labels": {"tugboat.dev/migration": "move-shop",
                                         "tugboat.dev/app": "shop"}},
                 "spec": {"updateStrategy": {"type": "RollingUpdate"}}}
                """));
  }

  @Test
  void aWorkloadNameWithADotIsMatchedExactly() {
    assertThat(
            modified(
                    "deployments.apps",
                    """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web.v2", "namespace": "shop"}, "spec": {"replicas": 6}}
                """)
                .getAsJsonObject("spec")
                .get("replicas")
                .getAsInt())
        .isEqualTo(3);
    // "webxv2" would match web.v2 read as a regex; nor is "web.v2-canary" the same workload.
    for (String name : List.of("webxv2", "web.v2-canary", "old-web.v2")) {
      assertThat(
              modified(
                  "deployments.apps",
                  """
                  {"apiVersion": "apps/v1", "kind": "Deployment",
                   "metadata": {"name": "%s", "namespace": "shop"}, "spec": {"replicas": 6}}
                  """
                      .formatted(name)))
          .as(name)
          .isEqualTo(
              json(
                  """
                  {"apiVersion": "apps/v1", "kind": "Deployment",
                   "metadata": {"name": "%s", "namespace": "shop",
                                "labels": {"tugboat.dev/migration": "move-shop",
                                           "tugboat.dev/app": "shop"}},
                   "spec": {"replicas": 6}}
                  """
                      .formatted(name)));
    }
  }

  @Test
  void aWorkloadOfThePlanIsScaledOnlyInItsOwnNamespace() {
    // web is planned in shop; a Deployment web in payments (also the application's) is not it.
    assertThat(
            modified(
                "deployments.apps",
                """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "namespace": "payments"}, "spec": {"replicas": 4}}
                """))
        .isEqualTo(
            json(
                """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "namespace": "payments",
                              "labels": {"tugboat.dev/migration": "move-shop",
                                         "tugboat.dev/app": "shop"}},
                 "spec": {"replicas": 4}}
                """));
  }

  @Test
  void keysNameKindNamespaceAndName() {
    assertThat(ApplicationModifiers.key(DOTTED)).isEqualTo("Deployment shop/web.v2");
    assertThat(ApplicationModifiers.scalable(DB)).contains("statefulsets.apps");
    assertThat(ApplicationModifiers.scalable(AGENT)).isEmpty();
  }
}
