package dev.tugboat.restore.migrate.rollback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the rollback did for one application, in the target and in the source.
 *
 * @param name the application
 * @param tier 0 (core) to 3 (sheddable)
 * @param restore the restore rolled back in the target; its own report, {@code
 *     restores/<restore>/tugboat-rollback.json}, lists every item
 * @param target how many of the restore's items ended each way: {@code deleted}, {@code put-back},
 *     {@code left-alone}, {@code failed}
 * @param karmada in Karmada mode, what was released in the control plane; empty otherwise
 * @param unquiesced source workloads given back their recorded replicas (or suspend, ...)
 * @param recreated source objects deleted at cutover and created again from the snapshot
 * @param failures one line per thing that could not be undone, naming it and why
 */
public record ApplicationRollback(
    String name,
    int tier,
    String restore,
    Map<String, Long> target,
    String karmada,
    long unquiesced,
    long recreated,
    List<String> failures) {

  public ApplicationRollback {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(restore, "restore");
    target = new TreeMap<>(target);
    Objects.requireNonNull(karmada, "karmada");
    failures = List.copyOf(failures);
  }

  /** The same application, once its source was put back. */
  ApplicationRollback withSource(long unquiesced, long recreated, List<String> failures) {
    List<String> all = new ArrayList<>(this.failures);
    all.addAll(failures);
    return new ApplicationRollback(
        name, tier, restore, target, karmada, unquiesced, recreated, all);
  }

  /** How many target items ended so, by word ({@code deleted}...); 0 when none. */
  public long count(String word) {
    return target.getOrDefault(word, 0L);
  }
}
