package dev.tugboat.backup.job;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.backup.velero.BackupSpec;
import dev.tugboat.core.selection.LabelSelector;
import dev.tugboat.core.selection.Selection;
import dev.tugboat.core.store.StoreLayout;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a backup should contain and how long to keep it: everything that decides its result, and so
 * the identity of its run. Running the same request again after a crash resumes the run; the same
 * name with another request is another run.
 *
 * @param name the backup's name: its folder, archive and Backup object name in the store
 * @param includeNamespaces namespace globs; empty means all
 * @param excludeNamespaces namespace globs
 * @param includeResources resource patterns; empty means all (events are then left out)
 * @param excludeResources resource patterns
 * @param includeClusterResources Velero's cluster-resource mode
 * @param selector a label selector every object matches; empty for none
 * @param orSelectors label selectors of which an object matches one; empty for none
 * @param ttl how long the backup is kept from its start
 * @param labels labels of the Backup object
 */
public record BackupRequest(
    String name,
    List<String> includeNamespaces,
    List<String> excludeNamespaces,
    List<String> includeResources,
    List<String> excludeResources,
    IncludeClusterResources includeClusterResources,
    String selector,
    List<String> orSelectors,
    Duration ttl,
    Map<String, String> labels) {

  /** The name of the storage location written into the Backup object, as Velero's default. */
  public static final String STORAGE_LOCATION = "default";

  // Readable in the job repository: Gson by default turns the = of app=web into a unicode escape.
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /**
   * @throws IllegalArgumentException naming the first invalid field: the name, a pattern, a
   *     selector, the TTL or a label
   */
  public BackupRequest {
    StoreLayout.requireValidName("backup", name);
    includeNamespaces = List.copyOf(includeNamespaces);
    excludeNamespaces = List.copyOf(excludeNamespaces);
    includeResources = List.copyOf(includeResources);
    excludeResources = List.copyOf(excludeResources);
    Objects.requireNonNull(includeClusterResources, "includeClusterResources");
    selector = selector == null ? "" : selector.trim();
    orSelectors = List.copyOf(orSelectors);
    labels = Map.copyOf(labels);
    Selection.of(
        includeNamespaces,
        excludeNamespaces,
        includeResources,
        excludeResources,
        selector,
        orSelectors);
    new BackupSpec(
        includeNamespaces,
        excludeNamespaces,
        includeResources,
        excludeResources,
        null,
        LabelSelector.everything(),
        List.of(),
        ttl,
        STORAGE_LOCATION,
        labels);
  }

  /** A request for everything, with Velero's defaults. */
  public static BackupRequest everything(String name) {
    return new BackupRequest(
        name,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        IncludeClusterResources.AUTO,
        "",
        List.of(),
        BackupSpec.DEFAULT_TTL,
        Map.of());
  }

  /** The filters the request's patterns and selectors make. */
  public Selection selection() {
    return Selection.of(
        includeNamespaces,
        excludeNamespaces,
        includeResources,
        excludeResources,
        selector,
        orSelectors);
  }

  /** The request in the terms of Velero's {@code Backup.spec}. */
  public BackupSpec spec() {
    return new BackupSpec(
        includeNamespaces,
        excludeNamespaces,
        includeResources,
        excludeResources,
        switch (includeClusterResources) {
          case AUTO -> null;
          case TRUE -> Boolean.TRUE;
          case FALSE -> Boolean.FALSE;
        },
        selector.isEmpty() ? LabelSelector.everything() : LabelSelector.parse(selector),
        orSelectors.stream().map(LabelSelector::parse).toList(),
        ttl,
        STORAGE_LOCATION,
        labels);
  }

  /** The request as canonical JSON (labels sorted): equal requests give equal text. */
  public String toJson() {
    return GSON.toJson(new Json(this));
  }

  /**
   * @throws IllegalArgumentException when the text is not a valid request
   */
  public static BackupRequest fromJson(String json) {
    try {
      Json parsed = GSON.fromJson(json, Json.class);
      if (parsed == null) {
        throw new IllegalArgumentException("the backup request is empty");
      }
      return parsed.toRequest();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("the backup request cannot be read: " + e.getMessage(), e);
    }
  }

  /** The JSON shape: the TTL in seconds and labels sorted, so the text is canonical. */
  private record Json(
      String name,
      List<String> includeNamespaces,
      List<String> excludeNamespaces,
      List<String> includeResources,
      List<String> excludeResources,
      IncludeClusterResources includeClusterResources,
      String selector,
      List<String> orSelectors,
      long ttlSeconds,
      TreeMap<String, String> labels) {

    Json(BackupRequest request) {
      this(
          request.name,
          request.includeNamespaces,
          request.excludeNamespaces,
          request.includeResources,
          request.excludeResources,
          request.includeClusterResources,
          request.selector,
          request.orSelectors,
          request.ttl.toSeconds(),
          new TreeMap<>(request.labels));
    }

    BackupRequest toRequest() {
      return new BackupRequest(
          name,
          orEmpty(includeNamespaces),
          orEmpty(excludeNamespaces),
          orEmpty(includeResources),
          orEmpty(excludeResources),
          includeClusterResources,
          selector,
          orEmpty(orSelectors),
          Duration.ofSeconds(ttlSeconds),
          labels == null ? Map.of() : labels);
    }

    private static List<String> orEmpty(List<String> list) {
      return list == null ? List.of() : list;
    }
  }
}
