package dev.tugboat.restore.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.demand.LimitRangeDefaults;
import dev.tugboat.restore.capacity.demand.PlacementRules;
import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.planner.ApplicationResult;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.Check;
import dev.tugboat.restore.capacity.planner.PendingPods;
import dev.tugboat.restore.capacity.planner.Verdict;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.SimNode;
import dev.tugboat.restore.capacity.snapshot.PendingPod;
import dev.tugboat.restore.capacity.snapshot.TargetQuota;
import dev.tugboat.restore.capacity.snapshot.TargetSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CapacityAnalysisTest {

  private static final long GI = 1L << 30;

  /** shop (tier 0, floor 2) and reports (tier 3), both mapped to a -dr namespace, headroom 0. */
  private static final MigrationPlan PLAN =
      CapacityPlans.fromFile(
          """
          apiVersion: tugboat.dev/v1
          kind: MigrationPlan
          name: dr
          source: {context: a}
          target: {context: b}
          namespaceMappings: {shop: shop-dr, reports: reports-dr}
          headroom: 0%
          applications:
          - name: shop
            tier: 0
            minReplicas: 2
            selector: {namespaces: [shop]}
          - name: reports
            tier: 3
            selector: {namespaces: [reports]}
          """,
          PlanOverrides.NONE);

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static JsonObject deployment(String namespace, String name, int replicas, String cpu) {
    String resources = cpu == null ? "{}" : "{\"requests\": {\"cpu\": \"" + cpu + "\"}}";
    return json(
        "{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"metadata\": {\"name\": \""
            + name
            + "\", \"namespace\": \""
            + namespace
            + "\"}, \"spec\": {\"replicas\": "
            + replicas
            + ", \"template\": {\"metadata\": {\"labels\": {\"app\": \""
            + name
            + "\"}}, \"spec\": {\"containers\": [{\"name\": \"c\", \"resources\": "
            + resources
            + "}]}}}}");
  }

  private static SimNode node(String name, long cpu) {
    return new SimNode(
        new NodeShape(name, Map.of(), List.of()),
        ResourceVector.of(
            Map.of(
                ResourceVector.CPU,
                cpu,
                ResourceVector.MEMORY,
                16 * GI,
                ResourceVector.PODS,
                110L)),
        ResourceVector.ZERO);
  }

  private static TargetSnapshot target(
      List<SimNode> nodes,
      Map<String, List<TargetQuota>> quotas,
      Map<String, LimitRangeDefaults> limitRanges) {
    return new TargetSnapshot(
        nodes, List.of(), new TreeMap<>(quotas), new TreeMap<>(limitRanges), List.of());
  }

  private static SortedMap<String, List<JsonObject>> byNamespace(JsonObject... objects) {
    SortedMap<String, List<JsonObject>> map = new TreeMap<>();
    for (JsonObject object : objects) {
      String namespace = object.getAsJsonObject("metadata").get("namespace").getAsString();
      map.computeIfAbsent(namespace, ns -> new ArrayList<>()).add(object);
    }
    return map;
  }

  private static LimitRangeDefaults limitRange(String item) {
    return LimitRangeDefaults.from(
        List.of(
            json(
                "{\"kind\": \"LimitRange\", \"metadata\": {\"name\": \"lr\"}, \"spec\":"
                    + " {\"limits\": ["
                    + item
                    + "]}}")));
  }

  @Test
  void aRequestlessPodGetsTheTargetNamespacesDefaultAndTheLadderShedsTierThreeFirst() {
    // The target's LimitRange makes each reports pod ask for 500m: 4 of them do not fit beside
    // shop's 3 x 1000m on one 4000m node, and the ladder takes reports down to 1.
    TargetSnapshot target =
        target(
            List.of(node("n1", 4000)),
            Map.of(),
            Map.of(
                "reports-dr",
                limitRange("{\"type\": \"Container\", \"defaultRequest\": {\"cpu\": \"500m\"}}")));

    CapacityPlan plan =
        CapacityAnalysis.plan(
            PLAN,
            byNamespace(deployment("shop", "web", 3, "1"), deployment("reports", "etl", 4, null)),
            new TreeMap<>(),
            new TreeMap<>(),
            target);

    assertThat(plan.verdict()).isEqualTo(Verdict.FITS_WITH_DOWNGRADE);
    assertThat(plan.applications())
        .containsExactly(
            new ApplicationResult("shop", 0, 3, 3, 3, 0, null, false),
            new ApplicationResult("reports", 3, 4, 2, 2, 0, null, false));
  }

  @Test
  void aPendingPodOfTheTargetTakesItsRoomBeforeTheApplications() {
    // 1000m of the 4000m node goes to the pending pod: reports keeps 1 replica, not 2.
    PendingPod pending =
        new PendingPod(
            "other",
            "stuck",
            ResourceVector.of(Map.of(ResourceVector.CPU, 1000L, ResourceVector.PODS, 1L)),
            PlacementRules.of(new JsonObject()));
    TargetSnapshot target =
        new TargetSnapshot(
            List.of(node("n1", 4000)),
            List.of(),
            new TreeMap<>(),
            new TreeMap<>(),
            List.of(pending));

    CapacityPlan plan =
        CapacityAnalysis.plan(
            PLAN,
            byNamespace(deployment("shop", "web", 2, "1"), deployment("reports", "etl", 4, "1")),
            new TreeMap<>(),
            new TreeMap<>(),
            target);

    assertThat(plan.pendingPods()).isEqualTo(new PendingPods(1, 1));
    assertThat(plan.verdict()).isEqualTo(Verdict.FITS_WITH_DOWNGRADE);
    assertThat(plan.applications())
        .containsExactly(
            new ApplicationResult("shop", 0, 2, 2, 2, 0, null, false),
            new ApplicationResult("reports", 3, 4, 1, 1, 0, null, false));
  }

  @Test
  void theQuotaOfTheMappedNamespaceBindsAndThePlanFloorHolds() {
    // requests.cpu 2500m in shop-dr admits 2 of shop's 3 pods; tier 0 is never degraded.
    TargetQuota quota =
        new TargetQuota(
            "compute", new TreeMap<>(Map.of("requests.cpu", 2500L)), ResourceVector.ZERO);
    TargetSnapshot target =
        target(List.of(node("n1", 8000)), Map.of("shop-dr", List.of(quota)), Map.of());

    CapacityPlan plan =
        CapacityAnalysis.plan(
            PLAN,
            byNamespace(deployment("shop", "web", 3, "1")),
            new TreeMap<>(),
            new TreeMap<>(),
            target);

    assertThat(plan.verdict()).isEqualTo(Verdict.DOES_NOT_FIT);
    assertThat(plan.applications())
        .containsExactly(new ApplicationResult("shop", 0, 3, 3, 2, 1, "quota:requests.cpu", false));
  }

  @Test
  void anAutoscalersMinReplicasRaisesTheFloorOfAWorkload() {
    // reports could go down to 1 on the ladder, but its HPA keeps 3.
    JsonObject autoscaler =
        json(
            "{\"kind\": \"HorizontalPodAutoscaler\", \"metadata\": {\"name\": \"etl\", \"namespace\":"
                + " \"reports\"}, \"spec\": {\"minReplicas\": 3, \"scaleTargetRef\": {\"kind\":"
                + " \"Deployment\", \"name\": \"etl\"}}}");
    TargetSnapshot target = target(List.of(node("n1", 4000)), Map.of(), Map.of());

    CapacityPlan plan =
        CapacityAnalysis.plan(
            PLAN,
            byNamespace(deployment("shop", "web", 2, "1"), deployment("reports", "etl", 4, "1")),
            byNamespace(autoscaler),
            new TreeMap<>(),
            target);

    assertThat(plan.verdict()).isEqualTo(Verdict.DOES_NOT_FIT);
    assertThat(plan.applications())
        .containsExactly(
            new ApplicationResult("shop", 0, 2, 2, 2, 0, null, false),
            new ApplicationResult("reports", 3, 4, 3, 2, 1, "cpu", false));
  }

  @Test
  void aWorkloadTheLimitRangeRefusesIsUnplacedWithTheReasonAndNothingFits() {
    TargetSnapshot target =
        target(
            List.of(node("n1", 8000)),
            Map.of(),
            Map.of(
                "shop-dr", limitRange("{\"type\": \"Container\", \"max\": {\"cpu\": \"500m\"}}")));

    CapacityPlan plan =
        CapacityAnalysis.plan(
            PLAN,
            byNamespace(deployment("shop", "web", 2, "1"), deployment("reports", "etl", 1, "1")),
            new TreeMap<>(),
            new TreeMap<>(),
            target);

    assertThat(plan.verdict()).isEqualTo(Verdict.DOES_NOT_FIT);
    String reason = plan.applications().get(1).binding().substring("limitrange: ".length());
    assertThat(plan.applications())
        .containsExactly(
            new ApplicationResult("reports", 3, 1, 1, 1, 0, null, false),
            new ApplicationResult("shop", 0, 2, 2, 0, 2, "limitrange: " + reason, false));
    assertThat(reason).contains("container 'c'").contains("LimitRange 'lr'");
    assertThat(plan.checks().get(0))
        .isEqualTo(new Check("limitrange", false, "Deployment shop/web: " + reason));
  }

  @Test
  void theSourceNamespacesAreThoseTheApplicationsSelect() {
    assertThat(CapacityAnalysis.sourceNamespaces(PLAN)).containsExactly("reports", "shop");
  }

  @Test
  void aPlanFromFlagsHasOneDegradableApplicationPerNamespace() {
    MigrationPlan plan =
        CapacityPlans.forNamespaces(
            List.of("shop", "batch"),
            new PlanOverrides(
                Optional.empty(),
                Optional.of("nightly"),
                Optional.of("standby"),
                Optional.of(Map.of("shop", "shop-dr")),
                Optional.of("10%")));

    assertThat(plan.applications())
        .extracting(app -> app.name() + ":" + app.tier() + ":" + app.selector().namespaces())
        .containsExactly("shop:2:[shop]", "batch:2:[batch]");
    assertThat(plan.toJson())
        .contains("\"source\": {\n    \"backup\": \"nightly\"\n  }")
        .contains("\"target\": {\n    \"context\": \"standby\"\n  }");
    assertThat(plan.namespaceMappings()).isEqualTo(Map.of("shop", "shop-dr"));
    assertThat(plan.headroomPercent()).isEqualTo(10);
  }

  @Test
  void flagsOverrideThePlanFileAndAreCheckedAsItsFieldsAre() {
    MigrationPlan plan =
        CapacityPlans.fromFile(
            PLAN.toJson(),
            new PlanOverrides(
                Optional.of("primary"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("7%")));

    assertThat(plan.source().toString())
        .isEqualTo("Live[cluster=ClusterAccess[context=primary, kubeconfig=Optional.empty]]");
    assertThat(plan.headroomPercent()).isEqualTo(7);
    assertThat(plan.namespaceMappings()).isEqualTo(PLAN.namespaceMappings());
    assertThatThrownBy(
            () ->
                CapacityPlans.fromFile(
                    PLAN.toJson(),
                    new PlanOverrides(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("80%"))))
        .hasMessage(
            "Invalid migration plan: headroom: must be a percentage from 0% to 50%, e.g. '5%',"
                + " not '80%'");
  }
}
