package dev.tugboat.samples.sandbox.seed;

import static dev.tugboat.samples.sandbox.seed.JsonPaths.at;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.describe;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.kind;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.name;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.namespace;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.podTemplate;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.stringAt;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.stringsAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo seed holds the apps and edge cases its documentation promises. */
class DemoSeedTest {

  private final List<JsonObject> objects = new DemoSeed().objects().toList();

  @Test
  void hasSeventyObjectsInSixNamespaces() {
    assertThat(objects).hasSize(70);
    assertThat(objects)
        .filteredOn(object -> kind(object).equals("Namespace"))
        .extracting(JsonPaths::name)
        .containsExactly("shop", "payments", "batch", "analytics", "identity", "monitoring");
  }

  @Test
  void hasAppsOfEveryTierWithTheirReplicas() {
    List<String> apps =
        objects.stream()
            .filter(object -> podTemplate(object) != null)
            .map(
                object ->
                    describe(object)
                        + ": tier "
                        + stringsAt(object, "metadata", "labels").get("tugboat.dev/tier")
                        + ", replicas "
                        + at(object, "spec", "replicas")
                        + ", priority "
                        + stringAt(podTemplate(object), "spec", "priorityClassName"))
            .toList();

    assertThat(apps)
        .containsExactly(
            "StatefulSet shop/postgres: tier 0, replicas 1, priority critical",
            "Deployment shop/redis: tier 2, replicas 1, priority standard",
            "Deployment shop/cart: tier 1, replicas 2, priority standard",
            "Deployment shop/recommendations: tier 2, replicas 2, priority standard",
            "Deployment shop/frontend: tier 1, replicas 3, priority standard",
            "Deployment payments/api: tier 0, replicas 2, priority critical",
            "CronJob batch/nightly-report: tier 2, replicas null, priority standard",
            "Job batch/reindex-orders: tier 3, replicas null, priority sheddable",
            "Deployment analytics/event-aggregator: tier 3, replicas 4, priority sheddable",
            "Deployment identity/keycloak: tier 0, replicas 2, priority critical",
            "StatefulSet monitoring/prometheus: tier 1, replicas 1, priority standard",
            "DaemonSet monitoring/node-exporter: tier 1, replicas null, priority standard");
  }

  @Test
  void deploymentsAndStatefulSetsRequestTwelveCpusAndFortyOneGibibytes() {
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    for (JsonObject object : objects) {
      if (kind(object).equals("Deployment") || kind(object).equals("StatefulSet")) {
        BigDecimal replicas = BigDecimal.valueOf(at(object, "spec", "replicas").getAsInt());
        for (JsonObject container : JsonPaths.containers(podTemplate(object))) {
          cpu = cpu.add(request(container, "cpu").multiply(replicas));
          memory = memory.add(request(container, "memory").multiply(replicas));
        }
      }
    }

    assertThat(cpu).isEqualByComparingTo("12.4");
    assertThat(memory).isEqualByComparingTo(BigDecimal.valueOf(42112L * 1024 * 1024));
  }

  @Test
  void analyticsQuotaHoldsItsFourLargeReplicas() {
    JsonObject quota = find("ResourceQuota", "analytics", "compute");
    JsonObject aggregator = containerOf(find("Deployment", "analytics", "event-aggregator"));

    assertThat(stringsAt(quota, "spec", "hard"))
        .containsExactly(
            Map.entry("requests.cpu", "10"),
            Map.entry("requests.memory", "40Gi"),
            Map.entry("pods", "20"));
    assertThat(request(aggregator, "cpu")).isEqualByComparingTo("2");
    assertThat(request(aggregator, "memory"))
        .isEqualByComparingTo(BigDecimal.valueOf(8L * 1024 * 1024 * 1024));
  }

  @Test
  void frontendScalesBetweenTwoAndSixAndKeepsTwoDuringDisruptions() {
    JsonObject autoscaler = find("HorizontalPodAutoscaler", "shop", "frontend");
    JsonObject budget = find("PodDisruptionBudget", "shop", "frontend");

    assertThat(stringAt(autoscaler, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
    assertThat(at(autoscaler, "spec", "minReplicas").getAsInt()).isEqualTo(2);
    assertThat(at(autoscaler, "spec", "maxReplicas").getAsInt()).isEqualTo(6);
    assertThat(at(budget, "spec", "minAvailable").getAsInt()).isEqualTo(2);
    assertThat(objects)
        .filteredOn(object -> "shop".equals(namespace(object)))
        .filteredOn(
            object ->
                "frontend"
                    .equals(stringsAt(object, "metadata", "labels").get("app.kubernetes.io/name")))
        .extracting(JsonPaths::kind)
        .containsExactly(
            "ConfigMap",
            "Secret",
            "Deployment",
            "Service",
            "Ingress",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget");
  }

  @Test
  void postgresKeepsItsDataOnAPreBoundVolume() {
    JsonObject postgres = find("StatefulSet", "shop", "postgres");
    JsonObject claim = find("PersistentVolumeClaim", "shop", "data-postgres-0");
    JsonObject volume = find("PersistentVolume", null, "pv-shop-data-postgres-0");

    assertThat(stringAt(containerOf(postgres), "image")).isEqualTo("postgres:16");
    assertThat(stringAt(postgres, "spec", "serviceName")).isEqualTo("postgres");
    assertThat(stringAt(find("Service", "shop", "postgres"), "spec", "clusterIP"))
        .isEqualTo("None");
    assertThat(stringAt(claim, "spec", "volumeName")).isEqualTo("pv-shop-data-postgres-0");
    assertThat(stringAt(claim, "spec", "storageClassName")).isEqualTo("standard");
    assertThat(stringAt(volume, "spec", "claimRef", "name")).isEqualTo("data-postgres-0");
    assertThat(stringAt(volume, "status", "phase")).isEqualTo("Bound");
  }

  @Test
  void paymentsApiReadsTheClusterThroughItsServiceAccount() {
    JsonObject binding = find("ClusterRoleBinding", null, "payments-reader");

    assertThat(stringAt(binding, "roleRef", "name")).isEqualTo("payments-reader");
    assertThat(binding.getAsJsonArray("subjects").get(0).getAsJsonObject())
        .isEqualTo(
            JsonBuilder.object(
                "kind", "ServiceAccount", "name", "payments-api", "namespace", "payments"));
    assertThat(
            stringAt(
                podTemplate(find("Deployment", "payments", "api")), "spec", "serviceAccountName"))
        .isEqualTo("payments-api");
  }

  @Test
  void definesWidgetsAndThreeOfThem() {
    JsonObject definition = find("CustomResourceDefinition", null, "widgets.example.com");

    assertThat(stringAt(definition, "spec", "scope")).isEqualTo("Namespaced");
    assertThat(
            at(
                definition
                    .getAsJsonObject("spec")
                    .getAsJsonArray("versions")
                    .get(0)
                    .getAsJsonObject(),
                "schema",
                "openAPIV3Schema",
                "x-kubernetes-preserve-unknown-fields"))
        .hasToString("true");
    assertThat(objects)
        .filteredOn(object -> kind(object).equals("Widget"))
        .extracting(JsonPaths::describe)
        .containsExactly("Widget shop/gear", "Widget shop/sprocket", "Widget shop/flywheel");
  }

  @Test
  void hasThePriorityAndStorageClassesAppsUse() {
    assertThat(objects)
        .filteredOn(object -> kind(object).endsWith("Class"))
        .extracting(JsonPaths::describe)
        .containsExactly(
            "PriorityClass critical",
            "PriorityClass standard",
            "PriorityClass sheddable",
            "StorageClass standard");
  }

  @Test
  void excludesOneObjectFromBackups() {
    assertThat(objects)
        .filteredOn(
            object ->
                "true"
                    .equals(
                        stringsAt(object, "metadata", "labels")
                            .get("velero.io/exclude-from-backup")))
        .extracting(JsonPaths::describe)
        .containsExactly("Secret payments/provider-session-token");
  }

  @Test
  void hasAConfigMapWithTheLongestNameAllowed() {
    assertThat(objects)
        .filteredOn(object -> name(object).length() > 63)
        .extracting(object -> kind(object) + " " + namespace(object) + " " + name(object).length())
        .containsExactly("ConfigMap analytics 253");
  }

  private JsonObject find(String kind, String namespace, String name) {
    String wanted = kind + " " + (namespace == null ? "" : namespace + "/") + name;
    return objects.stream()
        .filter(object -> describe(object).equals(wanted))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + wanted + " in the demo seed"));
  }

  private static JsonObject containerOf(JsonObject workload) {
    return JsonPaths.containers(podTemplate(workload)).get(0);
  }

  private static BigDecimal request(JsonObject container, String resource) {
    return new Quantity(stringAt(container, "resources", "requests", resource)).getNumber();
  }
}
