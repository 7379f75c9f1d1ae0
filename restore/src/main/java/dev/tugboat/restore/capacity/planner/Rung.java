package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.plan.PlanApplication;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One rung of a tier's ladder below 1.0: a replica ratio, the floor, or (tier 3 under {@code
 * partial} only) deferral.
 *
 * @param label the ratio as the plan writes it ({@code 0.75}), {@code floor} or {@code deferred}
 * @param ratio the ratio; unused by the floor and deferral rungs
 */
public record Rung(String label, BigDecimal ratio) {

  public static final String FLOOR = "floor";
  public static final String DEFERRED = "deferred";

  /**
   * The rungs a tier steps down, in order: the ladder's ratios after 1.0, then the floor, then, for
   * tier 3 when the plan's action is {@code partial}, deferral.
   */
  public static List<Rung> of(int tier, List<Double> ladder, boolean partial) {
    List<Rung> rungs = new ArrayList<>();
    for (Double ratio : ladder.subList(1, ladder.size())) {
      BigDecimal exact = BigDecimal.valueOf(ratio);
      rungs.add(new Rung(exact.toPlainString(), exact));
    }
    rungs.add(new Rung(FLOOR, BigDecimal.ZERO));
    if (partial && tier == PlanApplication.SHEDDABLE_TIER) {
      rungs.add(new Rung(DEFERRED, BigDecimal.ZERO));
    }
    return rungs;
  }

  public boolean defers() {
    return label.equals(DEFERRED);
  }

  /**
   * The replicas of a workload on this rung: {@code max(floor, ceil(source × ratio))}, never above
   * the source; the floor itself; or 0 when deferred. The ratio is applied in decimal, so that 0.1
   * of 30 is 3 and not 4.
   */
  public int replicas(int source, int floor) {
    if (defers()) {
      return 0;
    }
    int bounded = Math.min(floor, source);
    if (label.equals(FLOOR)) {
      return bounded;
    }
    int scaled =
        ratio
            .multiply(BigDecimal.valueOf(source))
            .setScale(0, RoundingMode.CEILING)
            .intValueExact();
    return Math.max(bounded, scaled);
  }
}
