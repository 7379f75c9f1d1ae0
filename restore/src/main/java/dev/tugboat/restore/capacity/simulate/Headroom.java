package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Room kept free on every node, so that system daemons and bursts still have some once the migrated
 * pods land (issue 6's {@code --headroom 5%}).
 */
public final class Headroom {

  /** Nothing kept free. */
  public static final Headroom NONE = new Headroom("none", allocatable -> ResourceVector.ZERO);

  private final String description;
  private final UnaryOperator<ResourceVector> reserve;

  private Headroom(String description, UnaryOperator<ResourceVector> reserve) {
    this.description = description;
    this.reserve = reserve;
  }

  /**
   * A share of each node's allocatable cpu and memory, rounded up to the unit; pods and other
   * resources are not reduced, as they do not burst.
   *
   * @param percent 0 to 100
   */
  public static Headroom percentOfCpuAndMemory(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("headroom must be 0% to 100%, not " + percent + "%");
    }
    return new Headroom(
        percent + "% of cpu and memory",
        allocatable -> {
          Map<String, Long> reserved = new TreeMap<>();
          for (String resource : new String[] {ResourceVector.CPU, ResourceVector.MEMORY}) {
            long amount = Math.max(0, allocatable.get(resource));
            reserved.put(resource, (Math.multiplyExact(amount, percent) + 99) / 100);
          }
          return ResourceVector.of(reserved);
        });
  }

  /** The same amounts on every node, whatever its size. */
  public static Headroom perNode(ResourceVector reserved) {
    Objects.requireNonNull(reserved, "reserved");
    return new Headroom(reserved + " per node", allocatable -> reserved);
  }

  /** The amounts kept free on a node with this allocatable. */
  public ResourceVector reservedOn(ResourceVector allocatable) {
    return reserve.apply(allocatable);
  }

  @Override
  public String toString() {
    return description;
  }
}
