package dev.tugboat.restore.rollback;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.List;

/**
 * An object as it was before the restore changed it, made fit to write back: without the fields the
 * server sets on every write ({@code uid}, {@code resourceVersion}, timestamps, {@code
 * managedFields}, {@code generation}) and without its {@code status}, which belongs to its
 * controller. Its labels, annotations, owner references and spec are kept exactly, so that the
 * restore's labels go away with everything else it changed.
 */
final class BeforeImage {

  private static final List<String> SERVER_METADATA =
      List.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields");

  private BeforeImage() {}

  /** A copy of {@code object} fit to create, or to replace once given a resourceVersion. */
  static JsonObject writable(JsonObject object) {
    JsonObject copy = object.deepCopy();
    copy.remove("status");
    JsonPaths.object(copy, "metadata")
        .ifPresent(metadata -> SERVER_METADATA.forEach(metadata::remove));
    return copy;
  }

  /** Whether the live object is the before-image again, server-set fields and status aside. */
  static boolean matches(JsonObject live, JsonObject before) {
    return writable(live).equals(writable(before));
  }

  /** {@code writable(before)} carrying the live object's resourceVersion, for a replace. */
  static JsonObject replacing(JsonObject before, JsonObject live) {
    JsonObject replacement = writable(before);
    String resourceVersion =
        JsonPaths.string(live, "metadata", "resourceVersion")
            .orElseThrow(() -> new IllegalArgumentException("the live object has no version"));
    replacement.getAsJsonObject("metadata").addProperty("resourceVersion", resourceVersion);
    return replacement;
  }
}
