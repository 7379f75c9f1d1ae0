package dev.tugboat.backup.retention;

import dev.tugboat.backup.velero.BackupMetadata;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Velero's retention rule ({@code gc_controller.go}): a backup goes once its {@code
 * status.expiration} has passed, and one without an expiration never does. Anything in doubt is
 * kept: a backup whose {@code velero-backup.json} cannot be read, and a backup still being written,
 * which has no {@code velero-backup.json} yet or is in phase {@code InProgress} (Velero's deletion
 * controller refuses to delete those too).
 */
public final class ExpirationRule {

  /** The phase of a backup Velero is still writing. */
  static final String IN_PROGRESS = "InProgress";

  private final Clock clock;

  public ExpirationRule(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Decides on one backup folder of the store.
   *
   * @param metadata the content of its {@code velero-backup.json}; empty when there is none
   */
  public RetentionDecision decide(String backup, Optional<byte[]> metadata) {
    if (metadata.isEmpty()) {
      return keep(backup, "being written: no velero-backup.json yet");
    }
    BackupMetadata parsed;
    try {
      parsed = BackupMetadata.parse(metadata.get());
    } catch (IllegalArgumentException e) {
      return keep(backup, "unreadable: " + e.getMessage());
    }
    if (IN_PROGRESS.equals(parsed.phase())) {
      return keep(backup, "being written: phase " + IN_PROGRESS);
    }
    if (parsed.expiration() == null) {
      return keep(backup, "no expiration");
    }
    if (parsed.expiredAt(clock.instant())) {
      return new RetentionDecision(backup, true, "expired at " + parsed.expiration());
    }
    return keep(backup, "expires at " + parsed.expiration());
  }

  private static RetentionDecision keep(String backup, String reason) {
    return new RetentionDecision(backup, false, reason);
  }
}
