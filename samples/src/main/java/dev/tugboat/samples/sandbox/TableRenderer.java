package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Renders objects as the {@code meta.k8s.io} {@code Table} that {@code kubectl get} asks for: the
 * type's {@link TableColumns}, one row of cells per object and, per {@link TableRequest}, the
 * object's metadata or the whole object in each row.
 */
final class TableRenderer {

  private final Clock clock;
  private final ObjectRenderer objects;

  TableRenderer(Clock clock, ObjectRenderer objects) {
    this.clock = clock;
    this.objects = objects;
  }

  /**
   * The Table of {@code items}.
   *
   * @param listMetadata the {@code resourceVersion}, {@code continue}... the Table carries over
   */
  JsonObject render(
      ResourceType type, List<JsonObject> items, JsonObject listMetadata, TableRequest request) {
    List<TableColumn> columns = TableColumns.of(type);
    JsonArray definitions = new JsonArray();
    columns.forEach(column -> definitions.add(column.definition()));
    Instant now = Instant.now(clock);
    JsonArray rows = new JsonArray();
    for (JsonObject item : items) {
      rows.add(row(type, item, columns, now, request));
    }
    JsonObject table = new JsonObject();
    table.addProperty("kind", "Table");
    table.addProperty("apiVersion", request.apiVersion());
    table.add("metadata", listMetadata);
    table.add("columnDefinitions", definitions);
    table.add("rows", rows);
    return table;
  }

  private JsonObject row(
      ResourceType type,
      JsonObject item,
      List<TableColumn> columns,
      Instant now,
      TableRequest request) {
    JsonArray cells = new JsonArray();
    for (TableColumn column : columns) {
      Object cell = column.cell().read(item, now);
      if (cell instanceof Number number) {
        cells.add(number);
      } else {
        cells.add(cell == null ? "" : cell.toString());
      }
    }
    JsonObject row = new JsonObject();
    row.add("cells", cells);
    switch (request.includeObject()) {
      case METADATA -> row.add("object", partialObjectMetadata(item, request));
      case OBJECT -> row.add("object", objects.render(item, type));
      case NONE -> {
        // the client asked for cells only
      }
    }
    return row;
  }

  /** The object's metadata, as a {@code PartialObjectMetadata} in the Table's version. */
  private static JsonObject partialObjectMetadata(JsonObject item, TableRequest request) {
    JsonObject metadata = JsonFields.object(item, "metadata");
    JsonObject partial = new JsonObject();
    partial.addProperty("kind", "PartialObjectMetadata");
    partial.addProperty("apiVersion", request.apiVersion());
    partial.add("metadata", metadata == null ? new JsonObject() : metadata);
    return partial;
  }
}
