package dev.tugboat.backup.velero;

import dev.tugboat.core.selection.LabelSelector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user asked the backup to contain and keep, in the terms Velero's {@code Backup.spec}
 * records. The patterns are recorded as given; {@link dev.tugboat.core.selection.Selection} is what
 * applies them.
 *
 * @param includedNamespaces namespace globs; empty means all and is written as {@code ["*"]}, as
 *     Velero does
 * @param excludedNamespaces namespace globs
 * @param includedResources resource patterns; empty means all
 * @param excludedResources resource patterns
 * @param includeClusterResources true or false as given; null for Velero's automatic choice
 *     (cluster-scoped types only when every namespace is included)
 * @param labelSelector the selector every object matches; {@link LabelSelector#everything()} for
 *     none
 * @param orLabelSelectors selectors of which an object matches one; empty for none
 * @param ttl how long the backup is kept, from its start; positive
 * @param storageLocation the name of the BackupStorageLocation the backup is written for
 * @param labels labels for the Backup object, besides {@code velero.io/storage-location}
 */
public record BackupSpec(
    List<String> includedNamespaces,
    List<String> excludedNamespaces,
    List<String> includedResources,
    List<String> excludedResources,
    Boolean includeClusterResources,
    LabelSelector labelSelector,
    List<LabelSelector> orLabelSelectors,
    Duration ttl,
    String storageLocation,
    Map<String, String> labels) {

  /** Velero's default TTL ({@code --default-backup-ttl}). */
  public static final Duration DEFAULT_TTL = Duration.ofHours(720);

  static final String STORAGE_LOCATION_LABEL = "velero.io/storage-location";

  /**
   * @throws IllegalArgumentException when the TTL is not positive, the storage location is blank,
   *     or a label tries to set {@code velero.io/storage-location}
   */
  public BackupSpec {
    includedNamespaces = List.copyOf(includedNamespaces);
    excludedNamespaces = List.copyOf(excludedNamespaces);
    includedResources = List.copyOf(includedResources);
    excludedResources = List.copyOf(excludedResources);
    Objects.requireNonNull(labelSelector, "labelSelector (use LabelSelector.everything())");
    orLabelSelectors = List.copyOf(orLabelSelectors);
    labels = Map.copyOf(labels);
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("The backup TTL must be positive, not " + ttl);
    }
    if (storageLocation == null || storageLocation.isBlank()) {
      throw new IllegalArgumentException("The backup storage location name must not be blank");
    }
    if (labels.containsKey(STORAGE_LOCATION_LABEL)) {
      throw new IllegalArgumentException(
          "The label "
              + STORAGE_LOCATION_LABEL
              + " is set from the storage location ("
              + storageLocation
              + "); remove it from the backup labels");
    }
  }
}
