package dev.tugboat.samples.sandbox;

import java.util.Optional;
import java.util.Random;

/**
 * Draws the fault, if any, that a request meets, from a seeded random so runs repeat, and tells the
 * resources every request of which is forbidden.
 */
final class FaultInjector {

  /** What an unlucky request gets. */
  enum Fault {
    TOO_MANY_REQUESTS("429"),
    SERVER_ERROR("500"),
    RESET("reset");

    private final String label;

    Fault(String label) {
      this.label = label;
    }

    /** The name in statistics and {@code --faults}: 429, 500 or reset. */
    String label() {
      return label;
    }
  }

  private final FaultPlan plan;
  private final Random random;

  FaultInjector(FaultPlan plan, long seed) {
    this.plan = plan;
    this.random = new Random(seed);
  }

  /** Whether the plan forbids {@code resource}, named as {@link FaultPlan#forbids} takes it. */
  boolean forbids(String resource) {
    return plan.forbids(resource);
  }

  synchronized Optional<Fault> draw() {
    if (plan.isNone()) {
      return Optional.empty();
    }
    double roll = random.nextDouble();
    if (roll < plan.tooManyRequests()) {
      return Optional.of(Fault.TOO_MANY_REQUESTS);
    }
    roll -= plan.tooManyRequests();
    if (roll < plan.serverError()) {
      return Optional.of(Fault.SERVER_ERROR);
    }
    roll -= plan.serverError();
    return roll < plan.reset() ? Optional.of(Fault.RESET) : Optional.empty();
  }
}
