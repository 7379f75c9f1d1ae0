package dev.tugboat.restore.migrate;

import com.google.gson.annotations.SerializedName;

/** How a whole migration ended. */
public enum MigrationPhase {
  /** No application failed (deferred ones were shed as planned) and the cutover went through. */
  @SerializedName("Completed")
  COMPLETED("Completed"),
  /** Some applications run in the target, some failed, or the cutover failed. */
  @SerializedName("PartiallyCompleted")
  PARTIALLY_COMPLETED("PartiallyCompleted"),
  /** No application runs in the target. */
  @SerializedName("Failed")
  FAILED("Failed");

  private final String word;

  MigrationPhase(String word) {
    this.word = word;
  }

  /** As the report writes it, e.g. {@code PartiallyCompleted}. */
  public String word() {
    return word;
  }
}
