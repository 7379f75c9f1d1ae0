package dev.tugboat.runner.command;

import dev.tugboat.backup.velero.GoDuration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A point in the past given as an age ({@code 30d}, {@code 12h}, {@code 1h30m}: days, or a Go
 * duration) or as an ISO instant ({@code 2026-11-01T00:00:00Z}).
 */
final class PastInstant {

  private PastInstant() {}

  /**
   * @param option the option's name, for the error message
   * @throws IllegalArgumentException when the text is neither form, or a negative age
   */
  static Instant parse(String text, String option, Clock clock) {
    if (text.contains("T")) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            option + ": '" + text + "' is not an ISO instant such as 2026-11-01T00:00:00Z", e);
      }
    }
    Duration age;
    try {
      age =
          text.matches("\\d+d")
              ? Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)))
              : GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option + ": '" + text + "' is neither an age such as 30d or 12h nor an ISO instant", e);
    }
    if (age.isNegative()) {
      throw new IllegalArgumentException(option + ": the age must not be negative, not " + text);
    }
    return clock.instant().minus(age);
  }
}
