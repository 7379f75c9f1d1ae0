package dev.tugboat.backup.velero;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ServerVersion;
import dev.tugboat.core.store.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code backups/<name>/velero-backup.json}: the {@code velero.io/v1 Backup} that Velero's sync
 * imports, written as Velero writes it: pretty JSON with two-space indentation, no final newline,
 * fields in the order of Velero's Go types, map keys sorted, empty optional fields left out.
 *
 * <p>Velero's restore needs only {@code kind}, {@code apiVersion}, {@code metadata.name} and {@code
 * status.phase}; the rest makes {@code velero backup describe} and garbage collection behave as for
 * a backup Velero made. {@code status.expiration} is start + TTL: once it passes, Velero deletes
 * the backup from the bucket unless the storage location is read-only.
 *
 * @param name the backup name, also its directory and archive name in the store
 * @param spec what the backup was asked to contain and how long to keep it
 * @param serverVersion the version of the cluster that was backed up
 * @param outcome how the backup went
 * @param annotations annotations of the Backup object besides Velero's, e.g. {@code
 *     tugboat.dev/sha256}
 */
public record VeleroBackupDocument(
    String name,
    BackupSpec spec,
    ServerVersion serverVersion,
    BackupOutcome outcome,
    Map<String, String> annotations)
    implements BodyWriter {

  /** Velero's namespace; the sync replaces it with the namespace Velero runs in. */
  private static final String VELERO_NAMESPACE = "velero";

  /** The archive format written, {@code metadata/version} in the tarball. */
  private static final String FORMAT_VERSION = "1.1.0";

  /** Velero's defaults for fields that do not apply to a resources-only backup. */
  private static final Duration CSI_SNAPSHOT_TIMEOUT = Duration.ofMinutes(10);

  private static final Duration ITEM_OPERATION_TIMEOUT = Duration.ofHours(4);

  private static final Gson PRETTY =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  /**
   * @throws IllegalArgumentException when the name is blank
   */
  public VeleroBackupDocument {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("The backup name must not be blank");
    }
    annotations = Map.copyOf(annotations);
  }

  /** A document with Velero's annotations only. */
  public VeleroBackupDocument(
      String name, BackupSpec spec, ServerVersion serverVersion, BackupOutcome outcome) {
    this(name, spec, serverVersion, outcome, Map.of());
  }

  /** {@code Completed}, or {@code PartiallyFailed} when the outcome has errors. */
  public BackupPhase phase() {
    return outcome.phase();
  }

  /** When Velero may delete the backup: its start plus the TTL, to the second. */
  public Instant expiration() {
    return outcome.started().plus(spec.ttl()).truncatedTo(ChronoUnit.SECONDS);
  }

  /** The document's text, exactly as it is stored. */
  public String toJson() {
    JsonObject backup = new JsonObject();
    backup.addProperty("kind", "Backup");
    backup.addProperty("apiVersion", "velero.io/v1");
    backup.add("metadata", metadataJson());
    backup.add("spec", specJson());
    backup.add("status", statusJson());
    return PRETTY.toJson(backup);
  }

  /** Writes {@link #toJson()} in UTF-8. */
  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(toJson().getBytes(StandardCharsets.UTF_8));
  }

  private JsonObject metadataJson() {
    Map<String, String> labels = new TreeMap<>(spec.labels());
    labels.put(BackupSpec.STORAGE_LOCATION_LABEL, spec.storageLocation());
    Map<String, String> annotations = new TreeMap<>(this.annotations);
    annotations.put("velero.io/source-cluster-k8s-gitversion", serverVersion.gitVersion());
    annotations.put("velero.io/source-cluster-k8s-major-version", serverVersion.major());
    annotations.put("velero.io/source-cluster-k8s-minor-version", serverVersion.minor());

    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    metadata.addProperty("namespace", VELERO_NAMESPACE);
    metadata.add("labels", object(labels));
    metadata.add("annotations", object(annotations));
    return metadata;
  }

  private JsonObject specJson() {
    JsonObject json = new JsonObject();
    json.add("metadata", new JsonObject());
    // Velero stores an empty namespace list as ["*"] before running the backup.
    addIfNotEmpty(
        json,
        "includedNamespaces",
        spec.includedNamespaces().isEmpty() ? List.of("*") : spec.includedNamespaces());
    addIfNotEmpty(json, "excludedNamespaces", spec.excludedNamespaces());
    addIfNotEmpty(json, "includedResources", spec.includedResources());
    addIfNotEmpty(json, "excludedResources", spec.excludedResources());
    if (!spec.labelSelector().isEmpty()) {
      json.add("labelSelector", LabelSelectorJson.toJson(spec.labelSelector()));
    }
    if (!spec.orLabelSelectors().isEmpty()) {
      JsonArray selectors = new JsonArray();
      spec.orLabelSelectors()
          .forEach(selector -> selectors.add(LabelSelectorJson.toJson(selector)));
      json.add("orLabelSelectors", selectors);
    }
    json.addProperty("ttl", GoDuration.format(spec.ttl()));
    if (spec.includeClusterResources() != null) {
      json.addProperty("includeClusterResources", spec.includeClusterResources());
    }
    json.add("hooks", new JsonObject());
    json.addProperty("storageLocation", spec.storageLocation());
    json.addProperty("defaultVolumesToFsBackup", false);
    json.addProperty("csiSnapshotTimeout", GoDuration.format(CSI_SNAPSHOT_TIMEOUT));
    json.addProperty("itemOperationTimeout", GoDuration.format(ITEM_OPERATION_TIMEOUT));
    json.addProperty("snapshotMoveData", false);
    return json;
  }

  private JsonObject statusJson() {
    JsonObject progress = new JsonObject();
    addIfNotZero(progress, "totalItems", outcome.totalItems());
    addIfNotZero(progress, "itemsBackedUp", outcome.itemsBackedUp());

    JsonObject status = new JsonObject();
    status.addProperty("version", 1);
    status.addProperty("formatVersion", FORMAT_VERSION);
    status.addProperty("expiration", expiration().toString());
    status.addProperty("phase", phase().veleroName());
    status.addProperty("startTimestamp", seconds(outcome.started()));
    status.addProperty("completionTimestamp", seconds(outcome.completed()));
    addIfNotZero(status, "warnings", outcome.warnings());
    addIfNotZero(status, "errors", outcome.errors());
    status.add("progress", progress);
    return status;
  }

  /**
   * RFC 3339 in UTC to the second, e.g. {@code 2026-06-01T10:00:00Z}, as Kubernetes writes times.
   */
  private static String seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static JsonObject object(Map<String, String> sorted) {
    JsonObject json = new JsonObject();
    sorted.forEach(json::addProperty);
    return json;
  }

  /** Go's {@code omitempty}: Velero leaves empty lists out. */
  private static void addIfNotEmpty(JsonObject json, String field, List<String> values) {
    if (!values.isEmpty()) {
      JsonArray array = new JsonArray();
      values.forEach(array::add);
      json.add(field, array);
    }
  }

  /** Go's {@code omitempty}: Velero leaves zero counts out. */
  private static void addIfNotZero(JsonObject json, String field, int count) {
    if (count != 0) {
      json.addProperty(field, count);
    }
  }
}
