package dev.tugboat.restore.capacity.simulate;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where one group's replicas went.
 *
 * @param placed replicas placed; {@code placed + unplaced} is the group's replica count
 * @param unplaced replicas no node could take
 * @param reason when some are unplaced, what bound: a resource ({@code cpu}, {@code memory}, {@code
 *     pods}, {@code nvidia.com/gpu}), {@code at most N per node}, or {@code no eligible node: <why
 *     the first node was refused>}
 * @param replicasByNode node name to replicas placed there, only nodes that took some
 */
public record GroupPlacement(
    ReplicaGroup group,
    int placed,
    int unplaced,
    Optional<String> reason,
    SortedMap<String, Integer> replicasByNode) {

  public GroupPlacement {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(reason, "reason");
    replicasByNode = Collections.unmodifiableSortedMap(new TreeMap<>(replicasByNode));
  }
}
