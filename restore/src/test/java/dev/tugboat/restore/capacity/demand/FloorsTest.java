package dev.tugboat.restore.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FloorsTest {

  private static final OptionalInt NO_PLAN = OptionalInt.empty();

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static Workload deployment(String name, int replicas) {
    return new Workload(
        "Deployment",
        "shop",
        name,
        Replicas.of(replicas),
        ResourceVector.of("pods", 1),
        PlacementRules.of(new JsonObject()),
        Workload.UNLIMITED_PER_NODE,
        Map.of("app", name));
  }

  private static JsonObject autoscaler(String namespace, String kind, String target, String min) {
    return json(
        """
        {"kind": "HorizontalPodAutoscaler", "metadata": {"namespace": "%s", "name": "%s-hpa"},
         "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "%s", "name": "%s"}, %s
                  "maxReplicas": 20}}
        """
            .formatted(namespace, target, kind, target, min));
  }

  private static JsonObject budget(String app, String rule) {
    return json(
        """
        {"kind": "PodDisruptionBudget", "metadata": {"namespace": "shop", "name": "%s-pdb"},
         "spec": {"selector": {"matchLabels": {"app": "%s"}}, %s}}
        """
            .formatted(app, app, rule));
  }

  private static Floor floor(Workload workload, JsonObject... budgets) {
    return Floors.from(List.of(), List.of(budgets)).of(workload, NO_PLAN);
  }

  @Test
  void withNothingElseTheFloorIsOne() {
    assertThat(floor(deployment("web", 5))).isEqualTo(new Floor(1, "default"));
  }

  @Test
  void thePlansMinReplicasCountsButNeverAboveTheSourceReplicas() {
    Floors floors = Floors.from(List.of(), List.of());

    assertThat(floors.of(deployment("web", 5), OptionalInt.of(3)))
        .isEqualTo(new Floor(3, "plan minReplicas"));
    assertThat(floors.of(deployment("web", 2), OptionalInt.of(3)))
        .isEqualTo(new Floor(2, "source replicas"));
  }

  @Test
  void theMinReplicasOfTheAutoscalerNamingTheWorkload() {
    Floors floors =
        Floors.from(
            List.of(
                autoscaler("shop", "Deployment", "web", "\"minReplicas\": 4,"),
                autoscaler("other", "Deployment", "api", "\"minReplicas\": 9,"),
                autoscaler("shop", "StatefulSet", "api", "\"minReplicas\": 9,"),
                autoscaler("shop", "Deployment", "api", "")),
            List.of());

    assertThat(floors.of(deployment("web", 10), NO_PLAN))
        .isEqualTo(new Floor(4, "HorizontalPodAutoscaler web-hpa minReplicas 4"));
    assertThat(floors.of(deployment("api", 10), NO_PLAN)).isEqualTo(new Floor(1, "default"));
  }

  @Test
  void anAbsoluteMinAvailableKeepsOneMoreThanTheBudget() {
    assertThat(floor(deployment("web", 5), budget("web", "\"minAvailable\": 2")))
        .isEqualTo(new Floor(3, "PodDisruptionBudget web-pdb minAvailable 2"));
    assertThat(floor(deployment("web", 2), budget("web", "\"minAvailable\": 2")))
        .isEqualTo(new Floor(2, "source replicas"));
  }

  @Test
  void aPercentageMinAvailableRoundsUpThenAddsOne() {
    // 50% of 5 is 2.5, rounded up to 3; one more is 4.
    assertThat(floor(deployment("web", 5), budget("web", "\"minAvailable\": \"50%\"")))
        .isEqualTo(new Floor(4, "PodDisruptionBudget web-pdb minAvailable 50%"));
    assertThat(floor(deployment("web", 4), budget("web", "\"minAvailable\": \"100%\"")))
        .isEqualTo(new Floor(4, "source replicas"));
  }

  @Test
  void maxUnavailableKeepsTheRest() {
    assertThat(floor(deployment("web", 6), budget("web", "\"maxUnavailable\": 2")))
        .isEqualTo(new Floor(4, "PodDisruptionBudget web-pdb maxUnavailable 2"));
    // 25% of 6 is 1.5, rounded up to 2.
    assertThat(floor(deployment("web", 6), budget("web", "\"maxUnavailable\": \"25%\"")))
        .isEqualTo(new Floor(4, "PodDisruptionBudget web-pdb maxUnavailable 25%"));
    assertThat(floor(deployment("web", 6), budget("web", "\"maxUnavailable\": 0")))
        .isEqualTo(new Floor(6, "PodDisruptionBudget web-pdb maxUnavailable 0"));
  }

  @Test
  void onlyBudgetsSelectingTheTemplateLabelsCountAndTheHighestWins() {
    JsonObject other = budget("db", "\"minAvailable\": 5");
    JsonObject noSelector =
        json(
            """
            {"kind": "PodDisruptionBudget", "metadata": {"namespace": "shop", "name": "all"},
             "spec": {"minAvailable": 5}}
            """);

    assertThat(floor(deployment("web", 8), other, noSelector)).isEqualTo(new Floor(1, "default"));
    assertThat(
            floor(
                deployment("web", 8),
                budget("web", "\"minAvailable\": 1"),
                budget("web", "\"maxUnavailable\": 3")))
        .isEqualTo(new Floor(5, "PodDisruptionBudget web-pdb maxUnavailable 3"));
  }

  @Test
  void aBudgetValueThatIsNeitherCountNorPercentageIsNamed() {
    assertThatThrownBy(
            () -> floor(deployment("web", 3), budget("web", "\"minAvailable\": \"half\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PodDisruptionBudget web-pdb: 'half' is neither a count nor a percentage");
  }

  @Test
  void aDaemonSetHasNoFloor() {
    Workload agent =
        new Workload(
            "DaemonSet",
            "ops",
            "agent",
            Replicas.ONE_PER_ELIGIBLE_NODE,
            ResourceVector.of("pods", 1),
            PlacementRules.of(new JsonObject()),
            1,
            Map.of());

    assertThatThrownBy(() -> floor(agent))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DaemonSet ops/agent runs one pod per eligible node and has no replica floor");
  }
}
