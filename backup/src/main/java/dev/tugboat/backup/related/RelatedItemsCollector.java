package dev.tugboat.backup.related;

import com.google.gson.JsonObject;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.backup.staging.StagedSegment;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.core.selection.Selection;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stages the objects that the listed objects of a backup depend on, so that a restore, even into
 * another cluster, can recreate them (Velero's "additional items"):
 *
 * <ul>
 *   <li>the Namespace objects of the plan; under a label filter only those whose labels match or
 *       that hold a staged object;
 *   <li>each pod's claims and PriorityClass;
 *   <li>each claim's PersistentVolume (once bound) and StorageClass (beyond Velero: another cluster
 *       may lack it);
 *   <li>the ClusterRoleBindings naming a staged ServiceAccount, and their ClusterRoles;
 *   <li>the CRD of each type of staged custom resources.
 * </ul>
 *
 * <p>Related objects ignore the selection's include list and its name and label filters; see {@link
 * RelatedTypes} for what keeps them out. They are staged in a fixed order (by type in Velero's
 * order, then by namespace and name), so a rerun stages the same segment. The staged segments are
 * streamed; only references are kept in memory.
 */
public final class RelatedItemsCollector {

  private static final String NAMESPACE_OF_THE_BACKUP = "a namespace of the backup";

  private final ClusterReader cluster;
  private final Selection selection;
  private final RelatedTypes types;
  private final ResourceCatalog catalog;

  /**
   * @param selection the backup's selection: its resource excludes and label filter matter here
   * @param clusterResources whether cluster-scoped objects may be pulled in ({@code FALSE}: none)
   */
  public RelatedItemsCollector(
      ApiClient apiClient,
      ResourceCatalog catalog,
      Selection selection,
      IncludeClusterResources clusterResources) {
    this.cluster = new ClusterReader(apiClient);
    this.selection = selection;
    this.catalog = catalog;
    this.types = new RelatedTypes(catalog, selection, clusterResources);
  }

  /**
   * Reads {@code segments} from {@code staging}, stages the related objects into segment {@code
   * target} (chunks of at most {@code chunkSize} items, numbered from 0) and returns what it did.
   *
   * @param namespaceObjects the plan's namespaces whose Namespace object the backup writes
   *     (BackupPlan.namespaceObjects)
   * @throws IOException when the staging area cannot be read or written, or a GET fails other than
   *     with 404 or 403
   */
  public RelatedItems collect(
      StagingArea staging,
      List<StagedSegment> segments,
      List<String> namespaceObjects,
      String target,
      int chunkSize)
      throws IOException {
    boolean trackNamespaces = selection.hasLabelFilter() && !namespaceObjects.isEmpty();
    WantedObjects wanted = new WantedObjects();
    StagedScan scan = StagedScan.read(staging, segments, catalog, trackNamespaces, wanted);
    Run run =
        new Run(
            scan,
            wanted,
            trackNamespaces,
            new RelatedSegmentWriter(staging, target, chunkSize, scan.stagedRelated()));
    // Found before the loop: their roles are wanted even when the bindings themselves are excluded.
    Collection<JsonObject> bindings = run.findBindings().values();
    for (RelatedType type : RelatedType.values()) {
      Optional<ApiResource> resource = types.allowed(type);
      if (resource.isEmpty()) {
        continue;
      }
      switch (type) {
        case NAMESPACES -> run.stageNamespaces(resource.get(), namespaceObjects);
        case CUSTOM_RESOURCE_DEFINITIONS -> run.stageDefinitions(resource.get());
        case CLUSTER_ROLE_BINDINGS -> run.stageAll(resource.get(), bindings);
        default -> run.stageWanted(type, resource.get());
      }
    }
    return run.finish();
  }

  /** One collection: what the scan found, and what is staged so far. */
  private final class Run {

    private final StagedScan scan;
    private final WantedObjects wanted;
    private final boolean trackNamespaces;
    private final RelatedSegmentWriter out;
    private final List<Problem> problems = new ArrayList<>();

    Run(StagedScan scan, WantedObjects wanted, boolean trackNamespaces, RelatedSegmentWriter out) {
      this.scan = scan;
      this.wanted = wanted;
      this.trackNamespaces = trackNamespaces;
      this.out = out;
    }

    /**
     * The ClusterRoleBindings naming a staged ServiceAccount, by name, from one LIST; their
     * ClusterRoles become wanted.
     */
    SortedMap<String, JsonObject> findBindings() {
      SortedMap<String, JsonObject> bindings = new TreeMap<>();
      Optional<ApiResource> bindingType = types.served(RelatedType.CLUSTER_ROLE_BINDINGS);
      boolean anyAllowed =
          types.allowed(RelatedType.CLUSTER_ROLE_BINDINGS).isPresent()
              || types.allowed(RelatedType.CLUSTER_ROLES).isPresent();
      if (scan.serviceAccounts().isEmpty() || bindingType.isEmpty() || !anyAllowed) {
        return bindings;
      }
      cluster.list(
          bindingType.get(),
          "to find the bindings of the backup's service accounts",
          binding -> {
            if (ObjectReferences.bindsAnyOf(binding, scan.serviceAccounts())) {
              bindings.put(JsonPaths.string(binding, "metadata", "name").orElse(""), binding);
            }
          },
          problems);
      bindings.forEach(
          (name, binding) ->
              ObjectReferences.clusterRoleOf(binding)
                  .ifPresent(
                      role ->
                          wanted.add(
                              RelatedType.CLUSTER_ROLES,
                              "",
                              role,
                              "role of clusterrolebinding " + name)));
      return bindings;
    }

    /**
     * Stages the plan's Namespace objects; under a label filter, only Velero's tracked ones. One
     * LIST serves them all: a backup of a thousand namespaces must not cost a thousand GETs.
     */
    void stageNamespaces(ApiResource type, List<String> names) throws IOException {
      Set<String> wanted = new TreeSet<>(names);
      if (wanted.isEmpty()) {
        return;
      }
      Map<String, JsonObject> found = new HashMap<>();
      cluster.list(
          type,
          "to read the backup's Namespace objects",
          namespace -> {
            String name = JsonPaths.string(namespace, "metadata", "name").orElse("");
            if (wanted.contains(name)) {
              found.put(name, namespace);
            }
          },
          problems);
      for (String name : wanted) {
        ObjectRef ref = new ObjectRef(type.groupResource(), "", name);
        JsonObject namespace = found.get(name);
        if (out.holds(ref)) {
          continue;
        }
        if (namespace == null) {
          problems.add(
              new Problem(
                  false, "", ref.describe() + " (" + NAMESPACE_OF_THE_BACKUP + ") was not found"));
        } else if (isTracked(name, namespace)) {
          out.stage(type, namespace);
        }
      }
    }

    /** Stages the CRDs of the staged custom resources, from one LIST, by name. */
    void stageDefinitions(ApiResource type) throws IOException {
      if (scan.customTypesWithItems().isEmpty()) {
        return;
      }
      SortedMap<String, JsonObject> definitions = new TreeMap<>();
      cluster.list(
          type,
          "to find the definitions of the backup's custom resources",
          definition -> {
            String definedType =
                JsonPaths.string(definition, "spec", "names", "plural").orElse("")
                    + "."
                    + JsonPaths.string(definition, "spec", "group").orElse("");
            if (scan.customTypesWithItems().contains(definedType)) {
              definitions.put(
                  JsonPaths.string(definition, "metadata", "name").orElse(""), definition);
            }
          },
          problems);
      stageAll(type, definitions.values());
    }

    void stageAll(ApiResource type, Collection<JsonObject> objects) throws IOException {
      for (JsonObject object : objects) {
        out.stage(type, object);
      }
    }

    /** Reads and stages the wanted objects of a type; a staged claim's volume and class follow. */
    void stageWanted(RelatedType relatedType, ApiResource type) throws IOException {
      for (Map.Entry<ObjectRef, String> entry : wanted.of(relatedType).entrySet()) {
        ObjectRef ref = entry.getKey();
        if (out.holds(ref)) {
          continue;
        }
        Optional<JsonObject> object = cluster.get(type, ref, entry.getValue(), problems);
        if (object.isPresent()
            && out.stage(type, object.get())
            && relatedType == RelatedType.PERSISTENT_VOLUME_CLAIMS) {
          ObjectReferences.ofClaim(ref.namespace(), ref.name(), object.get(), wanted);
        }
      }
    }

    RelatedItems finish() throws IOException {
      return out.finish(problems);
    }

    /** Velero's namespace tracker: labels that match the selection, or a staged object. */
    private boolean isTracked(String name, JsonObject namespace) {
      return !trackNamespaces
          || scan.namespacesWithItems().contains(name)
          || selection.matchesLabels(JsonPaths.labels(namespace));
    }
  }
}
