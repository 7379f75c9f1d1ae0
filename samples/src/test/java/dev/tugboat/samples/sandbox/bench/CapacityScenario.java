package dev.tugboat.samples.sandbox.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.restore.capacity.demand.Floor;
import dev.tugboat.restore.capacity.demand.PlacementRules;
import dev.tugboat.restore.capacity.demand.Replicas;
import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.model.Taint;
import dev.tugboat.restore.capacity.plan.InsufficientCapacityAction;
import dev.tugboat.restore.capacity.planner.Application;
import dev.tugboat.restore.capacity.planner.Applications;
import dev.tugboat.restore.capacity.planner.CapacityInput;
import dev.tugboat.restore.capacity.planner.MovedWorkload;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.Headroom;
import dev.tugboat.restore.capacity.simulate.SimNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capacity benchmark's input for a cluster of {@code n} empty nodes (n a multiple of {@link
 * #BLOCK}), with 10 pods' worth of demand per node. Nodes: 8 cpu, 32Gi, 110 pods; of every ten,
 * four are labelled {@code disk=ssd}, one is tainted {@code dedicated=batch:NoSchedule}, and each
 * has a zone label. Demand: two DaemonSets tolerating every taint (2 pods per node), and for every
 * ten nodes four applications, one per tier, of two workloads with 10 replicas each (8 pods per
 * node): some with a node selector, some with a toleration, some at most one per node. The workload
 * count grows with the cluster, as it does in real clusters.
 *
 * <p>Every workload gets a placement rule object of its own, as {@code WorkloadReader} gives it, so
 * that the planner cannot share an eligibility evaluation between workloads it would not share in
 * production.
 */
final class CapacityScenario {

  /** Nodes per repetition of the mix. */
  static final int BLOCK = 10;

  /** The replicas of every non-DaemonSet workload. */
  static final int REPLICAS = 10;

  /** The floor of every non-DaemonSet workload, as a PodDisruptionBudget would give it. */
  static final int FLOOR = 2;

  static final List<Double> LADDER = List.of(1.0, 0.75, 0.5, 0.25);

  private static final long GI = 1L << 30;
  private static final long MI = 1L << 20;

  /**
   * One workload of the mix; cpu in millicores, memory in bytes, both even so that the
   * overcommitted scenario's 2.5x stays whole.
   *
   * @param nodeSelector the {@code disk} label's required value, or null
   * @param tolerates {@code batch} (the {@code dedicated=batch} taint), {@code everything}, or null
   * @param onePerNode a required anti-affinity on the hostname: at most one replica per node
   */
  private record Shape(
      String application,
      int tier,
      String kind,
      String name,
      long cpu,
      long memory,
      String nodeSelector,
      String tolerates,
      boolean onePerNode) {}

  private static final List<Shape> MIX =
      List.of(
          new Shape("core", 0, "Deployment", "api", 500, 2 * GI, null, null, true),
          new Shape("core", 0, "StatefulSet", "db", 1000, 4 * GI, "ssd", null, false),
          new Shape("shop", 1, "Deployment", "web", 500, GI, null, null, false),
          new Shape("shop", 1, "Deployment", "cart", 600, 2 * GI, null, null, false),
          new Shape("reports", 2, "Deployment", "reports", 400, 2 * GI, null, null, false),
          new Shape("reports", 2, "Deployment", "cache", 200, GI, "ssd", null, false),
          new Shape("batch", 3, "Deployment", "worker", 1000, 2 * GI, null, "batch", false),
          new Shape("batch", 3, "Deployment", "crawler", 500, GI, null, "batch", true));

  private static final List<Shape> DAEMON_SETS =
      List.of(
          new Shape("agents", 0, "DaemonSet", "log-agent", 100, 128 * MI, null, "everything", true),
          new Shape(
              "agents", 0, "DaemonSet", "node-exporter", 50, 64 * MI, null, "everything", true));

  private CapacityScenario() {}

  /**
   * @param nodes a positive multiple of {@link #BLOCK}
   * @param requestFactor what every pod's request is multiplied by: 1 gives about 60% of the
   *     cluster's cpu and memory, which fits; 2.5 about 150%, which makes the ladder run
   */
  static CapacityInput input(int nodes, double requestFactor) {
    if (nodes <= 0 || nodes % BLOCK != 0) {
      throw new IllegalArgumentException(
          "the capacity benchmark needs a positive multiple of " + BLOCK + " nodes, not " + nodes);
    }
    List<Application> applications = new ArrayList<>();
    Map<Workload, Floor> floors = new LinkedHashMap<>();
    List<MovedWorkload> agents = new ArrayList<>();
    for (Shape shape : DAEMON_SETS) {
      agents.add(moved(workload(shape, "agents", Replicas.ONE_PER_ELIGIBLE_NODE, requestFactor)));
    }
    applications.add(new Application("agents", 0, agents));
    for (int block = 0; block < nodes / BLOCK; block++) {
      Map<String, List<MovedWorkload>> byApplication = new LinkedHashMap<>();
      Map<String, Integer> tiers = new LinkedHashMap<>();
      for (Shape shape : MIX) {
        String application = String.format(Locale.ROOT, "%s-%04d", shape.application(), block);
        tiers.put(application, shape.tier());
        Workload workload = workload(shape, application, Replicas.of(REPLICAS), requestFactor);
        floors.put(workload, new Floor(FLOOR, "minAvailable " + FLOOR));
        byApplication.computeIfAbsent(application, name -> new ArrayList<>()).add(moved(workload));
      }
      for (Map.Entry<String, List<MovedWorkload>> application : byApplication.entrySet()) {
        applications.add(
            new Application(
                application.getKey(), tiers.get(application.getKey()), application.getValue()));
      }
    }
    return new CapacityInput(
        nodes(nodes),
        List.of(),
        Map.of(),
        new Applications(applications, List.of()),
        floors,
        LADDER,
        false,
        Headroom.NONE,
        InsufficientCapacityAction.DOWNGRADE);
  }

  private static List<SimNode> nodes(int count) {
    ResourceVector allocatable =
        ResourceVector.of(
            Map.of(
                ResourceVector.CPU, 8_000L,
                ResourceVector.MEMORY, 32 * GI,
                ResourceVector.PODS, 110L));
    List<SimNode> nodes = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      String name = String.format(Locale.ROOT, "node-%05d", index);
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("kubernetes.io/hostname", name);
      labels.put("topology.kubernetes.io/zone", "zone-" + (char) ('a' + index % 3));
      if (index % BLOCK < 4) {
        labels.put("disk", "ssd");
      }
      List<Taint> taints =
          index % BLOCK == BLOCK - 1
              ? List.of(new Taint("dedicated", "batch", "NoSchedule"))
              : List.of();
      nodes.add(new SimNode(new NodeShape(name, labels, taints), allocatable, ResourceVector.ZERO));
    }
    return nodes;
  }

  private static Workload workload(
      Shape shape, String namespace, Replicas replicas, double requestFactor) {
    ResourceVector request =
        ResourceVector.of(
            Map.of(
                ResourceVector.CPU, Math.round(shape.cpu() * requestFactor),
                ResourceVector.MEMORY, Math.round(shape.memory() * requestFactor),
                ResourceVector.PODS, 1L));
    return new Workload(
        shape.kind(),
        namespace,
        shape.name(),
        replicas,
        request,
        PlacementRules.of(podSpec(shape)),
        shape.onePerNode() ? 1 : Workload.UNLIMITED_PER_NODE,
        Map.of("app", shape.name()));
  }

  /** A pod spec with the shape's node selector and toleration, read as the planner reads one. */
  private static JsonObject podSpec(Shape shape) {
    JsonObject spec = new JsonObject();
    if (shape.nodeSelector() != null) {
      JsonObject selector = new JsonObject();
      selector.addProperty("disk", shape.nodeSelector());
      spec.add("nodeSelector", selector);
    }
    if (shape.tolerates() != null) {
      JsonObject toleration = new JsonObject();
      boolean everything = shape.tolerates().equals("everything");
      if (!everything) {
        toleration.addProperty("key", "dedicated");
        toleration.addProperty("value", "batch");
        toleration.addProperty("effect", "NoSchedule");
      }
      toleration.addProperty("operator", everything ? "Exists" : "Equal");
      JsonArray tolerations = new JsonArray();
      tolerations.add(toleration);
      spec.add("tolerations", tolerations);
    }
    return spec;
  }

  private static MovedWorkload moved(Workload workload) {
    return new MovedWorkload(workload, workload.namespace());
  }
}
