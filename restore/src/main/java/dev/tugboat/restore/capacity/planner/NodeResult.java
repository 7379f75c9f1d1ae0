package dev.tugboat.restore.capacity.planner;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One target node's requests before and after the planned replicas land (spread simulation),
 * amounts in the scheduler's units (cpu in millicores, memory in bytes, pods as a count).
 *
 * @param before the requests of the pods bound to the node now
 * @param after the same plus the target's pending pods and the planned replicas placed there
 */
public record NodeResult(
    String node, Map<String, Long> allocatable, Map<String, Long> before, Map<String, Long> after) {

  public NodeResult {
    Objects.requireNonNull(node, "node");
    allocatable = Collections.unmodifiableSortedMap(new TreeMap<>(allocatable));
    before = Collections.unmodifiableSortedMap(new TreeMap<>(before));
    after = Collections.unmodifiableSortedMap(new TreeMap<>(after));
  }
}
