package dev.tugboat.runner.command;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How the jobs commands print Spring Batch's times (local times of the writing JVM's zone). */
final class JobTimes {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private JobTimes() {}

  static String format(LocalDateTime time) {
    return time == null ? null : SECONDS.format(time);
  }

  /** E.g. {@code 45s}, {@code 3m05s}, {@code 2h00m07s}. */
  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh%02dm%02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
  }
}
