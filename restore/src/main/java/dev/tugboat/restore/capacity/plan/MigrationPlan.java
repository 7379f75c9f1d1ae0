package dev.tugboat.restore.capacity.plan;

import dev.tugboat.core.selection.ResourcePattern;
import dev.tugboat.restore.apply.ExistingResourcePolicy;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a capacity check or a migration moves, where, and how (issues 6 and 7), as read by {@link
 * MigrationPlanParser} from the YAML shown in this package's documentation. Immutable; every
 * default is filled in, so two plans that mean the same compare equal.
 *
 * @param name the migration's name, a DNS label (it names the restart-point backup)
 * @param source a live cluster or a backup
 * @param target the target cluster
 * @param namespaceMappings source namespace to target namespace; unmapped ones keep their name
 * @param applications the listed applications, in file order
 * @param grouping applications derived from a label, if any
 * @param excludedResources resource patterns ({@link ResourcePattern}) never migrated
 * @param headroomPercent the share of each node's allocatable resources kept free, 0 to 50
 * @param onInsufficientCapacity what to do when the applications do not fit
 * @param ladder the replica ratios tiers step down, from 1.0, strictly decreasing; the floor is
 *     always the last rung, after these
 * @param allowCoreDegrade whether tier 0 may be degraded too
 * @param parallelism how many applications of one tier migrate at once, 1 to 64
 * @param readinessTimeout how long an application may take to become available
 * @param cutover what happens to the source once the target is verified
 * @param conflictPolicy what to do with a target object that exists and differs
 * @param hooks the commands and webhooks run around each application and around the cutover
 * @param onFailure what happens in the target to an application that failed
 */
public record MigrationPlan(
    String name,
    PlanSource source,
    PlanTarget target,
    Map<String, String> namespaceMappings,
    List<PlanApplication> applications,
    Optional<Grouping> grouping,
    List<String> excludedResources,
    int headroomPercent,
    InsufficientCapacityAction onInsufficientCapacity,
    List<Double> ladder,
    boolean allowCoreDegrade,
    int parallelism,
    Duration readinessTimeout,
    Cutover cutover,
    ExistingResourcePolicy conflictPolicy,
    PlanHooks hooks,
    FailureAction onFailure) {

  /** The only {@code apiVersion} a plan file may have. */
  public static final String API_VERSION = "tugboat.dev/v1";

  /** The only {@code kind} a plan file may have. */
  public static final String KIND = "MigrationPlan";

  public MigrationPlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    // Sorted, so that the canonical JSON does not depend on the order of the file.
    namespaceMappings = Collections.unmodifiableMap(new TreeMap<>(namespaceMappings));
    applications = List.copyOf(applications);
    Objects.requireNonNull(grouping, "grouping");
    excludedResources = List.copyOf(excludedResources);
    Objects.requireNonNull(onInsufficientCapacity, "onInsufficientCapacity");
    ladder = List.copyOf(ladder);
    Objects.requireNonNull(readinessTimeout, "readinessTimeout");
    Objects.requireNonNull(cutover, "cutover");
    Objects.requireNonNull(conflictPolicy, "conflictPolicy");
    Objects.requireNonNull(hooks, "hooks");
    Objects.requireNonNull(onFailure, "onFailure");
  }

  /** Online, offline or Karmada, from the source and the target. */
  public MigrationMode mode() {
    if (target.karmadaMemberCluster().isPresent()) {
      return MigrationMode.KARMADA;
    }
    return source instanceof PlanSource.Stored ? MigrationMode.OFFLINE : MigrationMode.ONLINE;
  }

  /** The namespace a source namespace lands in. */
  public String targetNamespace(String sourceNamespace) {
    return namespaceMappings.getOrDefault(sourceNamespace, sourceNamespace);
  }

  /** {@link #excludedResources()} parsed; the parser has checked that they parse. */
  public List<ResourcePattern> excludedResourcePatterns() {
    return excludedResources.stream().map(ResourcePattern::parse).toList();
  }

  /**
   * The plan as canonical JSON, every default written out: what a job stores in its parameters.
   * {@link MigrationPlanParser#parse(String)} reads it back to an equal plan.
   */
  public String toJson() {
    return MigrationPlanJson.write(this);
  }
}
