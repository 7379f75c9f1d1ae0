package dev.tugboat.restore.capacity.simulate;

/**
 * Counts the simulation's elementary steps, so that a test can check how the work grows with the
 * cluster without timing anything.
 */
final class WorkCounter {

  private long eligibilityChecks;
  private long nodeVisits;

  void eligibilityChecked() {
    eligibilityChecks++;
  }

  /** A node's room examined, or two nodes compared while sorting. */
  void nodeVisited() {
    nodeVisits++;
  }

  long eligibilityChecks() {
    return eligibilityChecks;
  }

  long nodeVisits() {
    return nodeVisits;
  }

  long total() {
    return eligibilityChecks + nodeVisits;
  }
}
