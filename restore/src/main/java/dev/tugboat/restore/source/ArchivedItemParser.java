package dev.tugboat.restore.source;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.archive.ArchiveFormatException;
import dev.tugboat.core.archive.ArchivePath;
import dev.tugboat.core.archive.ArchivedItem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Checks one item copy of an archive and turns it into a {@link StagedItem}: the file must hold one
 * JSON object with a {@code kind}, an {@code apiVersion} and a {@code metadata.name} equal to the
 * file's name, and its namespace must agree with its path.
 *
 * <p>Velero takes an item's namespace from its path and sets it on the object before creating it,
 * so an object without {@code metadata.namespace} in a {@code namespaces/<ns>/} folder gets {@code
 * <ns>} here too. An object that names another namespace than its folder is refused: which of the
 * two the user meant cannot be known.
 */
final class ArchivedItemParser {

  private ArchivedItemParser() {}

  /**
   * Checks a copy and describes it for the spool; the JSON is the copy's bytes, with the path's
   * namespace added when the object has none.
   *
   * @throws ArchiveFormatException naming the entry when the copy breaks a rule above
   */
  static StagedItem parse(ArchivedItem copy) throws ArchiveFormatException {
    ArchivePath path = copy.path();
    String entry = "Archive entry '" + path.entryName() + "'";
    JsonObject object = jsonObject(copy.json(), entry);
    String apiVersion = requiredText(object, "apiVersion", entry);
    String kind = requiredText(object, "kind", entry);
    JsonObject metadata = metadata(object, entry);
    String name = requiredText(metadata, "name", entry + " metadata");
    if (!name.equals(path.name())) {
      throw new ArchiveFormatException(
          entry + " holds an object named '" + name + "', not '" + path.name() + "'");
    }
    byte[] json = copy.json();
    String namespace = optionalText(metadata, "namespace", entry + " metadata");
    if (path.isClusterScoped()) {
      if (namespace != null) {
        throw new ArchiveFormatException(
            entry + " is cluster-scoped but its object is in namespace '" + namespace + "'");
      }
    } else if (namespace == null) {
      metadata.addProperty("namespace", path.namespace());
      json = object.toString().getBytes(StandardCharsets.UTF_8);
    } else if (!namespace.equals(path.namespace())) {
      throw new ArchiveFormatException(
          entry
              + " holds an object of namespace '"
              + namespace
              + "', not '"
              + path.namespace()
              + "'");
    }
    // A version folder names the version the copy was read in; the classic copy says it itself.
    String version =
        path.isClassicCopy()
            ? apiVersion.substring(apiVersion.lastIndexOf('/') + 1)
            : path.version();
    return new StagedItem(
        path.groupResource(),
        version,
        kind,
        path.isClusterScoped() ? "" : path.namespace(),
        name,
        json);
  }

  /** Strict JSON, as Go's decoder reads it (Gson's default leniency would take single quotes). */
  private static JsonObject jsonObject(byte[] json, String entry) throws ArchiveFormatException {
    JsonElement parsed;
    try {
      JsonReader reader =
          new JsonReader(new StringReader(new String(json, StandardCharsets.UTF_8)));
      reader.setStrictness(Strictness.STRICT);
      parsed = JsonParser.parseReader(reader);
      // A strict reader refuses anything but the end after the first value.
      reader.peek();
    } catch (JsonParseException | IOException e) {
      // Gson's messages advise leniency, which would mislead here; the cause keeps the detail.
      throw new ArchiveFormatException(entry + " is not valid JSON", e);
    }
    if (!parsed.isJsonObject()) {
      throw new ArchiveFormatException(entry + " is not a JSON object");
    }
    return parsed.getAsJsonObject();
  }

  private static JsonObject metadata(JsonObject object, String entry)
      throws ArchiveFormatException {
    JsonElement metadata = object.get("metadata");
    if (metadata == null || !metadata.isJsonObject()) {
      throw new ArchiveFormatException(entry + " has no metadata object");
    }
    return metadata.getAsJsonObject();
  }

  private static String requiredText(JsonObject object, String field, String where)
      throws ArchiveFormatException {
    String value = optionalText(object, field, where);
    if (value == null) {
      throw new ArchiveFormatException(where + " has no " + field);
    }
    return value;
  }

  /** A non-empty string field; null when absent, null or empty, as Kubernetes treats them. */
  private static String optionalText(JsonObject object, String field, String where)
      throws ArchiveFormatException {
    JsonElement value = object.get(field);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new ArchiveFormatException(where + " has a " + field + " that is not a string");
    }
    String text = value.getAsString();
    return text.isEmpty() ? null : text;
  }
}
