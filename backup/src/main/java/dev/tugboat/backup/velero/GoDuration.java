package dev.tugboat.backup.velero;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's duration text, as Velero writes {@code spec.ttl} and its timeouts and as its {@code --ttl}
 * option accepts them ({@code time.Duration.String} and {@code time.ParseDuration}).
 *
 * <p>Unlike Go, negative durations are rejected both ways: a TTL or a timeout is never negative.
 */
public final class GoDuration {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

  /** Go's units; µ is accepted both as the micro sign (U+00B5) and as Greek mu (U+03BC). */
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", NANOS_PER_SECOND,
          "m", NANOS_PER_MINUTE,
          "h", NANOS_PER_HOUR);

  /** One term such as {@code 1.5h}: digits, an optional fraction, then letters. */
  private static final Pattern TERM = Pattern.compile("(\\d*)(?:\\.(\\d*))?([^\\d.]*)");

  private GoDuration() {}

  /**
   * Go's {@code Duration.String}: {@code 720h0m0s}, {@code 1h30m0s}, {@code 10m0s}, {@code 1.5s},
   * {@code 250ms}, {@code 0s}.
   *
   * @throws IllegalArgumentException when the duration is negative or longer than Go's limit of
   *     2^63 - 1 nanoseconds (about 292 years)
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "The duration " + duration + " is negative; a TTL or a timeout cannot be");
    }
    long nanos = toNanos(duration);
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < 1_000) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000) {
      return decimal(nanos, 3) + "\u00b5s";
    }
    if (nanos < NANOS_PER_SECOND) {
      return decimal(nanos, 6) + "ms";
    }
    long hours = nanos / NANOS_PER_HOUR;
    long minutes = nanos % NANOS_PER_HOUR / NANOS_PER_MINUTE;
    String seconds = decimal(nanos % NANOS_PER_MINUTE, 9) + "s";
    if (hours > 0) {
      return hours + "h" + minutes + "m" + seconds;
    }
    return minutes > 0 ? minutes + "m" + seconds : seconds;
  }

  /**
   * Go's {@code time.ParseDuration}: one or more terms of a decimal number and a unit ({@code ns},
   * {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}), e.g. {@code 720h}, {@code
   * 1h30m}, {@code 90m}, {@code 1.5h}; an optional leading {@code +}; or just {@code 0}. Fractions
   * finer than a nanosecond are truncated, as in Go.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    String rest = text.startsWith("+") ? text.substring(1) : text;
    if (rest.startsWith("-")) {
      throw invalid(text, "it is negative, and a TTL or a timeout cannot be");
    }
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    if (rest.isEmpty()) {
      throw invalid(text, "it has no number");
    }
    BigInteger total = BigInteger.ZERO;
    Matcher term = TERM.matcher(rest);
    int position = 0;
    while (position < rest.length()) {
      term.region(position, rest.length());
      if (!term.lookingAt()) {
        throw invalid(text, "it cannot be read at '" + rest.substring(position) + "'");
      }
      total = total.add(termNanos(text, term));
      position = term.end();
    }
    if (total.bitLength() > 63) {
      throw invalid(text, "it is longer than Go's limit of about 292 years");
    }
    return Duration.ofNanos(total.longValueExact());
  }

  private static BigInteger termNanos(String text, Matcher term) {
    String whole = term.group(1);
    String fraction = term.group(2) == null ? "" : term.group(2);
    String unit = term.group(3);
    if (whole.isEmpty() && fraction.isEmpty()) {
      throw invalid(text, "a unit must follow a number");
    }
    if (unit.isEmpty()) {
      throw invalid(text, "the number " + term.group() + " has no unit");
    }
    Long unitNanos = NANOS_PER_UNIT.get(unit);
    if (unitNanos == null) {
      throw invalid(text, "the unit '" + unit + "' is unknown");
    }
    BigDecimal number = new BigDecimal((whole.isEmpty() ? "0" : whole) + "." + fraction + "0");
    return number.multiply(BigDecimal.valueOf(unitNanos)).toBigInteger();
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException(
        "The duration '"
            + text
            + "' is not a Go duration: "
            + reason
            + "; write a number and a unit (ns, us, ms, s, m, h), e.g. 720h, 1h30m or 90m");
  }

  private static long toNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      throw new IllegalArgumentException(
          "The duration " + duration + " is longer than Go's limit of about 292 years", tooLong);
    }
  }

  /** {@code value / 10^scale} with the fraction's trailing zeros (and a bare point) removed. */
  private static String decimal(long value, int scale) {
    return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
  }
}
