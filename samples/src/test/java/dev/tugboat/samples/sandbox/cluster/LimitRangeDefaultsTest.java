package dev.tugboat.samples.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.JsonFields;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LimitRangeDefaultsTest {

  private final Simulation cluster = new Simulation().admitWith(new LimitRangeDefaults());

  @BeforeEach
  void limitRange() {
    cluster.create(
        """
        {"apiVersion": "v1", "kind": "LimitRange",
         "metadata": {"name": "defaults", "namespace": "shop"},
         "spec": {"limits": [{"type": "Container",
           "default": {"cpu": "500m", "memory": "256Mi"},
           "defaultRequest": {"cpu": "100m"},
           "min": {"cpu": "50m"},
           "max": {"cpu": "2", "memory": "1Gi"}}]}}
        """);
  }

  @Test
  void fillsMissingRequestsAndLimitsAndSaysSo() {
    JsonObject pod =
        cluster.create(
            pod(
                """
                {"name": "app"},
                {"name": "log", "resources": {"limits": {"cpu": "200m"}}}
                """));

    assertThat(resources(pod, 0))
        .isEqualTo(
            json(
                """
                {"limits": {"cpu": "500m", "memory": "256Mi"},
                 "requests": {"cpu": "100m", "memory": "256Mi"}}
                """));
    // the request follows the container's own limit, as the API server's defaulting does
    assertThat(resources(pod, 1))
        .isEqualTo(
            json(
                """
                {"limits": {"cpu": "200m", "memory": "256Mi"},
                 "requests": {"cpu": "200m", "memory": "256Mi"}}
                """));
    assertThat(JsonFields.string(pod, "metadata", "annotations", "kubernetes.io/limit-ranger"))
        .isEqualTo(
            "LimitRanger plugin set: cpu, memory request for container app;"
                + " cpu, memory limit for container app;"
                + " memory request for container log; memory limit for container log");
  }

  @Test
  void refusesAContainerAboveMaxWithKubernetesWording() {
    assertThatThrownBy(
            () ->
                cluster.create(
                    pod("{\"name\": \"app\", \"resources\": {\"limits\": {\"cpu\": \"3\"}}}")))
        .isInstanceOfSatisfying(
            ApiError.class,
            error -> {
              assertThat(error.code()).isEqualTo(403);
              assertThat(error.reason()).isEqualTo("Forbidden");
            })
        .hasMessage(
            "pods \"web\" is forbidden: maximum cpu usage per Container is 2, but limit is 3");
  }

  @Test
  void listsEveryViolationAtOnce() {
    assertThatThrownBy(
            () ->
                cluster.create(
                    pod(
                        """
                        {"name": "app", "resources": {
                          "requests": {"cpu": "10m"}, "limits": {"memory": "2Gi"}}}
                        """)))
        .hasMessage(
            "pods \"web\" is forbidden: [minimum cpu usage per Container is 50m, but request is"
                + " 10m, maximum memory usage per Container is 1Gi, but limit is 2Gi]");
  }

  @Test
  void leavesOtherNamespacesAlone() {
    JsonObject pod =
        cluster.create(
            pod("{\"name\": \"app\"}")
                .replace("\"namespace\": \"shop\"", "\"namespace\": \"other\""));

    assertThat(resources(pod, 0)).isNull();
    assertThat(JsonFields.object(pod, "metadata", "annotations")).isNull();
  }

  private static String pod(String containers) {
    return """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"containers": [%s]}}
        """
        .formatted(containers);
  }

  private static JsonObject resources(JsonObject pod, int container) {
    return JsonFields.object(
        JsonFields.objects(pod, "spec", "containers").get(container), "resources");
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
