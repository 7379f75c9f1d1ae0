package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * One column of a {@code meta.k8s.io} {@code Table}: its definition as the API server announces it
 * and how to read its cell from an object.
 *
 * @param name as the API server names it ({@code Ready}); kubectl prints it upper-cased
 * @param type {@code string} or {@code integer}
 * @param format {@code name} for the column that names the object, else empty
 * @param priority 0 for columns kubectl always prints, 1 for those only {@code -o wide} prints
 */
record TableColumn(
    String name, String type, String format, String description, int priority, Cell cell) {

  /** Reads a cell; {@code now} is for ages. */
  @FunctionalInterface
  interface Cell {
    Object read(JsonObject object, Instant now);
  }

  /** {@code Name}, the first column of every Table. */
  static TableColumn nameColumn() {
    return new TableColumn(
        "Name",
        "string",
        "name",
        "Name must be unique within a namespace.",
        0,
        (object, now) -> JsonFields.name(object));
  }

  /** {@code Age}: the time since {@code creationTimestamp}, as kubectl shows it. */
  static TableColumn ageColumn() {
    return new TableColumn(
        "Age",
        "string",
        "",
        "CreationTimestamp is a timestamp representing the server time when this object was"
            + " created.",
        0,
        TableColumn::ageOf);
  }

  /** A text column every {@code kubectl get} prints. */
  static TableColumn text(String name, String description, Function<JsonObject, String> cell) {
    return new TableColumn(name, "string", "", description, 0, (object, now) -> cell.apply(object));
  }

  /** A whole-number column every {@code kubectl get} prints. */
  static TableColumn integer(String name, String description, Function<JsonObject, Long> cell) {
    return new TableColumn(
        name, "integer", "", description, 0, (object, now) -> cell.apply(object));
  }

  /** A text column only {@code kubectl get -o wide} prints. */
  static TableColumn wide(String name, String description, Function<JsonObject, String> cell) {
    return new TableColumn(name, "string", "", description, 1, (object, now) -> cell.apply(object));
  }

  /** The column's entry in the Table's {@code columnDefinitions}. */
  JsonObject definition() {
    JsonObject definition = new JsonObject();
    definition.addProperty("name", name);
    definition.addProperty("type", type);
    definition.addProperty("format", format);
    definition.addProperty("description", description);
    definition.addProperty("priority", priority);
    return definition;
  }

  private static String ageOf(JsonObject object, Instant now) {
    String created = JsonFields.string(object, "metadata", "creationTimestamp");
    if (created == null) {
      return "<unknown>";
    }
    return ShortDuration.of(Duration.between(Instant.parse(created), now));
  }
}
