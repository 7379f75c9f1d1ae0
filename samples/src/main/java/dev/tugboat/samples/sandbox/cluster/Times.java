package dev.tugboat.samples.sandbox.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Kubernetes timestamps: RFC 3339 in UTC, whole seconds, e.g. {@code 2025-01-31T12:00:00Z}. */
final class Times {

  private Times() {}

  static String now(Clock clock) {
    return format(clock.instant());
  }

  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The instant of a timestamp, or null when absent or malformed. */
  static Instant parse(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
