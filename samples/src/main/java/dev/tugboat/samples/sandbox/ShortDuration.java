package dev.tugboat.samples.sandbox;

import java.time.Duration;

/**
 * Ages as the API server prints them in Tables ({@code k8s.io/apimachinery/pkg/util/duration}
 * {@code HumanDuration}): {@code 5s}, {@code 2m30s}, {@code 3h}, {@code 2d}, {@code 1y30d}. The
 * precision drops as the age grows, so that a column stays short.
 */
final class ShortDuration {

  private ShortDuration() {}

  static String of(Duration age) {
    // whole seconds truncated toward zero, as Go's int(d.Seconds())
    long seconds = age.toMillis() / 1000;
    if (seconds < -1) {
      // a timestamp in the future, beyond the clock skew Kubernetes tolerates
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      return withRest(minutes, "m", seconds % 60, "s");
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      return withRest(hours, "h", minutes % 60, "m");
    }
    if (hours < 48) {
      return hours + "h";
    }
    long days = hours / 24;
    if (hours < 24 * 8) {
      return withRest(days, "d", hours % 24, "h");
    }
    if (days < 365 * 2) {
      return days + "d";
    }
    if (days < 365 * 8) {
      return withRest(days / 365, "y", days % 365, "d");
    }
    return days / 365 + "y";
  }

  private static String withRest(long whole, String unit, long rest, String restUnit) {
    return rest == 0 ? whole + unit : whole + unit + rest + restUnit;
  }
}
