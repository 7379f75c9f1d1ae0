package dev.tugboat.backup.collect;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.backup.plan.ListPartition;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.core.selection.Selection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Decides whether a listed object goes into the backup, as Velero does: not when it is being
 * deleted ({@code metadata.deletionTimestamp} set), not when labelled {@value
 * #EXCLUDE_FROM_BACKUP_LABEL}{@code =true}, and only when it passes the selection's name and label
 * filters (the server may have applied the label selector already; OR-selectors are applied here).
 * An admitted object is turned into the compact JSON the archive stores, unchanged.
 */
public final class ItemAdmission implements ItemProcessor<JsonObject, StagedItem> {

  /** The label with which an object opts out of every backup. */
  public static final String EXCLUDE_FROM_BACKUP_LABEL = "velero.io/exclude-from-backup";

  // The object as the server sent it: Gson by default drops null fields (a Deployment's
  // spec.template.metadata.creationTimestamp is one) and turns every =, &, <, > and ' into a
  // unicode escape, which the archive's readers (and people grepping it) do not expect.
  private static final Gson COMPACT =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private final ListPartition partition;
  private final Selection selection;

  public ItemAdmission(ListPartition partition, Selection selection) {
    this.partition = partition;
    this.selection = selection;
  }

  /** The object as it is staged, or {@code null} (Spring Batch's "filtered") to leave it out. */
  @Override
  public StagedItem process(JsonObject object) {
    JsonObject metadata = object.getAsJsonObject("metadata");
    if (metadata == null || has(metadata, "deletionTimestamp")) {
      return null;
    }
    Map<String, String> labels = JsonPaths.labels(object);
    if ("true".equals(labels.get(EXCLUDE_FROM_BACKUP_LABEL))) {
      return null;
    }
    String namespace = has(metadata, "namespace") ? metadata.get("namespace").getAsString() : "";
    String name = metadata.get("name").getAsString();
    if (!selection.includesObject(namespace, name, labels)) {
      return null;
    }
    return new StagedItem(
        partition.groupResource(),
        partition.version(),
        partition.kind(),
        namespace,
        name,
        COMPACT.toJson(object).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean has(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value != null && !value.isJsonNull();
  }
}
