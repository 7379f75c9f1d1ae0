package dev.tugboat.restore.capacity.resources;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes an amount in the scheduler's unit for a person, the way {@code kubectl} writes quantities,
 * so that the text report, the HTML report and the checks' reasons agree: cpu in cores when whole
 * ({@code 2}), else in millicores ({@code 1500m}); memory, ephemeral storage and huge pages in the
 * largest binary unit that divides them exactly ({@code 12Gi}, {@code 1536Mi}), or, when none does
 * (room left after a percentage of headroom), in the largest unit they reach with one decimal
 * ({@code 15.2Gi}); anything else, pods and extended resources, as a plain count.
 */
public final class Amounts {

  private static final long[] BINARY_UNITS = {1L << 40, 1L << 30, 1L << 20, 1L << 10};
  private static final String[] BINARY_SUFFIXES = {"Ti", "Gi", "Mi", "Ki"};

  private Amounts() {}

  /**
   * @param resource e.g. {@code cpu}, {@code memory}, {@code ephemeral-storage}, {@code pods}
   * @param amount in the scheduler's unit: millicores for cpu, bytes for the byte resources
   */
  public static String format(String resource, long amount) {
    if (resource.equals(ResourceVector.CPU)) {
      return amount % 1000 == 0 ? Long.toString(amount / 1000) : amount + "m";
    }
    if (!inBytes(resource) || amount == 0) {
      return Long.toString(amount);
    }
    for (int unit = 0; unit < BINARY_UNITS.length; unit++) {
      if (amount % BINARY_UNITS[unit] == 0) {
        return amount / BINARY_UNITS[unit] + BINARY_SUFFIXES[unit];
      }
    }
    for (int unit = 0; unit < BINARY_UNITS.length; unit++) {
      if (Math.abs(amount) >= BINARY_UNITS[unit]) {
        return BigDecimal.valueOf(amount)
                .divide(BigDecimal.valueOf(BINARY_UNITS[unit]), 1, RoundingMode.HALF_UP)
                .toPlainString()
            + BINARY_SUFFIXES[unit];
      }
    }
    return Long.toString(amount);
  }

  private static boolean inBytes(String resource) {
    return resource.equals(ResourceVector.MEMORY)
        || resource.equals(ResourceVector.EPHEMERAL_STORAGE)
        || resource.startsWith("hugepages-");
  }
}
