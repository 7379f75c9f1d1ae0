package dev.tugboat.restore.capacity.snapshot;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One ResourceQuota of a target namespace, in the units of {@link
 * dev.tugboat.restore.capacity.simulate.QuotaAmounts} (cpu keys in millicores).
 *
 * @param name the ResourceQuota's name
 * @param hard its {@code spec.hard}, zeros kept (a hard limit of 0 forbids)
 * @param used its {@code status.used}; zero for a quota the quota controller has not counted yet
 */
public record TargetQuota(String name, SortedMap<String, Long> hard, ResourceVector used) {

  public TargetQuota {
    Objects.requireNonNull(name, "name");
    hard = Collections.unmodifiableSortedMap(new TreeMap<>(hard));
    Objects.requireNonNull(used, "used");
  }

  /**
   * The quotas of one namespace as one: the API server admits a pod only when every quota has room,
   * so for each key this takes the hard limit and usage of the quota with the least room left.
   *
   * @param quotas at least one
   * @return named after its parts, e.g. {@code compute+pods}
   */
  public static TargetQuota combine(List<TargetQuota> quotas) {
    if (quotas.isEmpty()) {
      throw new IllegalArgumentException("no quota to combine");
    }
    SortedMap<String, Long> hard = new TreeMap<>();
    SortedMap<String, Long> used = new TreeMap<>();
    for (TargetQuota quota : quotas) {
      quota.hard.forEach(
          (key, limit) -> {
            long room = limit - quota.used.get(key);
            if (!hard.containsKey(key) || room < hard.get(key) - used.get(key)) {
              hard.put(key, limit);
              used.put(key, quota.used.get(key));
            }
          });
    }
    String name = String.join("+", quotas.stream().map(TargetQuota::name).toList());
    return new TargetQuota(name, hard, ResourceVector.of(used));
  }
}
