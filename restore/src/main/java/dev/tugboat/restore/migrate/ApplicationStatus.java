package dev.tugboat.restore.migrate;

import com.google.gson.annotations.SerializedName;

/** How an application's migration ended. */
public enum ApplicationStatus {
  /** Available in the target with all its source replicas. */
  @SerializedName("Migrated")
  MIGRATED("Migrated"),
  /** Available in the target with fewer replicas than in the source, as planned or forced. */
  @SerializedName("Degraded")
  DEGRADED("Degraded"),
  /** Not moved: the target has no room for it (tier 3 only). */
  @SerializedName("Deferred")
  DEFERRED("Deferred"),
  /** Not available in the target, for a reason the ladder cannot fix. */
  @SerializedName("Failed")
  FAILED("Failed");

  private final String word;

  ApplicationStatus(String word) {
    this.word = word;
  }

  /** As the report writes it, e.g. {@code Degraded}. */
  public String word() {
    return word;
  }

  /** Whether the application runs in the target, so that its source may be cut over. */
  public boolean runsInTarget() {
    return this == MIGRATED || this == DEGRADED;
  }
}
