package dev.tugboat.restore.select;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.selection.Selection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link RestoreSelection}'s class comment (velero.md 3.7). */
class RestoreSelectionTest {

  private static final ApiResource PODS = namespaced("", "pods", "Pod");
  private static final ApiResource CONFIG_MAPS = namespaced("", "configmaps", "ConfigMap");
  private static final ApiResource DEPLOYMENTS = namespaced("apps", "deployments", "Deployment");
  private static final ApiResource EVENTS = namespaced("", "events", "Event");
  private static final ApiResource NAMESPACES = clusterScoped("", "namespaces", "Namespace");
  private static final ApiResource PERSISTENT_VOLUMES =
      clusterScoped("", "persistentvolumes", "PersistentVolume");
  private static final ApiResource PRIORITY_CLASSES =
      clusterScoped("scheduling.k8s.io", "priorityclasses", "PriorityClass");
  private static final ApiResource CLUSTER_ROLES =
      clusterScoped("rbac.authorization.k8s.io", "clusterroles", "ClusterRole");
  private static final ApiResource NODES = clusterScoped("", "nodes", "Node");
  private static final ApiResource CRDS =
      clusterScoped(
          "apiextensions.k8s.io", "customresourcedefinitions", "CustomResourceDefinition");
  private static final ApiResource WIDGETS = namespaced("example.com", "widgets", "Widget");
  private static final ApiResource GADGETS = namespaced("example.com", "gadgets", "Gadget");

  private static ApiResource namespaced(String group, String plural, String kind) {
    return new ApiResource(group, "v1", plural, kind, true, Set.of(), List.of(), "v1");
  }

  private static ApiResource clusterScoped(String group, String plural, String kind) {
    return new ApiResource(group, "v1", plural, kind, false, Set.of(), List.of(), "v1");
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  private static JsonObject item(String namespace, String name, String labels) {
    return json(
        "{'metadata':{'name':'"
            + name
            + "',"
            + (namespace == null ? "" : "'namespace':'" + namespace + "',")
            + "'labels':{"
            + labels
            + "}}}");
  }

  private static JsonObject pod(String namespace, String name, String priorityClass) {
    return json(
        "{'metadata':{'name':'"
            + name
            + "','namespace':'"
            + namespace
            + "'},'spec':{'priorityClassName':'"
            + priorityClass
            + "'}}");
  }

  private static JsonObject volume(String name, String claimNamespace) {
    return json(
        "{'metadata':{'name':'"
            + name
            + "'},'spec':{'claimRef':{'namespace':'"
            + claimNamespace
            + "','name':'data'}}}");
  }

  private static RestoreSelection selection(
      IncludeClusterResources mode, Selection.Builder builder) {
    return new RestoreSelection(builder.build(), mode);
  }

  private static Selection.Builder onlyShop() {
    return Selection.builder().includeNamespaces(List.of("shop"));
  }

  /** Notes the item when it is selected, as the session's first pass does. */
  private static boolean note(RestoreSelection selection, ApiResource type, JsonObject item) {
    boolean selected = selection.includesNamespaced(item);
    if (selected) {
      selection.noteSelected(type, item);
    }
    return selected;
  }

  @Test
  void namespacedItemsPassTheNamespaceFilters() {
    RestoreSelection selection =
        selection(
            IncludeClusterResources.AUTO,
            Selection.builder()
                .includeNamespaces(List.of("shop", "blog-*"))
                .excludeNamespaces(List.of("blog-test")));

    assertThat(selection.includesNamespaced(item("shop", "a", ""))).isTrue();
    assertThat(selection.includesNamespaced(item("blog-prod", "a", ""))).isTrue();
    assertThat(selection.includesNamespaced(item("blog-test", "a", ""))).isFalse();
    assertThat(selection.includesNamespaced(item("wiki", "a", ""))).isFalse();
  }

  @Test
  void namespacedItemsPassTheLabelFilter() {
    RestoreSelection selection =
        selection(IncludeClusterResources.AUTO, Selection.builder().labelSelector("app=web"));

    assertThat(selection.includesNamespaced(item("shop", "a", "'app':'web'"))).isTrue();
    assertThat(selection.includesNamespaced(item("shop", "b", "'app':'db'"))).isFalse();
    assertThat(selection.includesNamespaced(item("shop", "c", ""))).isFalse();
  }

  @Test
  void notedItemsNameTheirNamespaces() {
    RestoreSelection selection = selection(IncludeClusterResources.AUTO, Selection.builder());

    note(selection, CONFIG_MAPS, item("shop", "a", ""));
    note(selection, PODS, item("blog", "b", ""));
    note(selection, PODS, item("shop", "c", ""));

    assertThat(selection.namespacesWithItems()).containsExactlyInAnyOrder("shop", "blog");
  }

  @Test
  void namespaceObjectsWithoutLabelFilterAreThoseOfIncludedNamespaces() {
    RestoreSelection selection = selection(IncludeClusterResources.AUTO, onlyShop());

    assertThat(selection.includesType(NAMESPACES)).isTrue();
    // Included though it holds no selected item: without a label filter it is not empty by choice.
    assertThat(selection.includesClusterScoped(NAMESPACES, item(null, "shop", ""))).isTrue();
    assertThat(selection.includesClusterScoped(NAMESPACES, item(null, "blog", ""))).isFalse();
  }

  @Test
  void namespaceObjectsUnderALabelFilterHoldASelectedItemOrMatchIt() {
    RestoreSelection selection =
        selection(IncludeClusterResources.AUTO, Selection.builder().labelSelector("app=web"));
    note(selection, PODS, item("shop", "web-0", "'app':'web'"));
    note(selection, PODS, item("blog", "db-0", "'app':'db'"));

    assertThat(selection.includesClusterScoped(NAMESPACES, item(null, "shop", ""))).isTrue();
    assertThat(selection.includesClusterScoped(NAMESPACES, item(null, "wiki", "'app':'web'")))
        .isTrue();
    assertThat(selection.includesClusterScoped(NAMESPACES, item(null, "blog", ""))).isFalse();
  }

  @Test
  void namespaceObjectsOfExcludedNamespacesAreNeverSelected() {
    RestoreSelection selection =
        selection(
            IncludeClusterResources.AUTO,
            Selection.builder().excludeNamespaces(List.of("blog")).labelSelector("app=web"));

    assertThat(selection.includesClusterScoped(NAMESPACES, item(null, "blog", "'app':'web'")))
        .isFalse();
  }

  @Test
  void clusterResourcesTrueSelectsClusterScopedItemsByNameAndLabels() {
    RestoreSelection selection =
        selection(IncludeClusterResources.TRUE, onlyShop().labelSelector("app=web"));

    assertThat(selection.includesType(CLUSTER_ROLES)).isTrue();
    assertThat(selection.includesClusterScoped(CLUSTER_ROLES, item(null, "viewer", "'app':'web'")))
        .isTrue();
    assertThat(selection.includesClusterScoped(CLUSTER_ROLES, item(null, "admin", "'app':'db'")))
        .isFalse();
  }

  @Test
  void clusterResourcesFalseSelectsNoClusterScopedType() {
    RestoreSelection all = selection(IncludeClusterResources.FALSE, Selection.builder());

    assertThat(all.includesType(CLUSTER_ROLES)).isFalse();
    assertThat(all.includesType(PERSISTENT_VOLUMES)).isFalse();
    assertThat(all.includesType(PRIORITY_CLASSES)).isFalse();
    assertThat(all.includesType(NAMESPACES)).isTrue();
    assertThat(all.includesType(PODS)).isTrue();
  }

  @Test
  void clusterResourcesAutoWithAllNamespacesIsLikeTrue() {
    RestoreSelection selection =
        selection(IncludeClusterResources.AUTO, Selection.builder().labelSelector("app=web"));

    assertThat(selection.includesType(CLUSTER_ROLES)).isTrue();
    assertThat(selection.includesClusterScoped(CLUSTER_ROLES, item(null, "viewer", "'app':'web'")))
        .isTrue();
    assertThat(selection.includesClusterScoped(CLUSTER_ROLES, item(null, "admin", ""))).isFalse();
    // Not restricted to claimed volumes: every volume the filters pass.
    assertThat(
            selection.includesClusterScoped(
                PERSISTENT_VOLUMES,
                json("{'metadata':{'name':'pv-9','labels':{'app':'web'}},'spec':{}}")))
        .isTrue();
  }

  @Test
  void clusterResourcesAutoWithANamespaceFilterAllowsOnlyWhatSelectedItemsNeed() {
    RestoreSelection selection = selection(IncludeClusterResources.AUTO, onlyShop());

    assertThat(selection.includesType(PERSISTENT_VOLUMES)).isTrue();
    assertThat(selection.includesType(PRIORITY_CLASSES)).isTrue();
    assertThat(selection.includesType(CRDS)).isTrue();
    assertThat(selection.includesType(CLUSTER_ROLES)).isFalse();
  }

  @Test
  void clusterResourcesAutoWithANamespaceFilterSelectsVolumesClaimedFromSelectedNamespaces() {
    RestoreSelection selection = selection(IncludeClusterResources.AUTO, onlyShop());
    note(selection, CONFIG_MAPS, item("shop", "settings", ""));

    assertThat(selection.includesClusterScoped(PERSISTENT_VOLUMES, volume("pv-1", "shop")))
        .isTrue();
    assertThat(selection.includesClusterScoped(PERSISTENT_VOLUMES, volume("pv-2", "blog")))
        .isFalse();
    assertThat(
            selection.includesClusterScoped(
                PERSISTENT_VOLUMES, json("{'metadata':{'name':'pv-3'},'spec':{}}")))
        .isFalse();
  }

  @Test
  void aSelectedNamespaceWithoutSelectedItemsClaimsNoVolume() {
    RestoreSelection selection = selection(IncludeClusterResources.AUTO, onlyShop());

    assertThat(selection.includesClusterScoped(PERSISTENT_VOLUMES, volume("pv-1", "shop")))
        .isFalse();
  }

  @Test
  void clusterResourcesAutoWithANamespaceFilterSelectsPriorityClassesOfSelectedPods() {
    RestoreSelection selection = selection(IncludeClusterResources.AUTO, onlyShop());
    note(selection, PODS, pod("shop", "web-0", "high"));
    note(selection, PODS, pod("blog", "blog-0", "low"));
    // Only pods name priority classes; a deployment's template does not count.
    note(
        selection,
        DEPLOYMENTS,
        json(
            "{'metadata':{'name':'web','namespace':'shop'},"
                + "'spec':{'priorityClassName':'medium'}}"));

    assertThat(selection.includesClusterScoped(PRIORITY_CLASSES, item(null, "high", ""))).isTrue();
    assertThat(selection.includesClusterScoped(PRIORITY_CLASSES, item(null, "low", ""))).isFalse();
    assertThat(selection.includesClusterScoped(PRIORITY_CLASSES, item(null, "medium", "")))
        .isFalse();
  }

  @Test
  void clusterResourcesAutoWithANamespaceFilterSelectsTheDefinitionsOfSelectedCustomResources() {
    RestoreSelection selection = selection(IncludeClusterResources.AUTO, onlyShop());
    note(selection, WIDGETS, item("shop", "gear", ""));
    note(selection, GADGETS, item("blog", "lamp", ""));

    assertThat(selection.includesClusterScoped(CRDS, item(null, "widgets.example.com", "")))
        .isTrue();
    assertThat(selection.includesClusterScoped(CRDS, item(null, "gadgets.example.com", "")))
        .isFalse();
  }

  @Test
  void clusterResourcesAutoWithANamespaceFilterSelectsNothingElse() {
    RestoreSelection selection = selection(IncludeClusterResources.AUTO, onlyShop());
    note(selection, PODS, pod("shop", "web-0", "high"));

    assertThat(selection.includesClusterScoped(CLUSTER_ROLES, item(null, "high", ""))).isFalse();
  }

  @Test
  void clusterResourcesTrueWithANamespaceFilterSelectsEveryClusterScopedItem() {
    RestoreSelection selection = selection(IncludeClusterResources.TRUE, onlyShop());

    assertThat(selection.includesClusterScoped(PERSISTENT_VOLUMES, volume("pv-2", "blog")))
        .isTrue();
    assertThat(selection.includesClusterScoped(CLUSTER_ROLES, item(null, "admin", ""))).isTrue();
  }

  @Test
  void neverRestoredTypesAreNeverIncluded() {
    RestoreSelection selection = selection(IncludeClusterResources.TRUE, Selection.builder());

    assertThat(selection.includesType(NODES)).isFalse();
    assertThat(selection.includesType(EVENTS)).isFalse();
    assertThat(selection.includesType(namespaced("events.k8s.io", "events", "Event"))).isFalse();
    assertThat(selection.includesType(namespaced("velero.io", "backups", "Backup"))).isFalse();
    assertThat(selection.includesType(CONFIG_MAPS)).isTrue();
  }

  @Test
  void resourceFiltersIncludeAndExcludeTypes() {
    RestoreSelection selection =
        selection(
            IncludeClusterResources.TRUE,
            Selection.builder()
                .includeResources(
                    List.of(
                        "deployments.apps", "configmaps", "clusterroles.rbac.authorization.k8s.io"))
                .excludeResources(List.of("configmaps")));

    assertThat(selection.includesType(DEPLOYMENTS)).isTrue();
    assertThat(selection.includesType(CLUSTER_ROLES)).isTrue();
    assertThat(selection.includesType(CONFIG_MAPS)).isFalse();
    assertThat(selection.includesType(PODS)).isFalse();
  }

  @Test
  void underAnApplicationScopeOnlyItsItemsAndTheNamespacesHoldingThemAreSelected() {
    RestoreSelection selection =
        new RestoreSelection(
            onlyShop().build(),
            IncludeClusterResources.AUTO,
            Optional.of(new ApplicationScope(ApplicationScopeTest.PLAN, "web")));
    JsonObject web =
        json(
            "{'kind':'ConfigMap','metadata':{'namespace':'shop','name':'a','labels':{'app':'web'}}}");
    JsonObject other = json("{'kind':'ConfigMap','metadata':{'namespace':'shop','name':'b'}}");

    assertThat(note(selection, CONFIG_MAPS, web)).isTrue();
    assertThat(note(selection, CONFIG_MAPS, other)).isFalse();
    assertThat(selection.includesClusterScoped(NAMESPACES, item(null, "shop", ""))).isTrue();
  }

  @Test
  void underAnApplicationScopeANamespaceWithoutItsItemsIsLeftOut() {
    RestoreSelection selection =
        new RestoreSelection(
            onlyShop().build(),
            IncludeClusterResources.AUTO,
            Optional.of(new ApplicationScope(ApplicationScopeTest.PLAN, "web")));

    assertThat(selection.includesClusterScoped(NAMESPACES, item(null, "shop", ""))).isFalse();
  }
}
