package dev.tugboat.restore.modifiers;

import com.google.gson.JsonElement;
import java.util.Locale;

/**
 * One RFC 6902 operation of a rule's {@code patches}.
 *
 * @param operation what the operation does
 * @param path where it acts
 * @param from the source of a {@code move} or {@code copy}, else null
 * @param value the value an {@code add}, {@code replace} or {@code test} uses, else null (a JSON
 *     null value is {@link com.google.gson.JsonNull})
 */
record JsonPatchOperation(
    Operation operation, JsonPointer path, JsonPointer from, JsonElement value) {

  /** The six operations of RFC 6902. */
  enum Operation {
    ADD,
    REMOVE,
    REPLACE,
    MOVE,
    COPY,
    TEST;

    /** Velero accepts the operation names in any case. */
    static Operation parse(String name) {
      for (Operation operation : values()) {
        if (operation.name().equalsIgnoreCase(name)) {
          return operation;
        }
      }
      throw new IllegalArgumentException(
          "unsupported operation '" + name + "' (add, remove, replace, move, copy or test)");
    }

    boolean needsFrom() {
      return this == MOVE || this == COPY;
    }

    boolean needsValue() {
      return this == ADD || this == REPLACE || this == TEST;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
