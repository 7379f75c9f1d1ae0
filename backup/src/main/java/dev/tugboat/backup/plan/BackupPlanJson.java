package dev.tugboat.backup.plan;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * The plan as JSON text, the form the job keeps in its execution context: plain text stays readable
 * by a later Tugboat version, where Java serialization would tie it to these classes.
 */
public final class BackupPlanJson {

  private static final Gson GSON = new Gson();

  private BackupPlanJson() {}

  public static String write(BackupPlan plan) {
    return GSON.toJson(plan);
  }

  /**
   * @throws IllegalStateException when the text is not a plan
   */
  public static BackupPlan read(String json) {
    try {
      BackupPlan plan = GSON.fromJson(json, BackupPlan.class);
      if (plan == null) {
        throw new IllegalStateException("the saved backup plan is empty");
      }
      return new BackupPlan(plan.partitions(), plan.namespaceObjects(), plan.skipped());
    } catch (JsonParseException e) {
      throw new IllegalStateException("the saved backup plan cannot be read: " + e.getMessage(), e);
    }
  }

  /** One partition as JSON, for a partition's own execution context. */
  public static String write(ListPartition partition) {
    return GSON.toJson(partition);
  }

  /**
   * @throws IllegalStateException when the text is not a partition
   */
  public static ListPartition readPartition(String json) {
    try {
      ListPartition partition = GSON.fromJson(json, ListPartition.class);
      if (partition == null) {
        throw new IllegalStateException("the saved list partition is empty");
      }
      return partition;
    } catch (JsonParseException e) {
      throw new IllegalStateException(
          "the saved list partition cannot be read: " + e.getMessage(), e);
    }
  }
}
