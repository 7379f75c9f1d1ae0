package dev.tugboat.samples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.PagedListReader;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.e2e.ItemKey;
import dev.tugboat.samples.e2e.StoreContents;
import dev.tugboat.samples.e2e.VeleroArchiveCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * {@code tugboat backup create} of one namespace: the archive obeys Velero's rules and holds
 * exactly the ConfigMaps and Secrets the cluster lists there, with the Namespace object. On a real
 * cluster the namespace also holds what the cluster puts in every namespace (kube-root-ca.crt, the
 * default ServiceAccount), so the expectation is a LIST, not the objects this test wrote.
 */
class BackupScenarioTest {

  @RegisterExtension static ClusterTarget target = ClusterTarget.fromSystemProperties();
  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  private static final ApiResource SECRETS =
      new ApiResource(
          "",
          "v1",
          "secrets",
          "Secret",
          true,
          Set.of("create", "delete", "get", "list"),
          List.of(),
          "v1");

  @Test
  void backsUpTheNamespaceAsTheClusterListsIt() throws IOException {
    String namespace = target.namespace();
    ResourceApplier applier = ResourceApplier.live(target.apiClient());
    for (int i = 0; i < 30; i++) {
      JsonObject configMap =
          ConfigMaps.configMap(
              namespace, "settings-" + i, Map.of("app", "scenario"), Map.of("n", "" + i));
      assertThat(applier.create(ConfigMaps.RESOURCE, configMap).outcome())
          .isEqualTo(ApplyOutcome.CREATED);
    }
    assertThat(applier.create(SECRETS, secret(namespace, "credentials")).outcome())
        .isEqualTo(ApplyOutcome.CREATED);

    List<String> args = new ArrayList<>(target.tugboatOptions());
    args.addAll(
        List.of(
            "--store",
            tugboat.storeUri(),
            "backup",
            "create",
            namespace,
            "--include-namespaces",
            namespace));
    RunnerFixture.Result result = tugboat.run(args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.err()).isZero();
    VeleroArchiveCheck.CheckedBackup backup =
        VeleroArchiveCheck.check(StoreContents.ofFolder(tugboat.store()), namespace);
    Set<ItemKey> expected = new TreeSet<>();
    expected.addAll(listed(ConfigMaps.RESOURCE, namespace));
    expected.addAll(listed(SECRETS, namespace));
    Set<ItemKey> backedUp = new TreeSet<>();
    backup.items().keySet().stream()
        .filter(key -> Set.of("configmaps", "secrets").contains(key.groupResource()))
        .forEach(backedUp::add);
    assertThat(backedUp).hasSizeGreaterThanOrEqualTo(31).isEqualTo(expected);
    assertThat(backup.items()).containsKey(new ItemKey("namespaces", "", namespace));
    assertThat(backup.items().keySet().stream().map(ItemKey::namespace))
        .allMatch(itemNamespace -> itemNamespace.isEmpty() || itemNamespace.equals(namespace));
  }

  private List<ItemKey> listed(ApiResource type, String namespace) {
    PagedListReader reader =
        PagedListReader.builder("expected", target.apiClient(), type).namespace(namespace).build();
    reader.open(new ExecutionContext());
    List<ItemKey> keys = new ArrayList<>();
    for (JsonObject item = reader.read(); item != null; item = reader.read()) {
      keys.add(
          new ItemKey(
              type.groupResource(),
              namespace,
              item.getAsJsonObject("metadata").get("name").getAsString()));
    }
    return keys;
  }

  private static JsonObject secret(String namespace, String name) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("namespace", namespace);
    metadata.addProperty("name", name);
    JsonObject data = new JsonObject();
    data.addProperty("password", "c2NlbmFyaW8=");
    JsonObject secret = new JsonObject();
    secret.addProperty("apiVersion", "v1");
    secret.addProperty("kind", "Secret");
    secret.add("metadata", metadata);
    secret.add("data", data);
    return secret;
  }
}
