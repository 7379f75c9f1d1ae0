package dev.tugboat.restore.job;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.ResourceDiscovery;
import dev.tugboat.core.selection.Selection;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.plan.OwnedObjects;
import dev.tugboat.restore.plan.RestoredObject;
import dev.tugboat.restore.select.RestoreSelection;
import dev.tugboat.restore.source.ArchiveSpooler;
import dev.tugboat.restore.source.BackupSource;
import dev.tugboat.restore.source.SharedSpool;
import dev.tugboat.restore.source.SpooledBackup;
import dev.tugboat.restore.transform.RestoreContext;
import dev.tugboat.restore.transform.VolumePlan;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What one attempt of a restore knows about its backup and target: the verified backup unpacked in
 * a local folder, the type of each archived group resource, and the selection decisions that need
 * the whole backup (which namespaces hold selected items, which objects their controllers
 * recreate). Built by reading the backup twice (the spool, then one pass over the spool), once per
 * attempt: a restarted restore, possibly in a new pod, builds it again from the same immutable
 * backup. Closing it deletes the local folder, unless the spool is {@link SharedSpool shared} with
 * other restores: its owner deletes that one.
 */
final class RestoreSession implements AutoCloseable {

  static final ApiResource NAMESPACES =
      new ApiResource(
          "",
          "v1",
          "namespaces",
          "Namespace",
          false,
          Set.of("create", "get", "list", "delete"),
          List.of("ns"),
          "v1");

  private final SpooledBackup spool;
  private final boolean ownsSpool;
  private final Map<String, ApiResource> types;
  private final Selection filters;
  private final RestoreSelection selection;
  private final OwnedObjects owned;
  private final RestoreContext context;
  private final Set<String> namespacesWithoutObject;
  private final long selectedItems;

  private RestoreSession(
      SpooledBackup spool,
      boolean ownsSpool,
      Map<String, ApiResource> types,
      Selection filters,
      RestoreSelection selection,
      OwnedObjects owned,
      RestoreContext context,
      Set<String> namespacesWithoutObject,
      long selectedItems) {
    this.spool = spool;
    this.ownsSpool = ownsSpool;
    this.types = Map.copyOf(types);
    this.filters = filters;
    this.selection = selection;
    this.owned = owned;
    this.context = context;
    this.namespacesWithoutObject = Set.copyOf(namespacesWithoutObject);
    this.selectedItems = selectedItems;
  }

  /**
   * Spools and verifies the backup, then makes the selection pass.
   *
   * @throws dev.tugboat.core.store.BackupNotFoundException when the store has no such backup
   * @throws dev.tugboat.core.archive.ArchiveFormatException when the archive is bad, naming the
   *     entry
   */
  static RestoreSession open(RestoreRun run, BackupStore store, ApiClient api) throws IOException {
    RestoreRequest request = run.request();
    BackupSource source = BackupSource.published(store, request.backup());
    SpooledBackup spool =
        new ArchiveSpooler()
            .spool(source, run.workFolder().resolve(request.name() + "-" + UUID.randomUUID()));
    try {
      return select(run, spool, true, new ResourceDiscovery(api).discover(), api);
    } catch (IOException | RuntimeException e) {
      try {
        spool.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * Makes the selection pass over a backup another owner spooled, which the session reads but does
   * not delete, with the target's types as the owner discovered them.
   *
   * @throws IllegalArgumentException when the spool holds another backup than the one requested
   */
  static RestoreSession open(
      RestoreRun run, SharedSpool shared, ResourceCatalog target, ApiClient api)
      throws IOException {
    if (!shared.backup().equals(run.request().backup())) {
      throw new IllegalArgumentException(
          "restore '"
              + run.request().name()
              + "' is of backup '"
              + run.request().backup()
              + "', not of the shared spool's backup '"
              + shared.backup()
              + "'");
    }
    return select(run, shared.get(), false, target, api);
  }

  /**
   * The selection pass over a spooled backup, which the session deletes when closed;
   * package-private so that tests, without a cluster to discover, can build a session from a spool
   * and a catalog made by hand.
   */
  static RestoreSession select(
      RestoreRun run, SpooledBackup spool, ResourceCatalog target, ApiClient api)
      throws IOException {
    return select(run, spool, true, target, api);
  }

  private static RestoreSession select(
      RestoreRun run, SpooledBackup spool, boolean ownsSpool, ResourceCatalog target, ApiClient api)
      throws IOException {
    RestoreRequest request = run.request();
    Map<String, ApiResource> types = new HashMap<>();
    for (String groupResource : spool.groupResources().keySet()) {
      types.put(groupResource, ArchivedTypes.typeOf(spool, groupResource, target));
    }
    Selection filters = request.selection();
    RestoreSelection selection =
        new RestoreSelection(filters, request.includeClusterResources(), request.application());
    List<RestoredObject> restored = new ArrayList<>();
    // Namespaced items first: which cluster-scoped items are selected depends on them.
    for (ApiResource type : types.values()) {
      if (type.namespaced() && selection.includesType(type)) {
        spool.read(
            type.groupResource(),
            staged -> {
              // Items of other namespaces are not selected, whatever they hold: left unparsed.
              if (!filters.includesNamespace(staged.namespace())) {
                return;
              }
              JsonObject item = parse(staged);
              if (selection.includesNamespaced(item)) {
                selection.noteSelected(type, item);
                restored.add(RestoredObject.of(item));
              }
            });
      }
    }
    Set<String> namespaceObjects = new HashSet<>();
    List<JsonObject> persistentVolumes = new ArrayList<>();
    for (ApiResource type : types.values()) {
      if (!type.namespaced() && selection.includesType(type)) {
        spool.read(
            type.groupResource(),
            staged -> {
              JsonObject item = parse(staged);
              if (selection.includesClusterScoped(type, item)) {
                restored.add(RestoredObject.of(item));
                switch (type.groupResource()) {
                  case "namespaces" -> namespaceObjects.add(staged.name());
                  case "persistentvolumes" -> persistentVolumes.add(item);
                  default -> {}
                }
              }
            });
      }
    }
    Set<String> namespacesWithoutObject = new TreeSet<>(selection.namespacesWithItems());
    namespacesWithoutObject.removeAll(namespaceObjects);
    RestoreContext context =
        new RestoreContext(
            request.backup(),
            request.name(),
            request.namespaceMapping(),
            restoreStatusResources(request, types.values()),
            request.preserveNodePorts(),
            new TargetServiceAccounts(api),
            // Velero's -volumeinfo.json.gz is not read yet: without it, the legacy rules decide.
            VolumePlan.of(
                persistentVolumes,
                Map.of(),
                new TargetVolumes(ResourceApplier.live(api), request.namespaceMapping())));
    OwnedObjects owned =
        request.includeOwned()
            ? OwnedObjects.includingOwned()
            : OwnedObjects.leftToControllers(restored);
    return new RestoreSession(
        spool,
        ownsSpool,
        types,
        filters,
        selection,
        owned,
        context,
        namespacesWithoutObject,
        restored.size() + namespacesWithoutObject.size());
  }

  private static Set<String> restoreStatusResources(
      RestoreRequest request, Collection<ApiResource> types) {
    if (request.restoreStatus().isEmpty()) {
      return Set.of();
    }
    Selection patterns = Selection.builder().includeResources(request.restoreStatus()).build();
    Set<String> resources = new HashSet<>();
    for (ApiResource type : types) {
      if (patterns.includesResource(type)) {
        resources.add(type.groupResource());
      }
    }
    return resources;
  }

  static JsonObject parse(StagedItem staged) {
    return JsonParser.parseString(new String(staged.json(), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  SpooledBackup spool() {
    return spool;
  }

  /**
   * The type of an archived group resource, in the version its items were backed up in; Namespace
   * objects are created even when the backup holds none.
   */
  Optional<ApiResource> type(String groupResource) {
    ApiResource type = types.get(groupResource);
    if (type == null && groupResource.equals(NAMESPACES.groupResource())) {
      return Optional.of(NAMESPACES);
    }
    return Optional.ofNullable(type);
  }

  RestoreSelection selection() {
    return selection;
  }

  OwnedObjects owned() {
    return owned;
  }

  RestoreContext context() {
    return context;
  }

  /**
   * The source namespaces holding selected items whose Namespace object is not in the backup (or
   * not selected): the restore creates them bare, as Velero does.
   */
  Set<String> namespacesWithoutObject() {
    return namespacesWithoutObject;
  }

  /** How many items the restore selected, the Namespace objects it creates bare included. */
  long selectedItems() {
    return selectedItems;
  }

  /**
   * Whether an archived item may be selected, judged by its path alone: a namespaced item outside
   * the selected namespaces is not, so it need not be parsed. A migration restores each application
   * from a backup of them all, and most of the backup's items are other applications'.
   */
  boolean mayBeSelected(StagedItem staged) {
    return staged.isClusterScoped() || filters.includesNamespace(staged.namespace());
  }

  /** Whether an archived item is selected. */
  boolean selects(ApiResource type, JsonObject item) {
    if (!selection.includesType(type)) {
      return false;
    }
    return type.namespaced()
        ? selection.includesNamespaced(item)
        : selection.includesClusterScoped(type, item);
  }

  @Override
  public void close() throws IOException {
    if (ownsSpool) {
      spool.close();
    }
  }
}
