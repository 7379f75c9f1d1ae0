package dev.tugboat.restore.migrate.karmada;

import static dev.tugboat.restore.migrate.karmada.FakeControlPlane.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ResourceApplier;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PolicyWriterTest {

  private static final String POLICIES =
      "/apis/policy.karmada.io/v1alpha1/namespaces/shop/propagationpolicies";
  private static final String POST = "POST " + POLICIES + "?fieldManager=tugboat";
  private static final String GET = "GET " + POLICIES + "/tugboat-shop";
  private static final String PATCH = "PATCH " + POLICIES + "/tugboat-shop?fieldManager=tugboat";
  private static final String CLUSTER_POST =
      "POST /apis/policy.karmada.io/v1alpha1/clusterpropagationpolicies?fieldManager=tugboat";

  private static final List<JsonObject> POLICIES_OF_SHOP =
      PropagationPolicies.forApplication(
          "m1",
          "shop",
          "member1",
          List.of(
              new TemplateRef("apps/v1", "Deployment", "shop", "web"),
              new TemplateRef("rbac.authorization.k8s.io/v1", "ClusterRole", null, "reader")));
  private static final JsonObject POLICY = POLICIES_OF_SHOP.get(0);

  /** The policy as Karmada stores it: its webhook adds defaults and a permanent id. */
  private static final JsonObject STORED =
      json(
          """
          {"apiVersion": "policy.karmada.io/v1alpha1", "kind": "PropagationPolicy",
           "metadata": {"name": "tugboat-shop", "namespace": "shop", "resourceVersion": "4",
             "labels": {"tugboat.dev/migration": "m1", "tugboat.dev/app": "shop",
               "propagationpolicy.karmada.io/permanent-id": "f3c1"}},
           "spec": {"conflictResolution": "Overwrite", "preemption": "Never", "priority": 0,
             "placement": {"clusterAffinity": {"clusterNames": ["member1"]},
               "clusterTolerations": [{"key": "cluster.karmada.io/not-ready",
                 "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}]},
             "resourceSelectors": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}]}}
          """);

  private final FakeControlPlane server = new FakeControlPlane();
  private final PolicyWriter writer = new PolicyWriter(ResourceApplier.live(server.client()));

  PolicyWriterTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void createsEachPolicyAsMade() throws Exception {
    server.answer(POST, 201, STORED.toString()).answer(CLUSTER_POST, 201, "{}");

    List<PolicyWrite> writes = writer.write(POLICIES_OF_SHOP);

    assertThat(writes)
        .containsExactly(
            new PolicyWrite("PropagationPolicy", "shop", "tugboat-shop", ApplyOutcome.CREATED),
            new PolicyWrite(
                "ClusterPropagationPolicy", null, "tugboat-m1-shop", ApplyOutcome.CREATED));
    assertThat(server.requests()).containsExactly(POST, CLUSTER_POST);
    assertThat(server.bodies()).containsExactlyElementsOf(POLICIES_OF_SHOP);
  }

  @Test
  void aPolicyMadeByAnEarlierRunIsLeftAsItIsDespiteServerDefaults() throws Exception {
    server.fail(POST, 409, "AlreadyExists", "exists").answer(GET, STORED);

    assertThat(writer.write(List.of(POLICY)))
        .containsExactly(
            new PolicyWrite("PropagationPolicy", "shop", "tugboat-shop", ApplyOutcome.UNCHANGED));
    assertThat(server.requests()).containsExactly(POST, GET);
  }

  @Test
  void aPolicyOfThisMigrationThatDiffersIsMergePatchedToWhatIsWanted() throws Exception {
    JsonObject outdated = STORED.deepCopy();
    outdated.getAsJsonObject("spec").addProperty("conflictResolution", "Abort");
    JsonObject updated = STORED.deepCopy();
    updated.getAsJsonObject("metadata").addProperty("resourceVersion", "5");
    server.fail(POST, 409, "AlreadyExists", "exists").answer(GET, outdated).answer(PATCH, updated);

    assertThat(writer.write(List.of(POLICY)))
        .containsExactly(
            new PolicyWrite("PropagationPolicy", "shop", "tugboat-shop", ApplyOutcome.UPDATED));
    assertThat(server.requests()).containsExactly(POST, GET, GET, PATCH);
    assertThat(server.bodies().get(1))
        .isEqualTo(
            json(
                """
                {"metadata": {"labels": {"tugboat.dev/migration": "m1", "tugboat.dev/app": "shop"}},
                 "spec": {"conflictResolution": "Overwrite",
                   "placement": {"clusterAffinity": {"clusterNames": ["member1"]}},
                   "resourceSelectors": [
                     {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}]}}
                """));
  }

  @Test
  void aSameNamedPolicyOfSomeoneElseIsRefusedAndLeftUntouched() {
    JsonObject foreign = STORED.deepCopy();
    foreign.getAsJsonObject("metadata").add("labels", json("{\"team\": \"payments\"}"));
    server.fail(POST, 409, "AlreadyExists", "exists").answer(GET, foreign);

    assertThatThrownBy(() -> writer.write(List.of(POLICY)))
        .isInstanceOf(KarmadaException.class)
        .hasMessage(
            "PropagationPolicy shop/tugboat-shop already exists and is not this migration's"
                + " (label tugboat.dev/migration missing, expected m1): Tugboat does not change"
                + " someone else's policy; remove or rename it");
    assertThat(server.requests()).containsExactly(POST, GET);
  }

  @Test
  void aPolicyOfAnotherMigrationIsRefusedNamingThatMigration() {
    JsonObject other = STORED.deepCopy();
    other
        .getAsJsonObject("metadata")
        .getAsJsonObject("labels")
        .addProperty("tugboat.dev/migration", "m0");
    server.fail(POST, 409, "AlreadyExists", "exists").answer(GET, other);

    assertThatThrownBy(() -> writer.write(List.of(POLICY)))
        .isInstanceOf(KarmadaException.class)
        .hasMessageStartingWith(
            "PropagationPolicy shop/tugboat-shop already exists and is not this migration's"
                + " (label tugboat.dev/migration=m0, expected m1)");
  }

  @Test
  void aRefusedCreateStopsTheWritesNamingThePolicy() {
    server.fail(POST, 403, "Forbidden", "propagationpolicies is forbidden");

    assertThatThrownBy(() -> writer.write(POLICIES_OF_SHOP))
        .isInstanceOf(KarmadaException.class)
        .hasMessage(
            "could not create PropagationPolicy shop/tugboat-shop (FORBIDDEN, HTTP 403):"
                + " propagationpolicies is forbidden");
    assertThat(server.requests()).containsExactly(POST);
  }
}
