package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Optional;

/**
 * The aggregate necessary condition's outcome.
 *
 * @param demand what all the replicas request together
 * @param free the free room summed over every node at least one group may use
 * @param shortfall the first resource, by name, of which more is demanded than is free
 */
public record AggregateResult(
    ResourceVector demand, ResourceVector free, Optional<String> shortfall) {

  /** Whether the demand may fit; packing still decides. */
  public boolean passes() {
    return shortfall.isEmpty();
  }
}
