package dev.tugboat.restore.modifiers;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value of the resource modifiers file with its location (e.g. {@code
 * resourceModifierRules[1].conditions.namespaces}), read the way Velero's strict decoding reads it:
 * unknown fields are errors, a missing or null field is empty, and a scalar read as text is its
 * YAML text ({@code 5}, {@code true}).
 *
 * @param location where the value is, for messages
 * @param value the value; {@link JsonNull} when missing
 */
record FieldValue(String location, JsonElement value) {

  /** The field of an object value; allowed fields are checked by {@link #object(Set)}. */
  FieldValue field(String name) {
    JsonElement child = value.isJsonObject() ? value.getAsJsonObject().get(name) : null;
    String childLocation = location.isEmpty() ? name : location + "." + name;
    return new FieldValue(childLocation, child == null ? JsonNull.INSTANCE : child);
  }

  boolean isMissing() {
    return value.isJsonNull();
  }

  /**
   * Checks that the value is an object (or missing) whose fields are all allowed.
   *
   * @return this, for chaining
   */
  FieldValue object(Set<String> allowedFields) {
    if (isMissing()) {
      return this;
    }
    if (!value.isJsonObject()) {
      throw invalid("must be an object");
    }
    Set<String> unknown = new TreeSet<>(value.getAsJsonObject().keySet());
    unknown.removeAll(allowedFields);
    if (!unknown.isEmpty()) {
      throw invalid("unknown field(s) " + unknown + "; allowed: " + new TreeSet<>(allowedFields));
    }
    return this;
  }

  /** The elements of a list value, each with its location; empty when missing. */
  List<FieldValue> list() {
    if (isMissing()) {
      return List.of();
    }
    if (!value.isJsonArray()) {
      throw invalid("must be a list");
    }
    List<FieldValue> elements = new ArrayList<>();
    for (int i = 0; i < value.getAsJsonArray().size(); i++) {
      elements.add(new FieldValue(location + "[" + i + "]", value.getAsJsonArray().get(i)));
    }
    return elements;
  }

  /** The text of a scalar value; empty when missing. */
  String text() {
    if (isMissing()) {
      return "";
    }
    if (!value.isJsonPrimitive()) {
      throw invalid("must be a single value, not a list or object");
    }
    if (value.getAsJsonPrimitive().isNumber()) {
      BigDecimal number = value.getAsBigDecimal();
      return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0
          ? number.toBigInteger().toString()
          : number.stripTrailingZeros().toPlainString();
    }
    return value.getAsString();
  }

  /** A map of texts, in file order; empty when missing. */
  Map<String, String> textMap() {
    Map<String, String> map = new LinkedHashMap<>();
    if (isMissing()) {
      return map;
    }
    if (!value.isJsonObject()) {
      throw invalid("must be a map of texts");
    }
    JsonObject object = value.getAsJsonObject();
    for (String key : object.keySet()) {
      map.put(key, field(key).text());
    }
    return map;
  }

  InvalidResourceModifiersException invalid(String problem) {
    return new InvalidResourceModifiersException(message(problem));
  }

  InvalidResourceModifiersException invalid(String problem, Throwable cause) {
    return new InvalidResourceModifiersException(message(problem), cause);
  }

  private String message(String problem) {
    return "Invalid resource modifiers: "
        + (location.isEmpty() ? "the file" : location)
        + ": "
        + problem;
  }
}
