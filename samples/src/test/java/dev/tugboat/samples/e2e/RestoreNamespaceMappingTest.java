package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --namespace-mappings}: the objects of a mapped namespace land in the target namespace,
 * equal apart from their namespace, the Namespace object is renamed, bindings grant the accounts of
 * the new namespace, and nothing is left in the old one.
 */
class RestoreNamespaceMappingTest {

  private static final String BACKUP = "demo";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox("source", options -> options.seed(Seeds.named("demo")).simulation(false))
          .sandbox("target", options -> options.simulation(false))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  private static Map<ItemKey, JsonObject> source;
  private static Map<ItemKey, JsonObject> target;
  private static RunnerFixture.Result result;

  @BeforeAll
  static void restoreWithMappings() throws Exception {
    RunnerFixture.Result backup =
        tugboat.createBackup(
            sandboxes.kubeconfig("source"), BACKUP, "--include-cluster-resources", "true");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    source = new SandboxInventory(sandboxes.sandbox("source").url()).everything();
    result =
        TugboatRestore.create(
            tugboat,
            sandboxes.kubeconfig("target"),
            "mapped",
            BACKUP,
            "--namespace-mappings",
            "shop:shop-dr,payments:payments-dr");
    target = new SandboxInventory(sandboxes.sandbox("target").url()).everything();
  }

  @Test
  void theObjectsOfAMappedNamespaceLandInTheTargetNamespaceAndNothingInTheOldOne() {
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(TugboatRestore.json(result).getAsJsonObject("namespaceMapping"))
        .isEqualTo(JsonParser.parseString("{\"payments\":\"payments-dr\",\"shop\":\"shop-dr\"}"));
    for (String namespace : new String[] {"shop", "payments"}) {
      Map<ItemKey, JsonObject> expected = new TreeMap<>();
      source.forEach(
          (key, object) -> {
            if (key.namespace().equals(namespace)) {
              JsonObject moved = object.deepCopy();
              moved.getAsJsonObject("metadata").addProperty("namespace", namespace + "-dr");
              if (moved.has("subjects")) {
                moved
                    .getAsJsonArray("subjects")
                    .forEach(
                        subject ->
                            subject.getAsJsonObject().addProperty("namespace", namespace + "-dr"));
              }
              expected.put(new ItemKey(key.groupResource(), namespace + "-dr", key.name()), moved);
            }
          });
      assertThat(expected).hasSizeGreaterThan(3);
      Map<ItemKey, JsonObject> landed = inNamespace(namespace + "-dr");
      // the claim's volume is provisioned again, so the claim no longer names the source's
      expected.values().stream()
          .filter(object -> object.get("kind").getAsString().equals("PersistentVolumeClaim"))
          .forEach(claim -> claim.getAsJsonObject("spec").remove("volumeName"));
      RestoredObjects.assertSameObjects(landed, expected);
      assertThat(inNamespace(namespace)).isEmpty();
      assertThat(target).doesNotContainKey(new ItemKey("namespaces", "", namespace));
    }
  }

  @Test
  void theNamespaceObjectIsRenamedWithItsLabels() {
    JsonObject namespace = target.get(new ItemKey("namespaces", "", "shop-dr"));

    assertThat(namespace.getAsJsonObject("metadata").getAsJsonObject("labels"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"team\":\"storefront\",\"kubernetes.io/metadata.name\":\"shop-dr\","
                    + "\"velero.io/backup-name\":\"demo\",\"velero.io/restore-name\":\"mapped\"}"));
  }

  @Test
  void bindingsGrantTheAccountsOfTheTargetNamespace() {
    JsonObject roleBinding =
        target.get(
            new ItemKey("rolebindings.rbac.authorization.k8s.io", "payments-dr", "payments-api"));
    JsonObject clusterRoleBinding =
        target.get(
            new ItemKey("clusterrolebindings.rbac.authorization.k8s.io", "", "payments-reader"));

    assertThat(roleBinding.getAsJsonArray("subjects"))
        .isEqualTo(
            JsonParser.parseString(
                "[{\"kind\":\"ServiceAccount\",\"name\":\"payments-api\","
                    + "\"namespace\":\"payments-dr\"}]"));
    assertThat(clusterRoleBinding.getAsJsonArray("subjects"))
        .isEqualTo(
            JsonParser.parseString(
                "[{\"kind\":\"ServiceAccount\",\"name\":\"payments-api\","
                    + "\"namespace\":\"payments-dr\"}]"));
  }

  private static Map<ItemKey, JsonObject> inNamespace(String namespace) {
    Map<ItemKey, JsonObject> objects = new TreeMap<>();
    target.forEach(
        (key, object) -> {
          if (key.namespace().equals(namespace)) {
            objects.put(key, object);
          }
        });
    return objects;
  }
}
