package dev.tugboat.restore.capacity.planner;

import com.google.gson.JsonObject;
import dev.tugboat.restore.capacity.demand.Floor;
import dev.tugboat.restore.capacity.demand.PlacementRules;
import dev.tugboat.restore.capacity.demand.Replicas;
import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.model.Taint;
import dev.tugboat.restore.capacity.plan.InsufficientCapacityAction;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.Headroom;
import dev.tugboat.restore.capacity.simulate.SimNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for the planner's tests: cpu in millicores, memory in Gi. */
final class PlannerFixtures {

  static final long GI = 1L << 30;
  static final List<Double> LADDER = List.of(1.0, 0.75, 0.5, 0.25);
  static final PlacementRules ANYWHERE = PlacementRules.of(new JsonObject());

  private PlannerFixtures() {}

  static ResourceVector resources(long cpu, long memoryGi, long pods) {
    return ResourceVector.of(
        Map.of(
            ResourceVector.CPU,
            cpu,
            ResourceVector.MEMORY,
            memoryGi * GI,
            ResourceVector.PODS,
            pods));
  }

  static SimNode node(String name, long cpu) {
    return new SimNode(
        new NodeShape(name, Map.of(), List.of()), resources(cpu, 16, 110), ResourceVector.ZERO);
  }

  static SimNode taintedNode(String name, long cpu) {
    return new SimNode(
        new NodeShape(name, Map.of(), List.of(new Taint("dedicated", "gpu", "NoSchedule"))),
        resources(cpu, 16, 110),
        ResourceVector.ZERO);
  }

  static Workload deployment(String namespace, String name, int replicas, long cpu) {
    return workload("Deployment", namespace, name, Replicas.of(replicas), cpu, Map.of());
  }

  static Workload workload(
      String kind,
      String namespace,
      String name,
      Replicas replicas,
      long cpu,
      Map<String, String> labels) {
    return new Workload(
        kind,
        namespace,
        name,
        replicas,
        resources(cpu, 1, 1),
        ANYWHERE,
        kind.equals("DaemonSet") ? 1 : Workload.UNLIMITED_PER_NODE,
        labels);
  }

  /** A DaemonSet that does not tolerate the {@code dedicated=gpu} taint. */
  static Workload daemonSet(String namespace, String name, long cpu) {
    return workload("DaemonSet", namespace, name, Replicas.ONE_PER_ELIGIBLE_NODE, cpu, Map.of());
  }

  static Application application(String name, int tier, Workload... workloads) {
    return new Application(
        name,
        tier,
        Arrays.stream(workloads)
            .map(workload -> new MovedWorkload(workload, workload.namespace()))
            .toList());
  }

  /** Floor 1 ("default") for every workload not named in {@code floors}. */
  static Map<Workload, Floor> floors(List<Application> applications, Map<Workload, Floor> floors) {
    Map<Workload, Floor> all = new LinkedHashMap<>();
    for (Application application : applications) {
      for (MovedWorkload moved : application.workloads()) {
        if (!moved.workload().replicas().onePerEligibleNode()) {
          all.put(moved.workload(), floors.getOrDefault(moved.workload(), new Floor(1, "default")));
        }
      }
    }
    return all;
  }

  static CapacityInput input(
      List<SimNode> nodes,
      Map<String, NamespaceQuota> quotas,
      List<Application> applications,
      Map<Workload, Floor> floors,
      boolean allowCoreDegrade,
      InsufficientCapacityAction action) {
    return new CapacityInput(
        nodes,
        List.of(),
        quotas,
        new Applications(applications, List.of()),
        floors(applications, floors),
        LADDER,
        allowCoreDegrade,
        Headroom.NONE,
        action);
  }
}
