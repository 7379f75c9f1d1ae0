package dev.tugboat.restore.capacity.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import dev.tugboat.backup.velero.GoDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value of the plan file with its path (e.g. {@code applications[2].selector.namespaces}), read
 * strictly: unknown fields are errors, a missing or null field is missing, and a scalar must have
 * the type the field wants (a quoted {@code "4"} is not a number).
 *
 * @param path where the value is, for messages; empty for the whole file
 * @param value the value; {@link JsonNull} when missing
 */
record PlanField(String path, JsonElement value) {

  /** The field of an object value; allowed fields are checked by {@link #object(Set)}. */
  PlanField field(String name) {
    JsonElement child = value.isJsonObject() ? value.getAsJsonObject().get(name) : null;
    return new PlanField(
        path.isEmpty() ? name : path + "." + name, child == null ? JsonNull.INSTANCE : child);
  }

  boolean isMissing() {
    return value.isJsonNull();
  }

  /**
   * Checks that the value is an object (or missing) whose fields are all allowed.
   *
   * @return this, for chaining
   */
  PlanField object(Set<String> allowedFields) {
    if (isMissing()) {
      return this;
    }
    if (!value.isJsonObject()) {
      throw invalid("must be an object with " + new TreeSet<>(allowedFields));
    }
    Set<String> unknown = new TreeSet<>(value.getAsJsonObject().keySet());
    unknown.removeAll(allowedFields);
    if (!unknown.isEmpty()) {
      throw invalid("unknown field(s) " + unknown + "; allowed: " + new TreeSet<>(allowedFields));
    }
    return this;
  }

  /** The elements of a list value, each with its path; empty when missing. */
  List<PlanField> list() {
    if (isMissing()) {
      return List.of();
    }
    if (!value.isJsonArray()) {
      throw invalid("must be a list");
    }
    List<PlanField> elements = new ArrayList<>();
    for (int i = 0; i < value.getAsJsonArray().size(); i++) {
      elements.add(new PlanField(path + "[" + i + "]", value.getAsJsonArray().get(i)));
    }
    return elements;
  }

  /** The fields of a map value, in file order, each with its path; empty when missing. */
  Map<String, PlanField> entries() {
    Map<String, PlanField> entries = new LinkedHashMap<>();
    if (isMissing()) {
      return entries;
    }
    if (!value.isJsonObject()) {
      throw invalid("must be a map");
    }
    for (String key : value.getAsJsonObject().keySet()) {
      entries.put(key, field(key));
    }
    return entries;
  }

  /** A text value (a YAML string); a number or boolean is refused, as it is probably a mistake. */
  String text() {
    if (!isText()) {
      throw invalid("must be a text" + (isMissing() ? "" : ", not " + value));
    }
    return value.getAsString();
  }

  /** Whether the value is a text, i.e. not missing, not a number, boolean, list or object. */
  boolean isText() {
    return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
  }

  /** A number value. */
  BigDecimal number(String expected) {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw invalid(expected + ", not " + shown());
    }
    return value.getAsBigDecimal();
  }

  /** A whole number from {@code min} to {@code max}. */
  int wholeNumber(int min, int max, String expected) {
    BigDecimal number = number(expected);
    if (number.stripTrailingZeros().scale() > 0
        || number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw invalid(expected + ", not " + shown());
    }
    return number.intValueExact();
  }

  /**
   * A Go duration longer than 0, e.g. {@code 90s} or {@code 1h30m}.
   *
   * @param example a sensible value, shown when the duration is 0
   */
  Duration positiveDuration(String example) {
    String text = text();
    Duration duration;
    try {
      duration = GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage(), e);
    }
    if (duration.isZero()) {
      throw invalid("must be longer than 0, e.g. " + example);
    }
    return duration;
  }

  /** A boolean value (YAML's true/false, yes/no, on/off). */
  boolean bool() {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw invalid("must be true or false, not " + shown());
    }
    return value.getAsBoolean();
  }

  /** The value as the file shows it, for messages: text in quotes, numbers as written. */
  String shown() {
    if (isMissing()) {
      return "empty";
    }
    if (value instanceof JsonPrimitive primitive && primitive.isNumber()) {
      return primitive.getAsBigDecimal().toPlainString();
    }
    if (value instanceof JsonPrimitive primitive && primitive.isString()) {
      return "'" + primitive.getAsString() + "'";
    }
    return value.toString();
  }

  InvalidMigrationPlanException invalid(String problem) {
    return new InvalidMigrationPlanException(message(problem));
  }

  InvalidMigrationPlanException invalid(String problem, Throwable cause) {
    return new InvalidMigrationPlanException(message(problem), cause);
  }

  private String message(String problem) {
    return "Invalid migration plan: " + (path.isEmpty() ? "the file" : path) + ": " + problem;
  }
}
