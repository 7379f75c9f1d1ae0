package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Places groups one after another on the nodes' free room, which each placement consumes. Mutable:
 * one instance per simulation.
 *
 * <p>A group does not scan its eligible nodes: it walks them in the order its strategy ranks them
 * ({@link FreeRoomOrder}), from the best, and stops once no node further down could take one of its
 * replicas. The fills then run on those candidates only, which give the same answer as all the
 * eligible nodes would, since the nodes left out would take nothing.
 */
final class GroupPacker {

  private final List<SimNode> nodes;
  private final ResourceVector[] free;
  private final ResourceVector[] used;
  private final FreeRoomOrder order;
  private final ResourceVector clusterAllocatable;
  private final EligibilityCache eligibility;
  private final PackingSimulation.Strategy strategy;
  private final PackingSimulation.Detail detail;
  private final WorkCounter counter;

  GroupPacker(
      EligibilityCache eligibility,
      Headroom headroom,
      ResourceVector clusterAllocatable,
      PackingSimulation.Strategy strategy,
      PackingSimulation.Detail detail) {
    this.nodes = eligibility.nodes();
    this.free = new ResourceVector[nodes.size()];
    this.used = new ResourceVector[nodes.size()];
    for (int index = 0; index < nodes.size(); index++) {
      free[index] = nodes.get(index).free(headroom);
      used[index] = nodes.get(index).used();
    }
    this.order = new FreeRoomOrder(free, strategy == PackingSimulation.Strategy.SPREAD);
    this.clusterAllocatable = clusterAllocatable;
    this.eligibility = eligibility;
    this.strategy = strategy;
    this.detail = detail;
    this.counter = eligibility.counter();
  }

  /** The requests on a node now: those bound before plus the replicas placed so far. */
  ResourceVector usedOn(int node) {
    return used[node];
  }

  GroupPlacement place(ReplicaGroup group) {
    int replicas = group.replicas();
    if (replicas == 0) {
      return new GroupPlacement(group, 0, 0, Optional.empty(), new TreeMap<>());
    }
    EligibilityCache.Pool pool = eligibility.pool(group.eligibility());
    if (pool.nodes().length == 0) {
      return new GroupPlacement(
          group,
          0,
          replicas,
          explained(() -> "no eligible node: " + eligibility.noEligibleNodeReason(pool.rule())),
          new TreeMap<>());
    }
    ResourceVector perReplica = group.perReplica();
    String dominant = dominantResource(perReplica);
    List<Candidate> candidates =
        fitsSomewhere(pool, perReplica)
            ? strategy == PackingSimulation.Strategy.BEST_FIT
                ? leastRoomFirst(pool, group, dominant)
                : mostRoomFirst(pool, group, dominant)
            : List.of();
    long[] taken =
        strategy == PackingSimulation.Strategy.BEST_FIT
            ? BestFitFill.fill(candidates, replicas, counter)
            : SpreadFill.fill(candidates, perReplica.get(dominant), replicas, counter);
    int placed = 0;
    for (long count : taken) {
      placed += (int) count;
    }
    int unplaced = replicas - placed;
    // the blockers are read on the room before this placement, as the replicas saw it
    Optional<String> reason =
        unplaced == 0 ? Optional.empty() : explained(() -> mostFrequentBlocker(pool, group));
    SortedMap<String, Integer> byNode = new TreeMap<>();
    for (int index = 0; index < taken.length; index++) {
      if (taken[index] > 0) {
        int node = candidates.get(index).node();
        ResourceVector added = perReplica.times(taken[index]);
        order.take(node, added);
        used[node] = used[node].plus(added);
        byNode.put(nodes.get(node).name(), (int) taken[index]);
      }
    }
    return new GroupPlacement(group, placed, unplaced, reason, byNode);
  }

  private Optional<String> explained(Supplier<String> reason) {
    return detail == PackingSimulation.Detail.WITH_REASONS
        ? Optional.of(reason.get())
        : Optional.empty();
  }

  /**
   * Whether some eligible node has, for every resource, as much free as a replica needs: when not,
   * no node can take one, which a full cluster answers without walking its nodes.
   */
  private boolean fitsSomewhere(EligibilityCache.Pool pool, ResourceVector perReplica) {
    for (Map.Entry<String, Long> amount : perReplica.amounts().entrySet()) {
      if (order.mostFree(pool, amount.getKey()) < amount.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * SPREAD's candidates: nodes by dominant free room, most first (ties by index), until the offers
   * that outrank every offer of the next node and those after it number the replicas (those nodes
   * then take nothing, see {@link SpreadFill}), or the room falls below one replica's worth. The
   * test runs when the candidates double, so that it costs O(1) per candidate.
   */
  private List<Candidate> mostRoomFirst(
      EligibilityCache.Pool pool, ReplicaGroup group, String dominant) {
    long step = group.perReplica().get(dominant);
    List<Candidate> candidates = new ArrayList<>();
    long room = 0;
    int nextTest = 1;
    for (FreeRoomOrder.Slot slot : order.of(pool, dominant).headSet(order.bound(step), true)) {
      counter.nodeVisited();
      if (room >= group.replicas() && candidates.size() >= nextTest) {
        if (offersAhead(candidates, step, slot.free()) >= group.replicas()) {
          break;
        }
        nextTest = 2 * candidates.size();
      }
      room += addIfRoom(candidates, group, slot);
    }
    return candidates;
  }

  /**
   * How many of the candidates' offers outrank every offer of the nodes not yet walked, whose room
   * is at most {@code next}: those above it, and a candidate's first offer at exactly {@code next}
   * (an earlier node wins the tie). An offer at {@code next} below a candidate's first may lose a
   * tie to a node not walked, so it does not count.
   */
  private static long offersAhead(List<Candidate> candidates, long step, long next) {
    long offers = 0;
    for (Candidate candidate : candidates) {
      long above = candidate.dominantFree() - next;
      if (above > 0) {
        offers += Math.min(candidate.room(), (above + step - 1) / step);
      } else if (above == 0) {
        offers++;
      }
    }
    return offers;
  }

  /**
   * BEST_FIT's candidates: nodes by dominant free room, least first from one replica's worth, until
   * their room holds the replicas; {@link BestFitFill} fills in that very order.
   */
  private List<Candidate> leastRoomFirst(
      EligibilityCache.Pool pool, ReplicaGroup group, String dominant) {
    long step = group.perReplica().get(dominant);
    NavigableSet<FreeRoomOrder.Slot> fromOneReplica =
        order.of(pool, dominant).tailSet(order.bound(step), true);
    List<Candidate> candidates = new ArrayList<>();
    long room = 0;
    for (FreeRoomOrder.Slot slot : fromOneReplica) {
      if (room >= group.replicas()) {
        break;
      }
      counter.nodeVisited();
      room += addIfRoom(candidates, group, slot);
    }
    return candidates;
  }

  /** Adds the node as a candidate when it can take a replica; returns how many it can take. */
  private long addIfRoom(List<Candidate> candidates, ReplicaGroup group, FreeRoomOrder.Slot slot) {
    long fitting = group.perReplica().timesFitting(free[slot.node()]);
    long room = Math.min(Math.min(fitting, group.maxPerNode()), group.replicas());
    if (room > 0) {
      candidates.add(new Candidate(slot.node(), slot.free(), room));
    }
    return Math.max(room, 0);
  }

  /** The reason most eligible nodes gave; on a tie, the first by name, so it is deterministic. */
  private String mostFrequentBlocker(EligibilityCache.Pool pool, ReplicaGroup group) {
    SortedMap<String, Integer> blockers = new TreeMap<>();
    for (int node : pool.nodes()) {
      counter.nodeVisited();
      long fitting = group.perReplica().timesFitting(free[node]);
      blockers.merge(blocker(group, free[node], fitting), 1, Integer::sum);
    }
    String reason = null;
    int count = 0;
    for (Map.Entry<String, Integer> blocker : blockers.entrySet()) {
      if (blocker.getValue() > count) {
        reason = blocker.getKey();
        count = blocker.getValue();
      }
    }
    return reason;
  }

  /**
   * What stops a node from taking more replicas once it holds as many as fit: the per-node cap when
   * it is the smaller limit, otherwise the first resource, by name, that runs short.
   */
  private static String blocker(ReplicaGroup group, ResourceVector free, long fitting) {
    if (group.maxPerNode() < fitting) {
      return "at most " + group.maxPerNode() + " per node";
    }
    ResourceVector left = free.minus(group.perReplica().times(fitting));
    return group.perReplica().shortfall(left).orElseThrow();
  }

  /**
   * The resource of which a replica takes the largest share of the cluster's allocatable (a
   * resource the cluster lacks counts as a full share); on a tie, the first by name.
   */
  private String dominantResource(ResourceVector perReplica) {
    String dominant = ResourceVector.PODS;
    double largest = -1;
    for (Map.Entry<String, Long> amount : perReplica.amounts().entrySet()) {
      double share =
          ResourceVector.of(amount.getKey(), amount.getValue()).dominantShare(clusterAllocatable);
      if (share > largest) {
        dominant = amount.getKey();
        largest = share;
      }
    }
    return dominant;
  }
}
