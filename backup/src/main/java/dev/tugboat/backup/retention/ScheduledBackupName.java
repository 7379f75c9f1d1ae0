package dev.tugboat.backup.retention;

import dev.tugboat.core.store.StoreLayout;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The name of a backup made for a schedule, as a Velero Schedule names its backups: {@code
 * <schedule>-<yyyyMMddHHmmss>} of the scheduled time in UTC, with the label {@code
 * velero.io/schedule-name}, so that Velero lists the backup as one of the schedule's.
 *
 * @param schedule the schedule's name
 * @param scheduledTime when the run was due; the same for every retry of one run, so that a retry
 *     gets the same name and resumes the backup
 */
public record ScheduledBackupName(String schedule, Instant scheduledTime) {

  /** The label Velero puts on the backups of a schedule, whose value is the schedule's name. */
  public static final String SCHEDULE_LABEL = "velero.io/schedule-name";

  /** A label value has at most 63 characters; Kubernetes refuses a Backup with a longer one. */
  private static final int MAX_SCHEDULE_LENGTH = 63;

  // Velero's Schedule.TimestampedName: timestamp.Format("20060102150405").
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  /**
   * @throws IllegalArgumentException if the schedule's name is not a lowercase RFC 1123 subdomain
   *     of at most 63 characters
   */
  public ScheduledBackupName {
    StoreLayout.requireValidName("schedule", schedule);
    if (schedule.length() > MAX_SCHEDULE_LENGTH) {
      throw new IllegalArgumentException(
          "invalid schedule name '"
              + schedule
              + "': it has "
              + schedule.length()
              + " characters, at most "
              + MAX_SCHEDULE_LENGTH
              + " fit in the label "
              + SCHEDULE_LABEL);
    }
    Objects.requireNonNull(scheduledTime, "scheduledTime");
  }

  /** {@code <schedule>-<yyyyMMddHHmmss>}, e.g. {@code nightly-20251118020000}. */
  public String backupName() {
    return schedule + "-" + TIMESTAMP.format(scheduledTime);
  }
}
