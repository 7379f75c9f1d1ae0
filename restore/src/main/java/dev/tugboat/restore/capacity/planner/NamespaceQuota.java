package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.QuotaAmounts;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The ResourceQuota of one target namespace, as {@link
 * dev.tugboat.restore.capacity.simulate.QuotaCheck} reads it.
 *
 * @param hard {@code spec.hard} in the scheduler's units ({@link QuotaAmounts}), zeros kept
 * @param used {@code status.used}
 */
public record NamespaceQuota(Map<String, Long> hard, ResourceVector used) {

  public NamespaceQuota {
    hard = Collections.unmodifiableMap(new TreeMap<>(hard));
    Objects.requireNonNull(used, "used");
  }
}
