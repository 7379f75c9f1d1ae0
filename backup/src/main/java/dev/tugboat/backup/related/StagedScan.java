package dev.tugboat.backup.related;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagedSegment;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One pass over the staged segments that keeps only what finding related objects needs: the objects
 * pods and claims refer to, the service accounts, the custom resource types with objects, the
 * staged objects of related types (not to stage them twice) and, when asked, the namespaces holding
 * objects. Segments of other types are not read.
 */
final class StagedScan {

  private static final String PODS = "pods";
  private static final String CLAIMS = "persistentvolumeclaims";
  private static final String SERVICE_ACCOUNTS = "serviceaccounts";

  private final ResourceCatalog catalog;
  private final boolean trackNamespaces;
  private final WantedObjects wanted;

  private final Set<ObjectRef> stagedRelated = new HashSet<>();
  private final Set<ObjectRef> serviceAccounts = new HashSet<>();
  private final Set<String> customTypesWithItems = new TreeSet<>();
  private final Set<String> namespacesWithItems = new HashSet<>();

  private StagedScan(ResourceCatalog catalog, boolean trackNamespaces, WantedObjects wanted) {
    this.catalog = catalog;
    this.trackNamespaces = trackNamespaces;
    this.wanted = wanted;
  }

  /**
   * Reads the segments that matter and adds what their pods and claims refer to to {@code wanted}.
   *
   * @param trackNamespaces whether to note the namespaces that hold staged objects, which means
   *     reading every segment of a namespaced type
   */
  static StagedScan read(
      StagingArea staging,
      List<StagedSegment> segments,
      ResourceCatalog catalog,
      boolean trackNamespaces,
      WantedObjects wanted)
      throws IOException {
    StagedScan scan = new StagedScan(catalog, trackNamespaces, wanted);
    for (StagedSegment segment : segments) {
      // Steps never write an empty chunk, so a segment with chunks has objects.
      if (segment.chunks() > 0 && isGroupOtherThanCore(segment.groupResource())) {
        scan.customTypesWithItems.add(segment.groupResource());
      }
      if (scan.needsToRead(segment.groupResource())) {
        staging.readSegment(segment.name(), segment.chunks(), scan::accept);
      }
    }
    return scan;
  }

  /** The staged objects of the types in {@link RelatedType}. */
  Set<ObjectRef> stagedRelated() {
    return stagedRelated;
  }

  /** The staged service accounts, as {@code serviceaccounts} refs. */
  Set<ObjectRef> serviceAccounts() {
    return serviceAccounts;
  }

  /**
   * The staged types outside the core group that have objects, e.g. {@code widgets.example.com}:
   * the candidates for a CRD (built-in groups such as {@code apps} are among them, and match none).
   */
  Set<String> customTypesWithItems() {
    return customTypesWithItems;
  }

  /** The namespaces holding staged objects; filled only when tracking namespaces. */
  Set<String> namespacesWithItems() {
    return namespacesWithItems;
  }

  private boolean needsToRead(String groupResource) {
    if (groupResource.isEmpty()
        || groupResource.equals(PODS)
        || groupResource.equals(CLAIMS)
        || groupResource.equals(SERVICE_ACCOUNTS)
        || RelatedType.of(groupResource).isPresent()) {
      return true;
    }
    return trackNamespaces
        && catalog.forGroupResource(groupResource).map(ApiResource::namespaced).orElse(true);
  }

  private void accept(StagedItem item) {
    String type = item.groupResource();
    switch (type) {
      case PODS -> ObjectReferences.ofPod(item.namespace(), item.name(), parse(item), wanted);
      case CLAIMS -> ObjectReferences.ofClaim(item.namespace(), item.name(), parse(item), wanted);
      case SERVICE_ACCOUNTS -> serviceAccounts.add(ObjectRef.of(item));
      default -> {
        if (isGroupOtherThanCore(type)) {
          customTypesWithItems.add(type);
        }
      }
    }
    if (RelatedType.of(type).isPresent()) {
      stagedRelated.add(ObjectRef.of(item));
    }
    if (trackNamespaces && !item.isClusterScoped()) {
      namespacesWithItems.add(item.namespace());
    }
  }

  private static boolean isGroupOtherThanCore(String groupResource) {
    return groupResource.contains(".");
  }

  private static JsonObject parse(StagedItem item) {
    return JsonParser.parseString(new String(item.json(), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }
}
