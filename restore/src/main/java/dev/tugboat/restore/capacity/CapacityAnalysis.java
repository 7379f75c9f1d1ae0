package dev.tugboat.restore.capacity;

import com.google.gson.JsonObject;
import dev.tugboat.restore.capacity.demand.Floor;
import dev.tugboat.restore.capacity.demand.Floors;
import dev.tugboat.restore.capacity.demand.LimitRangeViolation;
import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.demand.WorkloadReader;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.planner.Application;
import dev.tugboat.restore.capacity.planner.Applications;
import dev.tugboat.restore.capacity.planner.CapacityInput;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.CapacityPlanner;
import dev.tugboat.restore.capacity.planner.MovedWorkload;
import dev.tugboat.restore.capacity.planner.NamespaceQuota;
import dev.tugboat.restore.capacity.simulate.Headroom;
import dev.tugboat.restore.capacity.snapshot.SourceObjects;
import dev.tugboat.restore.capacity.snapshot.TargetQuota;
import dev.tugboat.restore.capacity.snapshot.TargetSnapshot;
import dev.tugboat.restore.capacity.snapshot.TargetSnapshotReader;
import dev.tugboat.restore.source.SpooledBackup;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The capacity check of issue 6 from end to end: reads the plan's source objects (from a live
 * cluster or a backup) and a snapshot of the target, turns them into the planner's input, and
 * plans. Reading and combining are apart, so that a caller can tell which cluster failed, and
 * {@link #plan(MigrationPlan, SourceObjects, TargetSnapshot)} touches no cluster.
 *
 * <p>Each workload is read with the LimitRanges of the namespace it lands in, so that a pod without
 * requests gets the defaults the target would give it. A workload that LimitRange admission would
 * refuse cannot run there at any replica count: it is left out of the simulation and reported as
 * unplaced, with the binding {@code limitrange: <why>} ({@link LimitRangeRefusals}).
 *
 * <p>The target's pending pods are competing demand: the planner places them before the
 * applications ({@link TargetSnapshot#pendingPodGroups()}).
 */
public final class CapacityAnalysis {

  private CapacityAnalysis() {}

  /**
   * Reads the plan's source objects from a live cluster, but the types of its {@code
   * excludedResources}, which are not migrated.
   *
   * @throws dev.tugboat.core.cluster.DiscoveryException when the cluster's API cannot be discovered
   * @throws dev.tugboat.core.cluster.ListRequestException naming the listing that failed
   */
  public static SourceObjects readSource(MigrationPlan plan, ApiClient source) {
    return SourceObjects.fromCluster(
        source, sourceNamespaces(plan), plan.excludedResourcePatterns());
  }

  /**
   * Reads the plan's source objects from a spooled backup, but the types of its {@code
   * excludedResources}, which are not migrated.
   *
   * @throws IOException when the spool cannot be read back
   */
  public static SourceObjects readSource(MigrationPlan plan, SpooledBackup source)
      throws IOException {
    return SourceObjects.fromBackup(
        source, sourceNamespaces(plan), plan.excludedResourcePatterns());
  }

  /**
   * The source namespaces the plan moves: those its applications select, or every namespace when
   * applications are also derived from a grouping label (any namespace may carry it).
   */
  public static Set<String> sourceNamespaces(MigrationPlan plan) {
    if (plan.grouping().isPresent()) {
      return Set.of();
    }
    Set<String> namespaces = new TreeSet<>();
    plan.applications().forEach(app -> namespaces.addAll(app.selector().namespaces()));
    return namespaces;
  }

  /**
   * Reads the target's snapshot for the namespaces the source's workloads land in, and plans.
   *
   * @throws dev.tugboat.core.cluster.ListRequestException naming the listing that failed
   */
  public static CapacityPlan plan(MigrationPlan plan, SourceObjects source, ApiClient target) {
    Set<String> targetNamespaces = new TreeSet<>();
    source.workloads().keySet().forEach(ns -> targetNamespaces.add(plan.targetNamespace(ns)));
    return plan(plan, source, new TargetSnapshotReader(target).read(targetNamespaces));
  }

  /** Combines what was read into the planner's input, and plans. */
  public static CapacityPlan plan(
      MigrationPlan plan, SourceObjects source, TargetSnapshot snapshot) {
    return plan(
        plan, source.workloads(), source.autoscalers(), source.disruptionBudgets(), snapshot);
  }

  /**
   * {@link #plan(MigrationPlan, SourceObjects, TargetSnapshot)} over the source's objects by
   * namespace, which tests can make by hand.
   */
  static CapacityPlan plan(
      MigrationPlan plan,
      SortedMap<String, List<JsonObject>> workloadObjects,
      SortedMap<String, List<JsonObject>> autoscalers,
      SortedMap<String, List<JsonObject>> disruptionBudgets,
      TargetSnapshot snapshot) {
    List<Workload> workloads = new ArrayList<>();
    LimitRangeRefusals refusals = new LimitRangeRefusals();
    workloadObjects.forEach(
        (namespace, objects) -> {
          String targetNamespace = plan.targetNamespace(namespace);
          for (JsonObject object : objects) {
            try {
              WorkloadReader.read(object, snapshot.limitRangeIn(targetNamespace))
                  .ifPresent(workloads::add);
            } catch (LimitRangeViolation violation) {
              WorkloadReader.read(object)
                  .ifPresent(workload -> refusals.add(workload, violation.getMessage()));
            }
          }
        });
    Applications applications = Applications.assign(plan, workloads);
    CapacityInput input =
        new CapacityInput(
            snapshot.nodes(),
            snapshot.pendingPodGroups(),
            quotas(applications, snapshot),
            applications,
            floors(plan, applications, Floors.from(all(autoscalers), all(disruptionBudgets))),
            plan.ladder(),
            plan.allowCoreDegrade(),
            Headroom.percentOfCpuAndMemory(plan.headroomPercent()),
            plan.onInsufficientCapacity());
    return refusals.applyTo(CapacityPlanner.plan(input), plan, snapshot.nodes());
  }

  /** The floor of every workload that has one, with its application's {@code minReplicas}. */
  private static Map<Workload, Floor> floors(
      MigrationPlan plan, Applications applications, Floors floors) {
    Map<String, OptionalInt> minReplicas = new HashMap<>();
    plan.applications().forEach(app -> minReplicas.put(app.name(), app.minReplicas()));
    Map<Workload, Floor> result = new HashMap<>();
    for (Application application : applications.applications()) {
      // An application derived from the grouping label has no minReplicas of its own.
      OptionalInt planMin = minReplicas.getOrDefault(application.name(), OptionalInt.empty());
      for (MovedWorkload moved : application.workloads()) {
        Workload workload = moved.workload();
        if (!workload.replicas().onePerEligibleNode()) {
          result.put(workload, floors.of(workload, planMin));
        }
      }
    }
    return result;
  }

  /** The quota of each target namespace an application lands in, when it has one. */
  private static Map<String, NamespaceQuota> quotas(
      Applications applications, TargetSnapshot snapshot) {
    Map<String, NamespaceQuota> quotas = new TreeMap<>();
    for (Application application : applications.applications()) {
      for (MovedWorkload moved : application.workloads()) {
        Optional<TargetQuota> quota = snapshot.quotaIn(moved.targetNamespace());
        quota.ifPresent(
            q -> quotas.put(moved.targetNamespace(), new NamespaceQuota(q.hard(), q.used())));
      }
    }
    return quotas;
  }

  private static List<JsonObject> all(Map<String, List<JsonObject>> byNamespace) {
    return byNamespace.values().stream().flatMap(Collection::stream).toList();
  }
}
