package dev.tugboat.backup.retention;

import java.util.Objects;

/**
 * What garbage collection does with one backup of a store, and why.
 *
 * @param backup the backup's name (its folder in the store)
 * @param delete whether it has expired and goes
 * @param reason for people, e.g. {@code expired at 2020-01-02T00:00:00Z} or {@code no expiration}
 */
public record RetentionDecision(String backup, boolean delete, String reason) {

  public RetentionDecision {
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(reason, "reason");
  }
}
