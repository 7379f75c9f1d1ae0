package dev.tugboat.backup.retention;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * When a scheduled run was due, from the text of {@code --scheduled-time}. Every retried pod of one
 * Kubernetes CronJob run must get the same time, so it can also be read from the name of the Job:
 * the CronJob controller names it {@code <cronjob>-<minutes since the epoch of the scheduled time>}
 * ({@code getJobName}: {@code scheduledTime.Unix()/60}).
 */
public final class ScheduledTime {

  /** The prefix of a time given as the name of a CronJob's Job: {@code job:<job-name>}. */
  public static final String JOB_PREFIX = "job:";

  private ScheduledTime() {}

  /**
   * Reads an ISO-8601 instant ({@code 2025-11-18T02:00:00Z}) or {@code job:<job-name>}.
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static Instant parse(String text) {
    if (text.startsWith(JOB_PREFIX)) {
      return ofJobName(text.substring(JOB_PREFIX.length()));
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is neither an ISO-8601 instant (2025-11-18T02:00:00Z) nor "
              + JOB_PREFIX
              + "<job-name>");
    }
  }

  /** Now, to the second: the name a backup gets must not change within one run's second. */
  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static Instant ofJobName(String job) {
    int dash = job.lastIndexOf('-');
    String minutes = dash < 0 ? "" : job.substring(dash + 1);
    if (dash <= 0 || minutes.isEmpty() || !minutes.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(
          "job name '"
              + job
              + "' does not end in -<minutes since the epoch>, as the Jobs of a CronJob do");
    }
    try {
      return Instant.ofEpochSecond(Math.multiplyExact(Long.parseLong(minutes), 60L));
    } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException(
          "job name '" + job + "' ends in " + minutes + ", too many minutes to be a time");
    }
  }
}
