package dev.tugboat.restore.job;

import com.google.gson.Gson;
import java.time.Instant;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the validate step decides once and every later step and attempt reads back from the job's
 * execution context.
 *
 * @param run a random id of this run, naming its item ledger
 * @param started when the first attempt started
 * @param crdTypes the group resources of the first tier, applied and then awaited: the backup's
 *     CustomResourceDefinitions, or nothing
 * @param types the other group resources to restore, in restore order
 * @param namespacesToCreate source namespaces holding selected items without a selected Namespace
 *     object in the backup: created bare, before the backup's Namespace objects
 * @param plannedItems the selected items of those types, for progress
 */
record RestoreJobContext(
    String run,
    Instant started,
    List<String> crdTypes,
    List<String> types,
    List<String> namespacesToCreate,
    long plannedItems) {

  private static final Gson GSON = new Gson();
  private static final String KEY = "restore.plan";

  RestoreJobContext {
    crdTypes = List.copyOf(crdTypes);
    types = List.copyOf(types);
    namespacesToCreate = List.copyOf(namespacesToCreate);
  }

  void saveTo(ExecutionContext context) {
    context.putString(KEY, GSON.toJson(new Json(this)));
  }

  /**
   * @throws IllegalStateException when the validate step has not saved the context
   */
  static RestoreJobContext from(ExecutionContext context) {
    if (!context.containsKey(KEY)) {
      throw new IllegalStateException(
          "the restore job has no saved plan: its validate step did not run");
    }
    return GSON.fromJson(context.getString(KEY), Json.class).toContext();
  }

  /** The JSON shape: the start as ISO-8601 text, readable by any later version. */
  private record Json(
      String run,
      String started,
      List<String> crdTypes,
      List<String> types,
      List<String> namespacesToCreate,
      long plannedItems) {

    Json(RestoreJobContext context) {
      this(
          context.run,
          context.started.toString(),
          context.crdTypes,
          context.types,
          context.namespacesToCreate,
          context.plannedItems);
    }

    RestoreJobContext toContext() {
      return new RestoreJobContext(
          run, Instant.parse(started), crdTypes, types, namespacesToCreate, plannedItems);
    }
  }
}
