package dev.tugboat.backup.velero;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ServerVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What {@code velero-backup.json} says about a backup, read leniently: every field but {@code
 * apiVersion}, {@code kind} and {@code metadata.name} may be missing, as in backups made by Velero
 * versions or other tools that leave fields out.
 *
 * @param phase {@code status.phase}, e.g. {@code Completed}; null when absent
 * @param includeClusterResources null for Velero's automatic choice
 * @param labelSelector in kubectl's text form, e.g. {@code app=web,tier in (a,b)}; null for none
 * @param orLabelSelectors each in kubectl's text form
 * @param started {@code status.startTimestamp}, e.g. {@code 2026-06-01T10:00:00Z}; times are in UTC
 *     as {@link Instant#toString()} writes them, null when absent
 * @param ttl as stored, a Go duration such as {@code 720h0m0s}
 * @param sourceCluster the version of the backed-up cluster; null when not recorded
 * @param sha256 the archive's digest from the {@code tugboat.dev/sha256} annotation; null when
 *     absent
 * @param run the Tugboat run that published the backup, from the {@code tugboat.dev/run}
 *     annotation; null for a backup Tugboat did not make
 */
public record BackupMetadata(
    String name,
    String phase,
    String formatVersion,
    List<String> includedNamespaces,
    List<String> excludedNamespaces,
    List<String> includedResources,
    List<String> excludedResources,
    Boolean includeClusterResources,
    String labelSelector,
    List<String> orLabelSelectors,
    String ttl,
    String storageLocation,
    String started,
    String completed,
    String expiration,
    int totalItems,
    int itemsBackedUp,
    int errors,
    int warnings,
    ServerVersion sourceCluster,
    String sha256,
    String run) {

  /** The annotation holding the archive's SHA-256, which restore verifies. */
  public static final String SHA256_ANNOTATION = "tugboat.dev/sha256";

  /** The annotation naming the Tugboat run that published the backup. */
  public static final String RUN_ANNOTATION = "tugboat.dev/run";

  private static final String GIT_VERSION_ANNOTATION = "velero.io/source-cluster-k8s-gitversion";
  private static final String MAJOR_ANNOTATION = "velero.io/source-cluster-k8s-major-version";
  private static final String MINOR_ANNOTATION = "velero.io/source-cluster-k8s-minor-version";

  /** Whether Velero's garbage collection may delete the backup at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expiration != null && !Instant.parse(expiration).isAfter(now);
  }

  /**
   * Reads the content of a {@code velero-backup.json}.
   *
   * @throws IllegalArgumentException saying what is wrong: not JSON, not a Velero Backup, or a
   *     field of the wrong type
   */
  public static BackupMetadata parse(byte[] json) {
    JsonElement root;
    try {
      root = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("velero-backup.json is not valid JSON");
    }
    if (!root.isJsonObject()) {
      throw new IllegalArgumentException("velero-backup.json is not a JSON object");
    }
    try {
      return parse(root.getAsJsonObject());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("velero-backup.json: " + e.getMessage(), e);
    }
  }

  private static BackupMetadata parse(JsonObject backup) {
    String apiVersion = JsonFields.text(backup, "apiVersion");
    String kind = JsonFields.text(backup, "kind");
    if (!"velero.io/v1".equals(apiVersion) || !"Backup".equals(kind)) {
      throw new IllegalArgumentException(
          "not a velero.io/v1 Backup (apiVersion " + apiVersion + ", kind " + kind + ")");
    }
    JsonObject metadata = JsonFields.object(backup, "metadata");
    String name = JsonFields.text(metadata, "metadata.name");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("metadata.name is missing");
    }
    SortedMap<String, String> annotations = JsonFields.textMap(metadata, "metadata.annotations");
    JsonObject spec = JsonFields.object(backup, "spec");
    JsonObject status = JsonFields.object(backup, "status");
    JsonObject progress = JsonFields.object(status, "status.progress");
    return new BackupMetadata(
        name,
        JsonFields.text(status, "status.phase"),
        JsonFields.text(status, "status.formatVersion"),
        JsonFields.texts(spec, "spec.includedNamespaces"),
        JsonFields.texts(spec, "spec.excludedNamespaces"),
        JsonFields.texts(spec, "spec.includedResources"),
        JsonFields.texts(spec, "spec.excludedResources"),
        JsonFields.flag(spec, "spec.includeClusterResources"),
        spec.has("labelSelector")
            ? LabelSelectorText.format(
                JsonFields.object(spec, "spec.labelSelector"), "spec.labelSelector")
            : null,
        orLabelSelectors(spec),
        JsonFields.text(spec, "spec.ttl"),
        JsonFields.text(spec, "spec.storageLocation"),
        time(status, "status.startTimestamp"),
        time(status, "status.completionTimestamp"),
        time(status, "status.expiration"),
        JsonFields.count(progress, "status.progress.totalItems"),
        JsonFields.count(progress, "status.progress.itemsBackedUp"),
        JsonFields.count(status, "status.errors"),
        JsonFields.count(status, "status.warnings"),
        sourceCluster(annotations),
        annotations.get(SHA256_ANNOTATION),
        annotations.get(RUN_ANNOTATION));
  }

  private static List<String> orLabelSelectors(JsonObject spec) {
    JsonElement value = spec.get("orLabelSelectors");
    if (value == null || value.isJsonNull()) {
      return List.of();
    }
    if (!value.isJsonArray()) {
      throw new IllegalArgumentException("spec.orLabelSelectors is not a list");
    }
    JsonArray array = value.getAsJsonArray();
    List<String> selectors = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "spec.orLabelSelectors[" + i + "]";
      if (!array.get(i).isJsonObject()) {
        throw new IllegalArgumentException(path + " is not an object");
      }
      selectors.add(LabelSelectorText.format(array.get(i).getAsJsonObject(), path));
    }
    return selectors;
  }

  private static ServerVersion sourceCluster(Map<String, String> annotations) {
    String gitVersion = annotations.get(GIT_VERSION_ANNOTATION);
    if (gitVersion == null) {
      return null;
    }
    return new ServerVersion(
        gitVersion, annotations.get(MAJOR_ANNOTATION), annotations.get(MINOR_ANNOTATION));
  }

  /** An RFC 3339 time, as Kubernetes writes them, in UTC; null when absent. */
  private static String time(JsonObject parent, String path) {
    String text = JsonFields.text(parent, path);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toString();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(path + " '" + text + "' is not an RFC 3339 time");
    }
  }
}
