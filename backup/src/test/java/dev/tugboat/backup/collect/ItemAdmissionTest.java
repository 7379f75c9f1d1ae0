package dev.tugboat.backup.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.plan.ListPartition;
import dev.tugboat.backup.plan.ListPartition.Scope;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.selection.Selection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemAdmissionTest {

  private static final ListPartition DEPLOYMENTS =
      new ListPartition("apps", "v1", "deployments", "Deployment", Scope.NAMESPACE, "shop");
  private static final ListPartition CLUSTER_ROLES =
      new ListPartition(
          "rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", Scope.CLUSTER, "");

  @Test
  void anAdmittedObjectIsStagedWithThePartitionsTypeAndItsOwnPlace() {
    StagedItem item = admit(Selection.all(), DEPLOYMENTS, object("shop", "web", "{}"));

    assertThat(item.groupResource()).isEqualTo("deployments.apps");
    assertThat(item.version()).isEqualTo("v1");
    assertThat(item.kind()).isEqualTo("Deployment");
    assertThat(item.namespace()).isEqualTo("shop");
    assertThat(item.name()).isEqualTo("web");
    assertThat(item.apiVersion()).isEqualTo("apps/v1");
  }

  @Test
  void theJsonIsStagedCompactWithEveryCharacterAsItWas() {
    String compact =
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\","
            + "\"namespace\":\"shop\",\"annotations\":{\"note\":\"a=b & <c> 'd' é \\\"q\\\"\"}},"
            + "\"spec\":{\"replicas\":3,\"paused\":false,\"ratio\":0.5,\"empty\":null,"
            + "\"list\":[1,\"two\",{}]}}";
    JsonObject pretty =
        JsonParser.parseString(
                """
                {
                  "apiVersion": "apps/v1",
                  "kind": "Deployment",
                  "metadata": {
                    "name": "web",
                    "namespace": "shop",
                    "annotations": {"note": "a=b & <c> 'd' é \\"q\\""}
                  },
                  "spec": {"replicas": 3, "paused": false, "ratio": 0.5, "empty": null,
                           "list": [1, "two", {}]}
                }
                """)
            .getAsJsonObject();

    StagedItem item = new ItemAdmission(DEPLOYMENTS, Selection.all()).process(pretty);

    assertThat(new String(item.json(), StandardCharsets.UTF_8)).isEqualTo(compact);
  }

  @Test
  void anObjectBeingDeletedIsLeftOut() {
    JsonObject deleting = object("shop", "web", "{}");
    deleting.getAsJsonObject("metadata").addProperty("deletionTimestamp", "2026-01-01T00:00:00Z");

    assertThat(admit(Selection.all(), DEPLOYMENTS, deleting)).isNull();
  }

  @Test
  void aNullDeletionTimestampDoesNotLeaveAnObjectOut() {
    JsonObject object = object("shop", "web", "{}");
    object.getAsJsonObject("metadata").add("deletionTimestamp", null);

    assertThat(admit(Selection.all(), DEPLOYMENTS, object)).isNotNull();
  }

  @Test
  void onlyTheExcludeLabelSetToTrueLeavesAnObjectOut() {
    assertThat(
            admit(
                Selection.all(),
                DEPLOYMENTS,
                object("shop", "web", "{\"velero.io/exclude-from-backup\":\"true\"}")))
        .isNull();
    assertThat(
            admit(
                Selection.all(),
                DEPLOYMENTS,
                object("shop", "web", "{\"velero.io/exclude-from-backup\":\"false\"}")))
        .isNotNull();
  }

  @Test
  void anObjectWithoutMetadataIsLeftOut() {
    assertThat(new ItemAdmission(DEPLOYMENTS, Selection.all()).process(new JsonObject())).isNull();
  }

  @Test
  void namesAreFilteredBySelection() {
    Selection webOnly = Selection.builder().includeNames(List.of("web-*")).build();

    assertThat(admit(webOnly, DEPLOYMENTS, object("shop", "web-1", "{}"))).isNotNull();
    assertThat(admit(webOnly, DEPLOYMENTS, object("shop", "db-1", "{}"))).isNull();
  }

  @Test
  void labelsAreFilteredBySelector() {
    Selection web = Selection.builder().labelSelector("app=web,tier!=cache").build();

    assertThat(admit(web, DEPLOYMENTS, object("shop", "a", "{\"app\":\"web\"}"))).isNotNull();
    assertThat(admit(web, DEPLOYMENTS, object("shop", "b", "{\"app\":\"web\",\"tier\":\"cache\"}")))
        .isNull();
    assertThat(admit(web, DEPLOYMENTS, object("shop", "c", "{}"))).isNull();
  }

  @Test
  void anObjectMatchingAnyOrSelectorIsAdmitted() {
    Selection either = Selection.builder().orLabelSelectors(List.of("app=web", "tier=db")).build();

    assertThat(admit(either, DEPLOYMENTS, object("shop", "a", "{\"app\":\"web\"}"))).isNotNull();
    assertThat(admit(either, DEPLOYMENTS, object("shop", "b", "{\"tier\":\"db\"}"))).isNotNull();
    assertThat(admit(either, DEPLOYMENTS, object("shop", "c", "{\"app\":\"api\"}"))).isNull();
  }

  @Test
  void anObjectOutsideTheSelectedNamespacesIsLeftOut() {
    Selection shop = Selection.builder().includeNamespaces(List.of("shop")).build();

    assertThat(admit(shop, DEPLOYMENTS, object("admin", "web", "{}"))).isNull();
  }

  @Test
  void aClusterScopedObjectHasNoNamespaceAndEscapesTheNamespaceFilter() {
    Selection shop = Selection.builder().includeNamespaces(List.of("shop")).build();

    StagedItem role = admit(shop, CLUSTER_ROLES, object(null, "admin", "{}"));

    assertThat(role.namespace()).isEmpty();
    assertThat(role.isClusterScoped()).isTrue();
    assertThat(role.key()).isEqualTo("admin");
    assertThat(role.groupResource()).isEqualTo("clusterroles.rbac.authorization.k8s.io");
  }

  private static StagedItem admit(Selection selection, ListPartition partition, JsonObject o) {
    return new ItemAdmission(partition, selection).process(o);
  }

  /**
   * @param namespace null for a cluster-scoped object
   * @param labels the labels as JSON
   */
  static JsonObject object(String namespace, String name, String labels) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    if (namespace != null) {
      metadata.addProperty("namespace", namespace);
    }
    metadata.add("labels", JsonParser.parseString(labels));
    JsonObject object = new JsonObject();
    object.add("metadata", metadata);
    return object;
  }
}
