package dev.tugboat.backup.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagedSegment;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.selection.Selection;
import dev.tugboat.core.store.LocalBackupStore;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelatedItemsCollectorTest {

  private static final ApiResource PODS = type("", "pods", "Pod", true);
  private static final ApiResource CLAIMS =
      type("", "persistentvolumeclaims", "PersistentVolumeClaim", true);
  private static final ApiResource VOLUMES =
      type("", "persistentvolumes", "PersistentVolume", false);
  private static final ApiResource NAMESPACES = type("", "namespaces", "Namespace", false);
  private static final ApiResource CONFIG_MAPS = type("", "configmaps", "ConfigMap", true);
  private static final ApiResource SERVICE_ACCOUNTS =
      type("", "serviceaccounts", "ServiceAccount", true);
  private static final ApiResource PRIORITY_CLASSES =
      type("scheduling.k8s.io", "priorityclasses", "PriorityClass", false);
  private static final ApiResource STORAGE_CLASSES =
      type("storage.k8s.io", "storageclasses", "StorageClass", false);
  private static final ApiResource BINDINGS =
      type("rbac.authorization.k8s.io", "clusterrolebindings", "ClusterRoleBinding", false);
  private static final ApiResource ROLES =
      type("rbac.authorization.k8s.io", "clusterroles", "ClusterRole", false);
  private static final ApiResource DEFINITIONS =
      type("apiextensions.k8s.io", "customresourcedefinitions", "CustomResourceDefinition", false);
  private static final ApiResource WIDGETS = type("example.com", "widgets", "Widget", true);
  private static final ApiResource GADGETS = type("example.com", "gadgets", "Gadget", true);
  private static final ApiResource DEPLOYMENTS = type("apps", "deployments", "Deployment", true);

  private static final ResourceCatalog CATALOG =
      new ResourceCatalog(
          List.of(
              PODS,
              CLAIMS,
              VOLUMES,
              NAMESPACES,
              CONFIG_MAPS,
              SERVICE_ACCOUNTS,
              PRIORITY_CLASSES,
              STORAGE_CLASSES,
              BINDINGS,
              ROLES,
              DEFINITIONS,
              WIDGETS,
              GADGETS,
              DEPLOYMENTS),
          List.of());

  private static final String TARGET = "related";

  private final MockWebServer server = new MockWebServer();
  private final FakeApiServer cluster = new FakeApiServer(CATALOG.resources());
  private ApiClient apiClient;
  private StagingArea staging;

  @BeforeEach
  void start(@TempDir Path store) throws IOException {
    server.setDispatcher(cluster);
    server.start();
    // No trailing slash: the client counts the base path's slashes to rewrite core-group URLs.
    String url = server.url("/").toString();
    apiClient = new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build();
    staging = StagingArea.ofBackup(new LocalBackupStore(store), "nightly", "run-1");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aPodPullsInItsClaimsTheirBoundVolumesAndStorageClassesAndItsPriorityClass()
      throws IOException {
    JsonObject data = claim("shop", "data", "Bound", "pv-1", "fast");
    cluster.add(CLAIMS, data);
    cluster.add(CLAIMS, claim("shop", "logs", "Pending", "pv-2", "fast"));
    cluster.add(CLAIMS, claim("shop", "unused", "Bound", "pv-3", "slow"));
    JsonObject volume = clusterObject(VOLUMES, "pv-1");
    cluster.add(VOLUMES, volume);
    cluster.add(VOLUMES, clusterObject(VOLUMES, "pv-2"));
    cluster.add(STORAGE_CLASSES, clusterObject(STORAGE_CLASSES, "fast"));
    cluster.add(PRIORITY_CLASSES, clusterObject(PRIORITY_CLASSES, "high"));
    StagedSegment pods = stage("pods@shop", PODS, pod("shop", "web-0", "high", "logs", "data"));

    RelatedItems related = collect(Selection.all(), IncludeClusterResources.AUTO, List.of(pods));

    assertThat(related).isEqualTo(new RelatedItems(3, 5, List.of()));
    assertThat(keys(readTarget(related)))
        .containsExactly(
            "persistentvolumeclaims shop/data",
            "persistentvolumeclaims shop/logs",
            "persistentvolumes pv-1",
            "priorityclasses.scheduling.k8s.io high",
            "storageclasses.storage.k8s.io fast");
    StagedItem stagedClaim = readTarget(related).get(0);
    assertThat(stagedClaim.version()).isEqualTo("v1");
    assertThat(stagedClaim.kind()).isEqualTo("PersistentVolumeClaim");
    assertThat(json(stagedClaim)).isEqualTo(data);
    assertThat(json(readTarget(related).get(2))).isEqualTo(volume);
  }

  @Test
  void stagedObjectsAreNotFetchedOrStagedAgainButStillLeadOn() throws IOException {
    cluster.add(STORAGE_CLASSES, clusterObject(STORAGE_CLASSES, "fast"));
    cluster.add(CLAIMS, claim("shop", "cache", "Bound", "pv-9", ""));
    StagedSegment pods =
        stage(
            "pods@shop",
            PODS,
            pod("shop", "web-0", "", "data", "cache"),
            pod("shop", "web-1", "", "data", "cache"));
    StagedSegment claims =
        stage(
            "persistentvolumeclaims@shop", CLAIMS, claim("shop", "data", "Bound", "pv-1", "fast"));
    StagedSegment volumes =
        stage(
            "persistentvolumes@cluster",
            VOLUMES,
            clusterObject(VOLUMES, "pv-1"),
            clusterObject(VOLUMES, "pv-9"));

    RelatedItems related =
        collect(Selection.all(), IncludeClusterResources.AUTO, List.of(pods, claims, volumes));

    assertThat(keys(readTarget(related)))
        .containsExactly("persistentvolumeclaims shop/cache", "storageclasses.storage.k8s.io fast");
    assertThat(related.problems()).isEmpty();
    assertThat(cluster.requests())
        .containsExactly(
            "GET /api/v1/namespaces/shop/persistentvolumeclaims/cache",
            "GET /apis/storage.k8s.io/v1/storageclasses/fast");
  }

  @Test
  void aServiceAccountPullsInTheClusterRoleBindingsNamingItAndTheirRoles() throws IOException {
    cluster.add(BINDINGS, binding("builders", "edit", serviceAccount("shop", "builder")));
    cluster.add(
        BINDINGS, binding("readers", "view", group("devs"), serviceAccount("shop", "builder")));
    cluster.add(BINDINGS, binding("elsewhere", "admin", serviceAccount("other", "builder")));
    cluster.add(BINDINGS, binding("devs", "cluster-admin", group("builder")));
    cluster.add(ROLES, clusterObject(ROLES, "edit"));
    cluster.add(ROLES, clusterObject(ROLES, "view"));
    cluster.add(ROLES, clusterObject(ROLES, "admin"));
    StagedSegment accounts =
        stage(
            "serviceaccounts@shop",
            SERVICE_ACCOUNTS,
            namespaced(SERVICE_ACCOUNTS, "shop", "builder"),
            namespaced(SERVICE_ACCOUNTS, "shop", "default"));

    RelatedItems related =
        collect(Selection.all(), IncludeClusterResources.AUTO, List.of(accounts));

    assertThat(keys(readTarget(related)))
        .containsExactly(
            "clusterrolebindings.rbac.authorization.k8s.io builders",
            "clusterrolebindings.rbac.authorization.k8s.io readers",
            "clusterroles.rbac.authorization.k8s.io edit",
            "clusterroles.rbac.authorization.k8s.io view");
    assertThat(cluster.requests())
        .containsExactly(
            "GET /apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
            "GET /apis/rbac.authorization.k8s.io/v1/clusterroles/edit",
            "GET /apis/rbac.authorization.k8s.io/v1/clusterroles/view");
    assertThat(readTarget(related).get(0).kind()).isEqualTo("ClusterRoleBinding");
  }

  @Test
  void theRolesOfExcludedOrStagedBindingsArePulledIn() throws IOException {
    cluster.add(BINDINGS, binding("builders", "edit", serviceAccount("shop", "builder")));
    cluster.add(ROLES, clusterObject(ROLES, "edit"));
    StagedSegment accounts =
        stage(
            "serviceaccounts@shop",
            SERVICE_ACCOUNTS,
            namespaced(SERVICE_ACCOUNTS, "shop", "builder"));
    StagedSegment bindings =
        stage(
            "clusterrolebindings.rbac.authorization.k8s.io@cluster",
            BINDINGS,
            binding("builders", "edit", serviceAccount("shop", "builder")));
    Selection excludingBindings =
        Selection.builder().excludeResources(List.of("clusterrolebindings")).build();

    RelatedItems whenStaged =
        collect(Selection.all(), IncludeClusterResources.TRUE, List.of(accounts, bindings));
    List<String> stagedWhenStaged = keys(readTarget(whenStaged));
    RelatedItems whenExcluded =
        collect(excludingBindings, IncludeClusterResources.TRUE, List.of(accounts));

    assertThat(stagedWhenStaged).containsExactly("clusterroles.rbac.authorization.k8s.io edit");
    assertThat(keys(readTarget(whenExcluded)))
        .containsExactly("clusterroles.rbac.authorization.k8s.io edit");
  }

  @Test
  void customResourcesPullInTheDefinitionOfTheirTypeOnly() throws IOException {
    cluster.add(DEFINITIONS, definition("example.com", "widgets"));
    cluster.add(DEFINITIONS, definition("example.com", "gadgets"));
    cluster.add(DEFINITIONS, definition("other.io", "widgets"));
    StagedSegment widgets =
        stage("widgets.example.com@shop", WIDGETS, namespaced(WIDGETS, "shop", "w1"));
    StagedSegment noGadgets =
        new StagedSegment("gadgets.example.com@shop", "gadgets.example.com", 0);
    StagedSegment deployments =
        stage("deployments.apps@shop", DEPLOYMENTS, namespaced(DEPLOYMENTS, "shop", "web"));

    RelatedItems related =
        collect(
            Selection.all(),
            IncludeClusterResources.AUTO,
            List.of(widgets, noGadgets, deployments));

    assertThat(keys(readTarget(related)))
        .containsExactly("customresourcedefinitions.apiextensions.k8s.io widgets.example.com");
    assertThat(cluster.requests())
        .containsExactly("GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions");
  }

  @Test
  void definitionsAreNotListedWithoutObjectsOutsideTheCoreGroup() throws IOException {
    cluster.add(DEFINITIONS, definition("example.com", "widgets"));
    StagedSegment configMaps =
        stage("configmaps@shop", CONFIG_MAPS, namespaced(CONFIG_MAPS, "shop", "settings"));
    StagedSegment noWidgets =
        new StagedSegment("widgets.example.com@shop", "widgets.example.com", 0);

    RelatedItems related =
        collect(Selection.all(), IncludeClusterResources.AUTO, List.of(configMaps, noWidgets));

    assertThat(related).isEqualTo(new RelatedItems(0, 0, List.of()));
    assertThat(cluster.requests()).isEmpty();
  }

  @Test
  void stagesTheNamespaceObjectsOfThePlan() throws IOException {
    JsonObject shop = namespace("shop", Map.of("team", "a"));
    cluster.add(NAMESPACES, shop);
    cluster.add(NAMESPACES, namespace("other", Map.of()));

    RelatedItems related =
        collect(
            Selection.all(), IncludeClusterResources.FALSE, List.of(), List.of("shop", "other"));

    assertThat(keys(readTarget(related))).containsExactly("namespaces other", "namespaces shop");
    assertThat(json(readTarget(related).get(1))).isEqualTo(shop);
  }

  @Test
  void underALabelSelectorOnlyNamespacesThatMatchOrHoldAnObjectAreStaged() throws IOException {
    cluster.add(NAMESPACES, namespace("shop", Map.of()));
    cluster.add(NAMESPACES, namespace("labelled", Map.of("app", "web")));
    cluster.add(NAMESPACES, namespace("bare", Map.of("app", "db")));
    StagedSegment configMaps =
        stage("configmaps@shop", CONFIG_MAPS, namespaced(CONFIG_MAPS, "shop", "settings"));
    Selection selection = Selection.builder().labelSelector("app=web").build();

    RelatedItems related =
        collect(
            selection,
            IncludeClusterResources.AUTO,
            List.of(configMaps),
            List.of("shop", "labelled", "bare"));

    assertThat(keys(readTarget(related))).containsExactly("namespaces labelled", "namespaces shop");
  }

  @Test
  void withoutClusterResourcesOnlyNamespacedObjectsAndNamespacesArePulledIn() throws IOException {
    cluster.add(CLAIMS, claim("shop", "data", "Bound", "pv-1", "fast"));
    cluster.add(NAMESPACES, namespace("shop", Map.of()));
    StagedSegment pods = stage("pods@shop", PODS, pod("shop", "web-0", "high", "data"));
    StagedSegment accounts =
        stage("serviceaccounts@shop", SERVICE_ACCOUNTS, namespaced(SERVICE_ACCOUNTS, "shop", "sa"));
    StagedSegment widgets =
        stage("widgets.example.com@shop", WIDGETS, namespaced(WIDGETS, "shop", "w1"));

    RelatedItems related =
        collect(
            Selection.all(),
            IncludeClusterResources.FALSE,
            List.of(pods, accounts, widgets),
            List.of("shop"));

    assertThat(keys(readTarget(related)))
        .containsExactly("persistentvolumeclaims shop/data", "namespaces shop");
    assertThat(cluster.requests())
        .containsExactly(
            "GET /api/v1/namespaces/shop/persistentvolumeclaims/data", "GET /api/v1/namespaces");
  }

  @Test
  void onlyExplicitlyExcludedTypesAreLeftOutNotThoseMissingFromTheIncludeList() throws IOException {
    cluster.add(CLAIMS, claim("shop", "data", "Bound", "pv-1", "fast"));
    cluster.add(PRIORITY_CLASSES, clusterObject(PRIORITY_CLASSES, "high"));
    StagedSegment pods = stage("pods@shop", PODS, pod("shop", "web-0", "high", "data"));
    Selection selection =
        Selection.builder()
            .includeResources(List.of("pods"))
            .excludeResources(List.of("persistentvolumes", "storageclasses.storage.k8s.io"))
            .includeNames(List.of("web-*"))
            .labelSelector("app=web")
            .build();

    RelatedItems related = collect(selection, IncludeClusterResources.TRUE, List.of(pods));

    assertThat(keys(readTarget(related)))
        .containsExactly(
            "persistentvolumeclaims shop/data", "priorityclasses.scheduling.k8s.io high");
  }

  @Test
  void typesTheClusterDoesNotServeAreSkippedSilently() throws IOException {
    ResourceCatalog withoutPriorityClasses =
        new ResourceCatalog(List.of(PODS, CLAIMS, VOLUMES, NAMESPACES), List.of());
    cluster.add(CLAIMS, claim("shop", "data", "Pending", "", "fast"));
    StagedSegment pods = stage("pods@shop", PODS, pod("shop", "web-0", "high", "data"));

    RelatedItems related =
        new RelatedItemsCollector(
                apiClient, withoutPriorityClasses, Selection.all(), IncludeClusterResources.AUTO)
            .collect(staging, List.of(pods), List.of(), TARGET, 10);

    assertThat(related).isEqualTo(new RelatedItems(1, 1, List.of()));
    assertThat(cluster.requests())
        .containsExactly("GET /api/v1/namespaces/shop/persistentvolumeclaims/data");
  }

  @Test
  void aMissingObjectIsAWarningAndAForbiddenOneAnError() throws IOException {
    cluster.add(CLAIMS, claim("shop", "data", "Bound", "pv-1", ""));
    cluster.fail("/apis/scheduling.k8s.io/v1/priorityclasses/high", 403);
    StagedSegment pods = stage("pods@shop", PODS, pod("shop", "web-0", "high", "data", "gone"));

    RelatedItems related = collect(Selection.all(), IncludeClusterResources.AUTO, List.of(pods));

    assertThat(keys(readTarget(related))).containsExactly("persistentvolumeclaims shop/data");
    assertThat(related.problems())
        .containsExactly(
            new Problem(
                false,
                "shop",
                "persistentvolumeclaims \"shop/gone\" (claimed by pod shop/web-0) was not found"),
            new Problem(
                false,
                "",
                "persistentvolumes \"pv-1\" (bound to persistentvolumeclaim shop/data) was not"
                    + " found"),
            new Problem(
                true,
                "",
                "priorityclasses.scheduling.k8s.io \"high\" (priority class of pod shop/web-0)"
                    + " could not be read: HTTP 403 Forbidden: scripted failure 403"));
  }

  @Test
  void aForbiddenListIsAnError() throws IOException {
    cluster.fail("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", 403);
    StagedSegment accounts =
        stage("serviceaccounts@shop", SERVICE_ACCOUNTS, namespaced(SERVICE_ACCOUNTS, "shop", "sa"));

    RelatedItems related =
        collect(Selection.all(), IncludeClusterResources.AUTO, List.of(accounts));

    assertThat(related)
        .isEqualTo(
            new RelatedItems(
                0,
                0,
                List.of(
                    new Problem(
                        true,
                        "",
                        "LIST rbac.authorization.k8s.io/v1 clusterrolebindings (cluster-scoped)"
                            + " failed: HTTP 403 Forbidden: scripted failure 403 (to find the"
                            + " bindings of the backup's service accounts)"))));
  }

  @Test
  void anyOtherFailureThrowsNamingTheObject() throws IOException {
    cluster.fail("/apis/scheduling.k8s.io/v1/priorityclasses/high", 500);
    StagedSegment pods = stage("pods@shop", PODS, pod("shop", "web-0", "high"));

    assertThatThrownBy(() -> collect(Selection.all(), IncludeClusterResources.AUTO, List.of(pods)))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "GET priorityclasses.scheduling.k8s.io \"high\" (priority class of pod shop/web-0)"
                + " failed: HTTP 500 Other: scripted failure 500");
  }

  @Test
  void objectsBeingDeletedOrOptedOutAreNotStagedAndLeadNowhere() throws IOException {
    JsonObject deleting = claim("shop", "deleting", "Bound", "pv-1", "");
    deleting.getAsJsonObject("metadata").addProperty("deletionTimestamp", "2026-01-01T00:00:00Z");
    cluster.add(CLAIMS, deleting);
    JsonObject optedOut = claim("shop", "opted-out", "Bound", "pv-2", "");
    optedOut
        .getAsJsonObject("metadata")
        .add("labels", labels(Map.of("velero.io/exclude-from-backup", "true")));
    cluster.add(CLAIMS, optedOut);
    cluster.add(VOLUMES, clusterObject(VOLUMES, "pv-1"));
    cluster.add(VOLUMES, clusterObject(VOLUMES, "pv-2"));
    StagedSegment pods =
        stage("pods@shop", PODS, pod("shop", "web-0", "", "deleting", "opted-out"));

    RelatedItems related = collect(Selection.all(), IncludeClusterResources.AUTO, List.of(pods));

    assertThat(related).isEqualTo(new RelatedItems(0, 0, List.of()));
  }

  @Test
  void stagesInChunksInTheSameOrderEveryRun() throws IOException {
    for (String name : List.of("e", "d", "c", "b", "a")) {
      cluster.add(CLAIMS, claim("shop", name, "Pending", "", ""));
    }
    StagedSegment pods =
        stage(
            "pods@shop",
            PODS,
            pod("shop", "web-0", "", "e", "c", "a"),
            pod("shop", "web-1", "", "d", "b", "a"));

    RelatedItems first = collect(Selection.all(), IncludeClusterResources.AUTO, List.of(pods));
    List<String> firstKeys = keys(readTarget(first));
    RelatedItems second = collect(Selection.all(), IncludeClusterResources.AUTO, List.of(pods));

    assertThat(first).isEqualTo(new RelatedItems(3, 5, List.of())).isEqualTo(second);
    assertThat(firstKeys)
        .containsExactly(
            "persistentvolumeclaims shop/a",
            "persistentvolumeclaims shop/b",
            "persistentvolumeclaims shop/c",
            "persistentvolumeclaims shop/d",
            "persistentvolumeclaims shop/e")
        .isEqualTo(keys(readTarget(second)));
  }

  @Test
  void readsObjectsOfEveryTypeFromAMixedSegment() throws IOException {
    cluster.add(CLAIMS, claim("shop", "data", "Pending", "", ""));
    List<StagedItem> items =
        List.of(
            item(PODS, pod("shop", "web-0", "", "data", "cache")),
            item(CLAIMS, claim("shop", "cache", "Pending", "", "")));
    staging.writeChunk("mixed", 0, items);

    RelatedItems related =
        collect(
            Selection.all(),
            IncludeClusterResources.AUTO,
            List.of(new StagedSegment("mixed", "", 1)));

    assertThat(keys(readTarget(related))).containsExactly("persistentvolumeclaims shop/data");
  }

  // --- helpers ---

  private RelatedItems collect(
      Selection selection, IncludeClusterResources clusterResources, List<StagedSegment> segments)
      throws IOException {
    return collect(selection, clusterResources, segments, List.of());
  }

  private RelatedItems collect(
      Selection selection,
      IncludeClusterResources clusterResources,
      List<StagedSegment> segments,
      List<String> namespaceObjects)
      throws IOException {
    return new RelatedItemsCollector(apiClient, CATALOG, selection, clusterResources)
        .collect(staging, segments, namespaceObjects, TARGET, 2);
  }

  private StagedSegment stage(String segment, ApiResource type, JsonObject... objects)
      throws IOException {
    staging.writeChunk(
        segment, 0, Arrays.stream(objects).map(object -> item(type, object)).toList());
    return new StagedSegment(segment, type.groupResource(), 1);
  }

  private List<StagedItem> readTarget(RelatedItems related) throws IOException {
    List<StagedItem> items = new ArrayList<>();
    staging.readSegment(TARGET, related.chunks(), items::add);
    return items;
  }

  private static List<String> keys(List<StagedItem> items) {
    return items.stream().map(item -> item.groupResource() + " " + item.key()).toList();
  }

  private static StagedItem item(ApiResource type, JsonObject object) {
    JsonObject metadata = object.getAsJsonObject("metadata");
    String namespace = metadata.has("namespace") ? metadata.get("namespace").getAsString() : "";
    return new StagedItem(
        type.groupResource(),
        type.version(),
        type.kind(),
        namespace,
        metadata.get("name").getAsString(),
        object.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject json(StagedItem item) {
    return JsonParser.parseString(new String(item.json(), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  private static ApiResource type(String group, String plural, String kind, boolean namespaced) {
    return new ApiResource(group, "v1", plural, kind, namespaced, Set.of(), List.of(), "v1");
  }

  private static JsonObject namespaced(ApiResource type, String namespace, String name) {
    JsonObject object = clusterObject(type, name);
    object.getAsJsonObject("metadata").addProperty("namespace", namespace);
    return object;
  }

  private static JsonObject clusterObject(ApiResource type, String name) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    metadata.addProperty("uid", "uid-" + name);
    JsonObject object = new JsonObject();
    object.addProperty("apiVersion", type.apiVersion());
    object.addProperty("kind", type.kind());
    object.add("metadata", metadata);
    return object;
  }

  private static JsonObject pod(
      String namespace, String name, String priorityClass, String... claims) {
    JsonObject pod = namespaced(PODS, namespace, name);
    JsonArray volumes = new JsonArray();
    volumes.add(JsonParser.parseString("{\"name\":\"config\",\"configMap\":{\"name\":\"c\"}}"));
    for (String claim : claims) {
      volumes.add(
          JsonParser.parseString(
              "{\"name\":\"v-"
                  + claim
                  + "\",\"persistentVolumeClaim\":{\"claimName\":\""
                  + claim
                  + "\"}}"));
    }
    JsonObject spec = new JsonObject();
    spec.add("volumes", volumes);
    if (!priorityClass.isEmpty()) {
      spec.addProperty("priorityClassName", priorityClass);
    }
    pod.add("spec", spec);
    return pod;
  }

  private static JsonObject claim(
      String namespace, String name, String phase, String volume, String storageClass) {
    JsonObject claim = namespaced(CLAIMS, namespace, name);
    JsonObject spec = new JsonObject();
    spec.addProperty("volumeName", volume);
    spec.addProperty("storageClassName", storageClass);
    claim.add("spec", spec);
    JsonObject status = new JsonObject();
    status.addProperty("phase", phase);
    claim.add("status", status);
    return claim;
  }

  private static JsonObject namespace(String name, Map<String, String> labels) {
    JsonObject namespace = clusterObject(NAMESPACES, name);
    namespace.getAsJsonObject("metadata").add("labels", labels(labels));
    return namespace;
  }

  private static JsonObject labels(Map<String, String> labels) {
    JsonObject object = new JsonObject();
    labels.forEach(object::addProperty);
    return object;
  }

  private static JsonObject binding(String name, String clusterRole, JsonObject... subjects) {
    JsonObject binding = clusterObject(BINDINGS, name);
    JsonArray list = new JsonArray();
    Arrays.stream(subjects).forEach(list::add);
    binding.add("subjects", list);
    binding.add(
        "roleRef",
        JsonParser.parseString(
            "{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\",\"name\":\""
                + clusterRole
                + "\"}"));
    return binding;
  }

  private static JsonObject serviceAccount(String namespace, String name) {
    return JsonParser.parseString(
            "{\"kind\":\"ServiceAccount\",\"name\":\""
                + name
                + "\",\"namespace\":\""
                + namespace
                + "\"}")
        .getAsJsonObject();
  }

  private static JsonObject group(String name) {
    return JsonParser.parseString(
            "{\"kind\":\"Group\",\"apiGroup\":\"rbac.authorization.k8s.io\",\"name\":\""
                + name
                + "\"}")
        .getAsJsonObject();
  }

  private static JsonObject definition(String group, String plural) {
    JsonObject definition = clusterObject(DEFINITIONS, plural + "." + group);
    definition.add(
        "spec",
        JsonParser.parseString(
            "{\"group\":\"" + group + "\",\"names\":{\"plural\":\"" + plural + "\"}}"));
    return definition;
  }
}
