package dev.tugboat.restore.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectivePodRequestTest {

  private static final long MI = 1024L * 1024;

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static ResourceVector vector(long cpu, long memory) {
    return ResourceVector.of(Map.of("cpu", cpu, "memory", memory, "pods", 1L));
  }

  @Test
  void sumsTheRegularContainersAndCountsOnePod() {
    JsonObject spec =
        json(
            """
            {"containers": [
              {"name": "app", "resources": {"requests": {"cpu": "250m", "memory": "64Mi"}}},
              {"name": "log", "resources": {"requests": {"cpu": "100m", "memory": "32Mi"}}}]}
            """);

    assertThat(EffectivePodRequest.of(spec)).isEqualTo(vector(350, 96 * MI));
  }

  @Test
  void aContainerWithOnlyLimitsRequestsItsLimits() {
    JsonObject spec =
        json(
            """
            {"containers": [{"name": "app", "resources": {
              "requests": {"memory": "64Mi"}, "limits": {"cpu": "2", "memory": "128Mi"}}}]}
            """);

    assertThat(EffectivePodRequest.of(spec)).isEqualTo(vector(2000, 64 * MI));
  }

  @Test
  void anInitContainerLargerThanTheSumSetsTheRequest() {
    JsonObject spec =
        json(
            """
            {"initContainers": [
               {"name": "migrate", "resources": {"requests": {"cpu": "2", "memory": "16Mi"}}}],
             "containers": [
               {"name": "a", "resources": {"requests": {"cpu": "500m", "memory": "64Mi"}}},
               {"name": "b", "resources": {"requests": {"cpu": "500m", "memory": "64Mi"}}}]}
            """);

    assertThat(EffectivePodRequest.of(spec)).isEqualTo(vector(2000, 128 * MI));
  }

  @Test
  void aSidecarRunsBesideTheContainersAndTheInitContainersStartedAfterIt() {
    JsonObject spec =
        json(
            """
            {"initContainers": [
               {"name": "setup", "resources": {"requests": {"cpu": "1", "memory": "10Mi"}}},
               {"name": "proxy", "restartPolicy": "Always",
                "resources": {"requests": {"cpu": "200m", "memory": "50Mi"}}},
               {"name": "warm", "resources": {"requests": {"cpu": "900m", "memory": "10Mi"}}}],
             "containers": [
               {"name": "app", "resources": {"requests": {"cpu": "500m", "memory": "100Mi"}}}]}
            """);

    // Running: 500m + 200m sidecar = 700m. Init: setup 1000m alone; warm 900m + 200m = 1100m.
    assertThat(EffectivePodRequest.of(spec)).isEqualTo(vector(1100, 150 * MI));
  }

  @Test
  void addsThePodOverhead() {
    JsonObject spec =
        json(
            """
            {"overhead": {"cpu": "250m", "memory": "120Mi"},
             "containers": [{"name": "app", "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}]}
            """);

    assertThat(EffectivePodRequest.of(spec)).isEqualTo(vector(1250, 1144 * MI));
  }

  @Test
  void aPodWithoutRequestsStillTakesAPodSlot() {
    assertThat(EffectivePodRequest.of(json("{\"containers\": [{\"name\": \"app\"}]}")))
        .isEqualTo(ResourceVector.of("pods", 1));
  }

  @Test
  void theTargetLimitRangeGivesARequestlessPodItsDefaults() {
    LimitRangeDefaults limitRange =
        LimitRangeDefaults.from(
            List.of(
                json(
                    """
                    {"kind": "LimitRange", "metadata": {"name": "defaults"}, "spec": {"limits": [
                      {"type": "Container", "defaultRequest": {"cpu": "100m"},
                       "default": {"cpu": "500m", "memory": "256Mi"}}]}}
                    """)));
    JsonObject spec =
        json(
            """
            {"initContainers": [{"name": "init"}],
             "containers": [{"name": "app"}, {"name": "side", "resources": {"limits": {"cpu": "1"}}}]}
            """);

    // app: cpu from defaultRequest, memory from the default limit; side keeps its own limit as
    // request.
    assertThat(EffectivePodRequest.withLimitRange(spec, limitRange))
        .isEqualTo(vector(1100, 512 * MI));
  }

  @Test
  void aLimitRangeViolationNamesTheContainerAndTheResource() {
    LimitRangeDefaults limitRange =
        LimitRangeDefaults.from(
            List.of(
                json(
                    """
                    {"metadata": {"name": "bounds"}, "spec": {"limits": [
                      {"type": "Container", "max": {"cpu": "2"}}]}}
                    """)));
    JsonObject spec =
        json(
            """
            {"containers": [{"name": "app", "resources": {"limits": {"cpu": "4"}}}]}
            """);

    assertThatThrownBy(() -> EffectivePodRequest.withLimitRange(spec, limitRange))
        .isInstanceOf(LimitRangeViolation.class)
        .hasMessage("container 'app': cpu limit 4 is above the maximum 2 (LimitRange 'bounds')");
  }
}
