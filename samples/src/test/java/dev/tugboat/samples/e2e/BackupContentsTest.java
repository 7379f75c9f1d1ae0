package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.selection.LabelSelector;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code tugboat backup create}, run in-process against the demo sandbox over HTTP: the backup
 * obeys Velero's format and holds exactly the objects the filters select, compared with what the
 * sandbox lists.
 */
class BackupContentsTest {

  @RegisterExtension
  static SandboxExtension sandbox =
      SandboxExtension.builder()
          .options(options -> options.seed(Seeds.named("demo")).nodes(new NodePool(3, "8", "32Gi")))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  private static Map<ItemKey, JsonObject> cluster;

  @BeforeAll
  static void addObjectsThatNoBackupTakes() throws Exception {
    var state = sandbox.sandbox().state();
    state.create(
        json(
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"opted-out\",\"namespace\":\"shop\",\"labels\":{\"velero.io/exclude-from-backup\":\"true\"}}}"));
    state.create(
        json(
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"leaving\",\"namespace\":\"shop\",\"finalizers\":[\"example.com/hold\"]}}"));
    state.delete("v1", "ConfigMap", "shop", "leaving");
    state.create(
        json(
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"quarantine\",\"labels\":{\"velero.io/exclude-from-backup\":\"true\"}}}"));
    state.create(
        json(
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"inside\",\"namespace\":\"quarantine\"}}"));
    assertThat(sandbox.sandbox().awaitSettled(Duration.ofSeconds(30))).isTrue();
    cluster = new SandboxInventory(sandbox.url()).items();
  }

  @Test
  void fullBackupHoldsExactlyWhatTheClusterListsExceptWhatVeleroLeavesOut() throws IOException {
    VeleroArchiveCheck.CheckedBackup backup = backup("full", "--include-cluster-resources", "true");

    assertThat(backup.phase()).isEqualTo("Completed");
    assertSameItems(backup, cluster);
    assertThat(backup.groupResources())
        .contains(
            "pods",
            "deployments.apps",
            "clusterroles.rbac.authorization.k8s.io",
            "widgets.example.com")
        .doesNotContain("events", "events.events.k8s.io");
    assertThat(backup.items())
        .doesNotContainKeys(
            new ItemKey("configmaps", "shop", "opted-out"),
            new ItemKey("configmaps", "shop", "leaving"),
            new ItemKey("configmaps", "quarantine", "inside"));
    // the objects left out are there to be listed: the assertions above could fail
    assertThat(sandbox.sandbox().state().get("v1", "ConfigMap", "shop", "leaving")).isPresent();
    assertThat(sandbox.sandbox().state().get("v1", "ConfigMap", "quarantine", "inside"))
        .isPresent();
  }

  @Test
  void aNamespaceLabelledExcludedMakesAutoLeaveOutClusterResourcesAsVeleroDoes()
      throws IOException {
    VeleroArchiveCheck.CheckedBackup backup = backup("auto");

    assertSameItems(backup, expected(key -> !key.namespace().isEmpty()));
    assertThat(backup.items().keySet().stream().map(ItemKey::namespace))
        .doesNotContain("quarantine");
  }

  @Test
  void includedNamespacesOnlyAndNoClusterResourcesUnderAuto() throws IOException {
    VeleroArchiveCheck.CheckedBackup backup = backup("shop-only", "--include-namespaces", "shop");

    assertSameItems(backup, expected(key -> key.namespace().equals("shop")));
  }

  @Test
  void excludedNamespacesLeftOutAndNoClusterResourcesUnderAuto() throws IOException {
    VeleroArchiveCheck.CheckedBackup backup =
        backup("no-shop", "--exclude-namespaces", "shop,pay*");

    assertSameItems(
        backup,
        expected(
            key ->
                !key.namespace().isEmpty()
                    && !key.namespace().equals("shop")
                    && !key.namespace().equals("payments")));
  }

  @Test
  void excludedResourcesLeftOut() throws IOException {
    VeleroArchiveCheck.CheckedBackup backup =
        backup("no-config", "--exclude-resources", "secrets,configmaps");

    assertSameItems(
        backup,
        expected(
            key ->
                !key.namespace().isEmpty()
                    && !Set.of("secrets", "configmaps").contains(key.groupResource())));
  }

  @Test
  void selectorKeepsMatchingObjectsOfEveryType() throws IOException {
    VeleroArchiveCheck.CheckedBackup backup =
        backup(
            "storefront", "--selector", "app.kubernetes.io/part-of=storefront,tugboat.dev/tier=0");

    Map<ItemKey, JsonObject> expected =
        expectedMatching(List.of("app.kubernetes.io/part-of=storefront,tugboat.dev/tier=0"));
    expected.keySet().removeIf(key -> key.namespace().isEmpty());
    assertThat(expected).isNotEmpty();
    // A selected pod brings its claim along, whatever the claim's labels, as in Velero.
    ItemKey claim = new ItemKey("persistentvolumeclaims", "shop", "data-postgres-0");
    assertThat(expected)
        .doesNotContainKey(claim)
        .containsKey(new ItemKey("pods", "shop", "postgres-0"));
    expected.put(claim, cluster.get(claim));
    assertSameItems(backup, expected);
  }

  @Test
  void aNamespaceBackupBringsWhatItsObjectsNeed() throws IOException {
    VeleroArchiveCheck.CheckedBackup backup = backup("shop-needs", "--include-namespaces", "shop");

    Set<ItemKey> expected = new TreeSet<>();
    expected.add(new ItemKey("namespaces", "", "shop"));
    cluster.forEach(
        (key, item) -> {
          if (!key.namespace().equals("shop")) {
            return;
          }
          JsonObject spec = item.getAsJsonObject("spec");
          if (key.groupResource().equals("persistentvolumeclaims")) {
            expected.add(
                new ItemKey("persistentvolumes", "", spec.get("volumeName").getAsString()));
            expected.add(
                new ItemKey(
                    "storageclasses.storage.k8s.io",
                    "",
                    spec.get("storageClassName").getAsString()));
          } else if (key.groupResource().equals("pods") && spec.has("priorityClassName")) {
            expected.add(
                new ItemKey(
                    "priorityclasses.scheduling.k8s.io",
                    "",
                    spec.get("priorityClassName").getAsString()));
          } else if (key.groupResource().equals("widgets.example.com")) {
            expected.add(
                new ItemKey(
                    "customresourcedefinitions.apiextensions.k8s.io", "", "widgets.example.com"));
          }
        });
    assertThat(expected).hasSizeGreaterThan(5);
    List<ItemKey> clusterScoped =
        backup.items().keySet().stream().filter(key -> key.namespace().isEmpty()).sorted().toList();
    assertThat(clusterScoped).containsExactlyElementsOf(expected);
    // The inventory leaves Namespace objects out (no backup lists them); the rest are compared.
    expected.stream()
        .filter(key -> !key.groupResource().equals("namespaces"))
        .forEach(
            key ->
                assertThat(JsonParser.parseString(backup.items().get(key)))
                    .as(key.toString())
                    .isEqualTo(cluster.get(key)));
  }

  @Test
  void orSelectorsKeepObjectsMatchingEither() throws IOException {
    VeleroArchiveCheck.CheckedBackup backup =
        backup(
            "payments-or-identity",
            "--or-selector",
            "app.kubernetes.io/part-of=payments",
            "--or-selector",
            "app.kubernetes.io/part-of=identity");

    Map<ItemKey, JsonObject> expected =
        expectedMatching(
            List.of("app.kubernetes.io/part-of=payments", "app.kubernetes.io/part-of=identity"));
    expected.keySet().removeIf(key -> key.namespace().isEmpty());
    assertThat(expected.keySet().stream().map(ItemKey::namespace)).contains("payments", "identity");
    assertSameItems(backup, expected);
  }

  @Test
  void clusterResourcesTrueAddsEveryClusterScopedObjectToANamespaceBackup() throws IOException {
    VeleroArchiveCheck.CheckedBackup backup =
        backup(
            "shop-and-cluster",
            "--include-namespaces",
            "shop",
            "--include-cluster-resources",
            "true");

    assertSameItems(
        backup, expected(key -> key.namespace().equals("shop") || key.namespace().isEmpty()));
    assertThat(backup.groupResources()).contains("nodes", "storageclasses.storage.k8s.io");
  }

  @Test
  void clusterResourcesFalseLeavesOutEveryClusterScopedObject() throws IOException {
    VeleroArchiveCheck.CheckedBackup backup =
        backup("namespaced-only", "--include-cluster-resources", "false");

    assertSameItems(backup, expected(key -> !key.namespace().isEmpty()));
  }

  @Test
  void aNameTakenByACompletedBackupIsRefusedWithExitCode4() throws IOException {
    backup("taken");

    RunnerFixture.Result same = tugboat.createBackup(sandbox.kubeconfig(), "taken");
    RunnerFixture.Result other =
        tugboat.createBackup(sandbox.kubeconfig(), "taken", "--include-namespaces", "shop");

    assertThat(same.exitCode()).as(same.err()).isEqualTo(4);
    assertThat(other.exitCode()).as(other.err()).isEqualTo(4);
    assertThat(other.err()).contains("backup 'taken' already exists");
  }

  private static VeleroArchiveCheck.CheckedBackup backup(String name, String... options)
      throws IOException {
    RunnerFixture.Result result = tugboat.createBackup(sandbox.kubeconfig(), name, options);
    assertThat(result.exitCode()).as(result.err()).isZero();
    return VeleroArchiveCheck.check(StoreContents.ofFolder(tugboat.store()), name);
  }

  private static Map<ItemKey, JsonObject> expected(Predicate<ItemKey> selected) {
    Map<ItemKey, JsonObject> expected = new TreeMap<>();
    cluster.forEach(
        (key, item) -> {
          if (selected.test(key)) {
            expected.put(key, item);
          }
        });
    return expected;
  }

  /** The objects whose labels match one of the selectors. */
  private static Map<ItemKey, JsonObject> expectedMatching(List<String> selectors) {
    Map<ItemKey, JsonObject> expected = new TreeMap<>();
    cluster.forEach(
        (key, item) -> {
          Map<String, String> labels = new HashMap<>();
          JsonObject json = item.getAsJsonObject("metadata").getAsJsonObject("labels");
          if (json != null) {
            json.entrySet()
                .forEach(label -> labels.put(label.getKey(), label.getValue().getAsString()));
          }
          if (selectors.stream()
              .anyMatch(selector -> LabelSelector.parse(selector).matches(labels))) {
            expected.put(key, item);
          }
        });
    return expected;
  }

  /**
   * The expected keys, and each item's JSON equal to the listed object's (key order aside).
   * Cluster-scoped items of the {@linkplain PulledInDependencies dependency types} that were not
   * selected are left to the dependency tests.
   */
  static void assertSameItems(
      VeleroArchiveCheck.CheckedBackup backup, Map<ItemKey, JsonObject> expected) {
    Map<ItemKey, String> selected = new TreeMap<>(backup.items());
    selected
        .keySet()
        .removeIf(key -> !expected.containsKey(key) && PulledInDependencies.mayBePulledIn(key));
    assertThat(selected.keySet()).containsExactlyElementsOf(expected.keySet());
    selected.forEach(
        (key, json) ->
            assertThat(JsonParser.parseString(json))
                .as(key.toString())
                .isEqualTo(expected.get(key)));
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
