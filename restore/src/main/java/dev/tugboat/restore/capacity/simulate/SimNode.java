package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Objects;

/**
 * A schedulable node of the target as the simulation sees it.
 *
 * @param shape name, labels and taints, what placement rules look at
 * @param allocatable the node's {@code status.allocatable}, {@code pods} included
 * @param used the requests of the pods already bound to it, with {@code pods} their count
 */
public record SimNode(NodeShape shape, ResourceVector allocatable, ResourceVector used) {

  public SimNode {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(allocatable, "allocatable");
    Objects.requireNonNull(used, "used");
  }

  public String name() {
    return shape.name();
  }

  /** What new pods may still request here: allocatable minus used minus the headroom kept free. */
  public ResourceVector free(Headroom headroom) {
    return allocatable.minus(used).minus(headroom.reservedOn(allocatable));
  }
}
