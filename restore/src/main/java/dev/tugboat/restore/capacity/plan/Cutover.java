package dev.tugboat.restore.capacity.plan;

import java.util.Locale;

/** What happens to the source's workloads once the target is verified (issue 7, step 7). */
public enum Cutover {
  /** Leave the source as it is. */
  NONE,
  /** Scale workloads to 0 and suspend CronJobs, recording the originals in annotations. */
  QUIESCE,
  /** Delete the migrated objects, owners first with orphan propagation. */
  DELETE;

  /** The value in the plan file, e.g. {@code quiesce}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
