package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The namespace quota check: how many replicas a ResourceQuota admits before the scheduler is even
 * asked. A pod over quota is never created (the ReplicaSet reports {@code FailedCreate}), so this
 * binds before any node does.
 *
 * <p>A replica counts against {@code pods}, {@code count/pods}, and {@code requests.<resource>} for
 * every resource it requests (plus the bare {@code cpu}, {@code memory} and {@code
 * ephemeral-storage}, which quotas read as requests). Not modelled: {@code limits.*} (the groups
 * carry requests only), {@code count/<other objects>}, storage, and scoped quotas; those keys are
 * not checked.
 */
public final class QuotaCheck {

  /** The quota keys Kubernetes reads as the request of the same resource. */
  private static final List<String> BARE_REQUEST_KEYS =
      List.of(ResourceVector.CPU, ResourceVector.MEMORY, ResourceVector.EPHEMERAL_STORAGE);

  private QuotaCheck() {}

  /**
   * Admits replicas group after group, in the order given (pass them by priority, tier 0 first):
   * each takes what the quota still has room for.
   *
   * @param hard the quota's {@code spec.hard} (or, for several quotas, the smallest room per key),
   *     amounts in the scheduler's units (cpu keys in millicores; see {@link QuotaAmounts}); a map
   *     rather than a ResourceVector because a hard limit of 0 forbids and must not vanish
   * @param used the quota's {@code status.used}
   * @param groups the groups of the quota's namespace
   * @return one admission per group, in the same order
   */
  public static List<QuotaAdmission> admit(
      Map<String, Long> hard, ResourceVector used, List<ReplicaGroup> groups) {
    requireOneNamespace(groups);
    SortedMap<String, Long> room = new TreeMap<>();
    hard.forEach((key, limit) -> room.put(key, limit - used.get(key)));
    List<QuotaAdmission> admissions = new ArrayList<>();
    for (ReplicaGroup group : groups) {
      ResourceVector perReplica = chargeOf(group.perReplica());
      long admitted = group.replicas();
      Optional<String> binding = Optional.empty();
      for (Map.Entry<String, Long> key : room.entrySet()) {
        long charge = perReplica.get(key.getKey());
        if (charge > 0) {
          long fitting = Math.max(0, key.getValue()) / charge;
          if (fitting < admitted) {
            admitted = fitting;
            binding = Optional.of("quota:" + key.getKey());
          }
        }
      }
      long taken = admitted;
      room.replaceAll((key, left) -> left - perReplica.get(key) * taken);
      admissions.add(new QuotaAdmission(group, (int) admitted, binding));
    }
    return admissions;
  }

  /** What one replica with these requests counts against a quota, by quota key. */
  public static ResourceVector chargeOf(ResourceVector perReplica) {
    SortedMap<String, Long> charge = new TreeMap<>();
    perReplica
        .amounts()
        .forEach(
            (resource, amount) -> {
              if (!resource.equals(ResourceVector.PODS)) {
                charge.put("requests." + resource, amount);
                if (BARE_REQUEST_KEYS.contains(resource)) {
                  charge.put(resource, amount);
                }
              }
            });
    charge.put(ResourceVector.PODS, 1L);
    charge.put("count/pods", 1L);
    return ResourceVector.of(charge);
  }

  private static void requireOneNamespace(List<ReplicaGroup> groups) {
    for (ReplicaGroup group : groups) {
      if (!group.namespace().equals(groups.get(0).namespace())) {
        throw new IllegalArgumentException(
            "a quota covers one namespace, but groups "
                + groups.get(0).name()
                + " and "
                + group.name()
                + " are in different ones");
      }
    }
  }
}
