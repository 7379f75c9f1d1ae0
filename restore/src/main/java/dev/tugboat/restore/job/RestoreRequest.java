package dev.tugboat.restore.job;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.core.selection.Selection;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.restore.apply.ExistingResourcePolicy;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import dev.tugboat.restore.modifiers.ResourceModifiers;
import dev.tugboat.restore.select.ApplicationScope;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a restore should bring back and how: everything that decides its result, and so the identity
 * of its run. Running the same request again after a crash resumes the run.
 *
 * @param name the restore's name: its folder under {@code restores/} in the store and the value of
 *     the {@code velero.io/restore-name} label
 * @param backup the backup to restore
 * @param includeNamespaces source namespace globs; empty means all
 * @param excludeNamespaces source namespace globs
 * @param includeResources resource patterns; empty means all
 * @param excludeResources resource patterns
 * @param includeClusterResources Velero's cluster-resource mode (velero.md 3.7)
 * @param selector a label selector every object matches; empty for none
 * @param orSelectors label selectors of which an object matches one; empty for none
 * @param namespaceMapping source namespace to target namespace
 * @param existingResourcePolicy what to do with objects that exist and differ
 * @param resourceModifiers the text of a Velero resource-modifier file (YAML); empty for none. The
 *     text, not the file's path, so that a resumed run applies exactly what the first one did
 * @param restoreStatus resource patterns whose status is restored too
 * @param preserveNodePorts keep every Service node port
 * @param includeOwned also create objects that a restored controller would recreate
 * @param dryRun only read the target cluster and say what a real run would do
 * @param application when a migration restores one application of its plan: only that application's
 *     objects
 */
public record RestoreRequest(
    String name,
    String backup,
    List<String> includeNamespaces,
    List<String> excludeNamespaces,
    List<String> includeResources,
    List<String> excludeResources,
    IncludeClusterResources includeClusterResources,
    String selector,
    List<String> orSelectors,
    Map<String, String> namespaceMapping,
    ExistingResourcePolicy existingResourcePolicy,
    String resourceModifiers,
    List<String> restoreStatus,
    boolean preserveNodePorts,
    boolean includeOwned,
    boolean dryRun,
    Optional<ApplicationScope> application) {

  // Readable in the job repository: Gson by default turns the = of app=web into a unicode escape.
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /** A namespace name: a DNS label. */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /**
   * @throws IllegalArgumentException naming the first invalid field
   */
  public RestoreRequest {
    StoreLayout.requireValidName("restore", name);
    StoreLayout.requireValidName("backup", backup);
    includeNamespaces = List.copyOf(includeNamespaces);
    excludeNamespaces = List.copyOf(excludeNamespaces);
    includeResources = List.copyOf(includeResources);
    excludeResources = List.copyOf(excludeResources);
    Objects.requireNonNull(includeClusterResources, "includeClusterResources");
    selector = selector == null ? "" : selector.trim();
    orSelectors = List.copyOf(orSelectors);
    namespaceMapping = Map.copyOf(namespaceMapping);
    Objects.requireNonNull(existingResourcePolicy, "existingResourcePolicy");
    resourceModifiers = resourceModifiers == null ? "" : resourceModifiers;
    restoreStatus = List.copyOf(restoreStatus);
    Objects.requireNonNull(application, "application");
    namespaceMapping.forEach(
        (source, target) -> {
          requireNamespace(source, "source");
          requireNamespace(target, "target");
        });
    Selection.of(
        includeNamespaces,
        excludeNamespaces,
        includeResources,
        excludeResources,
        selector,
        orSelectors);
    if (!resourceModifiers.isBlank()) {
      ResourceModifiers.parse(resourceModifiers);
    }
  }

  /** A request of the command line, which restores no application of a migration plan. */
  public RestoreRequest(
      String name,
      String backup,
      List<String> includeNamespaces,
      List<String> excludeNamespaces,
      List<String> includeResources,
      List<String> excludeResources,
      IncludeClusterResources includeClusterResources,
      String selector,
      List<String> orSelectors,
      Map<String, String> namespaceMapping,
      ExistingResourcePolicy existingResourcePolicy,
      String resourceModifiers,
      List<String> restoreStatus,
      boolean preserveNodePorts,
      boolean includeOwned,
      boolean dryRun) {
    this(
        name,
        backup,
        includeNamespaces,
        excludeNamespaces,
        includeResources,
        excludeResources,
        includeClusterResources,
        selector,
        orSelectors,
        namespaceMapping,
        existingResourcePolicy,
        resourceModifiers,
        restoreStatus,
        preserveNodePorts,
        includeOwned,
        dryRun,
        Optional.empty());
  }

  /** Everything in a backup, with Velero's defaults. */
  public static RestoreRequest everything(String name, String backup) {
    return new RestoreRequest(
        name,
        backup,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        IncludeClusterResources.AUTO,
        "",
        List.of(),
        Map.of(),
        ExistingResourcePolicy.NONE,
        "",
        List.of(),
        false,
        false,
        false);
  }

  /** The filters the request's patterns and selectors make, over the backup's namespaces. */
  public Selection selection() {
    return Selection.of(
        includeNamespaces,
        excludeNamespaces,
        includeResources,
        excludeResources,
        selector,
        orSelectors);
  }

  /** The resource modifiers to apply; empty when the request has none. */
  public ResourceModifiers modifiers() {
    return resourceModifiers.isBlank()
        ? ResourceModifiers.none()
        : ResourceModifiers.parse(resourceModifiers);
  }

  /** The request as canonical JSON (maps sorted): equal requests give equal text. */
  public String toJson() {
    return GSON.toJson(new Json(this));
  }

  /**
   * @throws IllegalArgumentException when the text is not a valid request
   */
  public static RestoreRequest fromJson(String json) {
    try {
      Json parsed = GSON.fromJson(json, Json.class);
      if (parsed == null) {
        throw new IllegalArgumentException("the restore request is empty");
      }
      return parsed.toRequest();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "the restore request cannot be read: " + e.getMessage(), e);
    }
  }

  private static void requireNamespace(String namespace, String side) {
    if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "--namespace-mappings: '"
              + namespace
              + "' is not a valid "
              + side
              + " namespace (a DNS label: lowercase letters, digits and '-', at most 63)");
    }
  }

  /** An application scope as JSON: the plan in its own canonical JSON. */
  private record Application(String plan, String name) {

    Application(ApplicationScope scope) {
      this(scope.plan().toJson(), scope.application());
    }

    ApplicationScope toScope() {
      return new ApplicationScope(MigrationPlanParser.parse(plan), name);
    }
  }

  /** The JSON shape, with the mapping sorted so the text is canonical. */
  private record Json(
      String name,
      String backup,
      List<String> includeNamespaces,
      List<String> excludeNamespaces,
      List<String> includeResources,
      List<String> excludeResources,
      IncludeClusterResources includeClusterResources,
      String selector,
      List<String> orSelectors,
      TreeMap<String, String> namespaceMapping,
      ExistingResourcePolicy existingResourcePolicy,
      String resourceModifiers,
      List<String> restoreStatus,
      boolean preserveNodePorts,
      boolean includeOwned,
      boolean dryRun,
      Application application) {

    Json(RestoreRequest request) {
      this(
          request.name,
          request.backup,
          request.includeNamespaces,
          request.excludeNamespaces,
          request.includeResources,
          request.excludeResources,
          request.includeClusterResources,
          request.selector,
          request.orSelectors,
          new TreeMap<>(request.namespaceMapping),
          request.existingResourcePolicy,
          request.resourceModifiers,
          request.restoreStatus,
          request.preserveNodePorts,
          request.includeOwned,
          request.dryRun,
          request.application.map(Application::new).orElse(null));
    }

    RestoreRequest toRequest() {
      return new RestoreRequest(
          name,
          backup,
          orEmpty(includeNamespaces),
          orEmpty(excludeNamespaces),
          orEmpty(includeResources),
          orEmpty(excludeResources),
          includeClusterResources,
          selector,
          orEmpty(orSelectors),
          namespaceMapping == null ? Map.of() : namespaceMapping,
          existingResourcePolicy,
          resourceModifiers,
          orEmpty(restoreStatus),
          preserveNodePorts,
          includeOwned,
          dryRun,
          Optional.ofNullable(application).map(Application::toScope));
    }

    private static List<String> orEmpty(List<String> list) {
      return list == null ? List.of() : list;
    }
  }
}
