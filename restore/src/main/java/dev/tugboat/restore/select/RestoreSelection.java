package dev.tugboat.restore.select;

import com.google.gson.JsonObject;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.core.selection.Selection;
import dev.tugboat.restore.plan.RestoreSkips;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which archived items a restore selects, with Velero's rules (velero.md 3.7). Filters are
 * evaluated against the item as backed up: its source namespace, its labels.
 *
 * <ul>
 *   <li>Namespaced items: the namespace, name and label filters.
 *   <li>Namespace objects: those of included namespaces; under a label filter only those holding a
 *       selected item or matching it themselves (the others would be empty).
 *   <li>Other cluster-scoped items, by {@code --include-cluster-resources}: {@code true} the name
 *       and label filters, {@code false} none, {@code auto} the same as {@code true} when every
 *       namespace is included and otherwise only what selected items need: the PersistentVolumes
 *       claimed from a selected namespace, the PriorityClasses of selected pods and, beyond Velero
 *       (whose namespace-filtered restores leave them out, velero#7808), the
 *       CustomResourceDefinitions of selected custom resources, without which they cannot be
 *       created in a new cluster.
 * </ul>
 *
 * <p>Built in two passes over the backup: {@link #noteSelected} with every selected namespaced item
 * first, then the cluster-scoped decisions, which depend on them. Not thread-safe while noting;
 * read-only afterwards.
 */
public final class RestoreSelection {

  private static final String NAMESPACES = "namespaces";
  private static final String PERSISTENT_VOLUMES = "persistentvolumes";
  private static final String PRIORITY_CLASSES = "priorityclasses.scheduling.k8s.io";
  private static final String CUSTOM_RESOURCE_DEFINITIONS =
      "customresourcedefinitions.apiextensions.k8s.io";

  private final Selection selection;
  private final IncludeClusterResources clusterResources;
  private final Optional<ApplicationScope> application;
  private final Set<String> namespacesWithItems = new HashSet<>();
  private final Set<String> podPriorityClasses = new HashSet<>();
  private final Set<String> selectedTypes = new HashSet<>();

  public RestoreSelection(Selection selection, IncludeClusterResources clusterResources) {
    this(selection, clusterResources, Optional.empty());
  }

  /**
   * @param application when a migration restores one application: only its namespaced items, and
   *     only the Namespace objects that hold one of them
   */
  public RestoreSelection(
      Selection selection,
      IncludeClusterResources clusterResources,
      Optional<ApplicationScope> application) {
    this.selection = Objects.requireNonNull(selection, "selection");
    this.clusterResources = Objects.requireNonNull(clusterResources, "clusterResources");
    this.application = Objects.requireNonNull(application, "application");
  }

  /**
   * Whether items of a type may be selected at all: not a type Velero never restores, included by
   * the resource filters, and, if cluster-scoped, allowed by the cluster-resource mode.
   */
  public boolean includesType(ApiResource type) {
    String groupResource = type.groupResource();
    if (RestoreSkips.isNeverRestored(groupResource)) {
      return false;
    }
    if (groupResource.equals(NAMESPACES)) {
      return true;
    }
    if (!selection.includesResource(type)) {
      return false;
    }
    if (type.namespaced()) {
      return true;
    }
    return switch (clusterResources) {
      case TRUE -> true;
      case FALSE -> false;
      case AUTO ->
          selection.includesAllNamespaces()
              || groupResource.equals(PERSISTENT_VOLUMES)
              || groupResource.equals(PRIORITY_CLASSES)
              || groupResource.equals(CUSTOM_RESOURCE_DEFINITIONS);
    };
  }

  /**
   * Whether a namespaced item passes the filters; call {@link #noteSelected} for those that do.
   *
   * @param item an item of a type {@link #includesType included}
   */
  public boolean includesNamespaced(JsonObject item) {
    return selection.includesObject(namespaceOf(item), nameOf(item), JsonPaths.labels(item))
        && application.map(scope -> scope.admits(item)).orElse(true);
  }

  /** Records a selected namespaced item, on which cluster-scoped decisions depend. */
  public void noteSelected(ApiResource type, JsonObject item) {
    namespacesWithItems.add(namespaceOf(item));
    selectedTypes.add(type.groupResource());
    if (type.groupResource().equals("pods")) {
      JsonPaths.string(item, "spec", "priorityClassName")
          .filter(name -> !name.isEmpty())
          .ifPresent(podPriorityClasses::add);
    }
  }

  /**
   * Whether a cluster-scoped item is selected; call after every selected namespaced item was {@link
   * #noteSelected noted}.
   *
   * @param type a cluster-scoped type {@link #includesType included}
   */
  public boolean includesClusterScoped(ApiResource type, JsonObject item) {
    String name = nameOf(item);
    Map<String, String> labels = JsonPaths.labels(item);
    String groupResource = type.groupResource();
    if (groupResource.equals(NAMESPACES)) {
      return selection.includesNamespace(name)
          && (namespacesWithItems.contains(name)
              || (application.isEmpty()
                  && (!selection.hasLabelFilter() || selection.matchesLabels(labels))));
    }
    if (clusterResources == IncludeClusterResources.AUTO && !selection.includesAllNamespaces()) {
      return switch (groupResource) {
        case PERSISTENT_VOLUMES ->
            JsonPaths.string(item, "spec", "claimRef", "namespace")
                .filter(namespacesWithItems::contains)
                .isPresent();
        case PRIORITY_CLASSES -> podPriorityClasses.contains(name);
        // A definition is named after the group resource it defines.
        case CUSTOM_RESOURCE_DEFINITIONS -> selectedTypes.contains(name);
        default -> false;
      };
    }
    return selection.includesObject(null, name, labels);
  }

  /** The source namespaces that hold a selected item, each once. */
  public Set<String> namespacesWithItems() {
    return Set.copyOf(namespacesWithItems);
  }

  private static String namespaceOf(JsonObject item) {
    return JsonPaths.string(item, "metadata", "namespace").orElse("");
  }

  private static String nameOf(JsonObject item) {
    return JsonPaths.string(item, "metadata", "name").orElse("");
  }
}
