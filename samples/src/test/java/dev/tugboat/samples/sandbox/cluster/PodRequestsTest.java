package dev.tugboat.samples.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class PodRequestsTest {

  @Test
  void sumsContainersAndAddsOverhead() {
    JsonObject pod =
        pod(
            """
            "containers": [
              {"name": "app", "resources": {"requests": {"cpu": "500m", "memory": "512Mi"}}},
              {"name": "log", "resources": {"requests": {"cpu": "250m", "memory": "512Mi"}}}
            ],
            "overhead": {"cpu": "100m", "memory": "64Mi"}
            """);

    assertThat(PodRequests.requests(pod)).hasToString("cpu=850m,memory=1088Mi");
  }

  @Test
  void largestInitContainerWinsWhenItNeedsMoreThanTheContainers() {
    JsonObject pod =
        pod(
            """
            "initContainers": [
              {"name": "migrate", "resources": {"requests": {"cpu": "2", "memory": "128Mi"}}},
              {"name": "warm", "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}
            ],
            "containers": [
              {"name": "app", "resources": {"requests": {"cpu": "500m", "memory": "256Mi"}}}
            ]
            """);

    // per resource: cpu from the first init container, memory from the second
    assertThat(PodRequests.requests(pod)).hasToString("cpu=2,memory=1Gi");
  }

  @Test
  void sidecarsRunNextToContainersAndNextToLaterInitContainers() {
    JsonObject pod =
        pod(
            """
            "initContainers": [
              {"name": "setup", "resources": {"requests": {"cpu": "1"}}},
              {"name": "proxy", "restartPolicy": "Always", "resources": {"requests": {"cpu": "300m"}}},
              {"name": "migrate", "resources": {"requests": {"cpu": "1200m"}}}
            ],
            "containers": [
              {"name": "app", "resources": {"requests": {"cpu": "500m"}}}
            ],
            "overhead": {"cpu": "50m"}
            """);

    // containers + sidecar = 800m; migrate runs beside the proxy: 1500m; setup alone: 1
    assertThat(PodRequests.requests(pod)).hasToString("cpu=1550m");
  }

  @Test
  void requestsDefaultFromLimits() {
    JsonObject pod =
        pod(
            """
            "containers": [
              {"name": "app", "resources": {
                "limits": {"cpu": "1", "memory": "1Gi"},
                "requests": {"cpu": "250m"}}}
            ]
            """);

    assertThat(PodRequests.requests(pod)).hasToString("cpu=250m,memory=1Gi");
  }

  @Test
  void limitsGetOverheadOnlyWhereALimitIsSet() {
    JsonObject pod =
        pod(
            """
            "containers": [
              {"name": "app", "resources": {"limits": {"cpu": "1"}}}
            ],
            "overhead": {"cpu": "100m", "memory": "64Mi"}
            """);

    assertThat(PodRequests.limits(pod)).hasToString("cpu=1100m");
  }

  @Test
  void scoringCountsContainersWithoutRequestsAsSmallButNotFree() {
    JsonObject pod =
        pod(
            """
            "containers": [
              {"name": "app"},
              {"name": "big", "resources": {"requests": {"cpu": "2"}}}
            ]
            """);

    assertThat(PodRequests.requests(pod)).hasToString("cpu=2");
    assertThat(PodRequests.scoringRequests(pod)).hasToString("cpu=2100m,memory=400Mi");
  }

  @Test
  void malformedQuantityNamesTheResource() {
    JsonObject pod =
        pod(
            """
            "containers": [{"name": "app", "resources": {"requests": {"cpu": "lots"}}}]
            """);

    assertThatThrownBy(() -> PodRequests.requests(pod))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantity \"lots\" of resource cpu is not a Kubernetes quantity");
  }

  private static JsonObject pod(String spec) {
    return JsonParser.parseString(
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"spec\": {" + spec + "}}")
        .getAsJsonObject();
  }
}
