package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The eligible nodes of each pool sorted by their free amount of one resource, most or least first
 * as the strategy ranks them, then by index (the strategies' tie-breaker), kept sorted as
 * placements take room: what lets a group find the nodes SPREAD or BEST_FIT would pick in O(log N)
 * per node, instead of scanning every eligible node. Orders are built when first asked for, so a
 * simulation pays only for the (pool, resource) pairs its groups use.
 */
final class FreeRoomOrder {

  /**
   * A node's place in an order; immutable, so the order never sees a value change under it.
   *
   * @param rank what the order sorts on first: the free amount, negated when most comes first
   * @param free the node's free amount of the order's resource
   */
  record Slot(long rank, int node, long free) implements Comparable<Slot> {

    @Override
    public int compareTo(Slot other) {
      int byRank = Long.compare(rank, other.rank);
      return byRank != 0 ? byRank : Integer.compare(node, other.node);
    }
  }

  private record Order(EligibilityCache.Pool pool, String resource, TreeSet<Slot> slots) {}

  private final ResourceVector[] free;
  private final boolean mostFirst;
  private final Map<EligibilityCache.Pool, Map<String, Order>> byPool = new IdentityHashMap<>();
  private final List<Order> orders = new ArrayList<>();

  /**
   * @param free every node's free room, by index; read, and changed only through {@link #take}
   * @param mostFirst whether the orders put the most free room first (SPREAD) or the least
   */
  FreeRoomOrder(ResourceVector[] free, boolean mostFirst) {
    this.free = free;
    this.mostFirst = mostFirst;
  }

  /** Where an order's nodes with at least {@code free} end (most first) or start (least first). */
  Slot bound(long free) {
    return new Slot(
        mostFirst ? -free : free, mostFirst ? Integer.MAX_VALUE : Integer.MIN_VALUE, free);
  }

  /** The most free amount of the resource on one of the pool's nodes. */
  long mostFree(EligibilityCache.Pool pool, String resource) {
    NavigableSet<Slot> slots = of(pool, resource);
    return (mostFirst ? slots.first() : slots.last()).free();
  }

  /** The pool's nodes by free amount of the resource, most or least first, then by index. */
  NavigableSet<Slot> of(EligibilityCache.Pool pool, String resource) {
    return byPool
        .computeIfAbsent(pool, key -> new IdentityHashMap<>())
        .computeIfAbsent(resource, key -> build(pool, resource))
        .slots();
  }

  /** Takes {@code amount} from the node's free room, moving it in every order it is in. */
  void take(int node, ResourceVector amount) {
    List<Order> containing = new ArrayList<>();
    for (Order order : orders) {
      if (order.pool().member()[node]) {
        containing.add(order);
        order.slots().remove(slot(node, order.resource()));
      }
    }
    free[node] = free[node].minus(amount);
    for (Order order : containing) {
      order.slots().add(slot(node, order.resource()));
    }
  }

  private Order build(EligibilityCache.Pool pool, String resource) {
    TreeSet<Slot> slots = new TreeSet<>();
    for (int node : pool.nodes()) {
      slots.add(slot(node, resource));
    }
    Order order = new Order(pool, resource, slots);
    orders.add(order);
    return order;
  }

  private Slot slot(int node, String resource) {
    long amount = free[node].get(resource);
    return new Slot(mostFirst ? -amount : amount, node, amount);
  }
}
