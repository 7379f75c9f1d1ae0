package dev.tugboat.restore.migrate.karmada;

import static dev.tugboat.restore.migrate.karmada.FakeControlPlane.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.restore.migrate.karmada.Acceptance.NotAccepted;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KarmadaAcceptanceTest {

  private static final String POLICY =
      "GET /apis/policy.karmada.io/v1alpha1/namespaces/shop/propagationpolicies/tugboat-shop";
  private static final String CLUSTER_POLICY =
      "GET /apis/policy.karmada.io/v1alpha1/clusterpropagationpolicies/tugboat-m1-shop";
  private static final String WEB = "GET /apis/apps/v1/namespaces/shop/deployments/web";
  private static final String SETTINGS = "GET /api/v1/namespaces/shop/configmaps/settings";
  private static final String READER = "GET /apis/rbac.authorization.k8s.io/v1/clusterroles/reader";
  private static final String BINDINGS =
      "GET /apis/work.karmada.io/v1alpha2/namespaces/shop/resourcebindings?watch=false";
  private static final String CLUSTER_BINDINGS =
      "GET /apis/work.karmada.io/v1alpha2/clusterresourcebindings?watch=false";

  private static final Duration POLL = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static final List<JsonObject> SHOP_POLICIES =
      PropagationPolicies.forApplication(
          "m1",
          "shop",
          "member1",
          List.of(
              new TemplateRef("apps/v1", "Deployment", "shop", "web"),
              new TemplateRef("v1", "ConfigMap", "shop", "settings")));

  private final FakeControlPlane server = new FakeControlPlane();
  private final KarmadaAcceptance acceptance =
      new KarmadaAcceptance(
          server.client(), FakeControlPlane.catalog(), server.clock(), server.sleeper());

  KarmadaAcceptanceTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void waitsUntilEveryTemplateHasABindingScheduledAndFullyApplied() throws Exception {
    server
        .answer(POLICY, SHOP_POLICIES.get(0))
        .answer(WEB, json("{}"))
        .answer(SETTINGS, json("{}"))
        .list(BINDINGS)
        .list(BINDINGS, binding("web", "Deployment", "apps/v1", ok(), pending("FullyApplied")))
        .list(
            BINDINGS,
            binding("web", "Deployment", "apps/v1", ok(), applied()),
            binding("settings", "ConfigMap", "v1", ok(), applied()));

    Acceptance result = acceptance.await(SHOP_POLICIES, POLL, Duration.ofMinutes(1));

    assertThat(result.isAccepted()).isTrue();
    assertThat(result.summary()).isEqualTo("accepted");
    assertThat(server.sleeps()).containsExactly(POLL, POLL);
    // One LIST of the namespace's bindings per look, however many templates it has.
    assertThat(server.requests())
        .containsExactly(
            POLICY, BINDINGS, WEB, SETTINGS, POLICY, BINDINGS, WEB, SETTINGS, POLICY, BINDINGS, WEB,
            SETTINGS);
  }

  @Test
  void atTheTimeoutNamesEachObjectNotAcceptedWithKarmadasReasonAndMessage() throws Exception {
    server
        .answer(POLICY, SHOP_POLICIES.get(0))
        .answer(WEB, json("{}"))
        .answer(SETTINGS, json("{}"))
        .list(
            BINDINGS,
            binding(
                "web",
                "Deployment",
                "apps/v1",
                ok(),
                condition(
                    "FullyApplied",
                    "False",
                    "ApplyConflict",
                    "deployments.apps shop/web already exists in member cluster member1,"
                        + " Karmada will not manage this resource")));

    Acceptance result = acceptance.await(SHOP_POLICIES, POLL, TIMEOUT);

    assertThat(result.notAccepted())
        .containsExactly(
            new NotAccepted(
                "apps/v1 Deployment shop/web",
                "FullyApplied=False ApplyConflict: deployments.apps shop/web already exists in"
                    + " member cluster member1, Karmada will not manage this resource"),
            new NotAccepted("v1 ConfigMap shop/settings", "no ResourceBinding yet"));
    assertThat(server.sleeps()).containsExactly(POLL, POLL, POLL);
  }

  @Test
  void aMissingPolicyOrTemplateAndAnUnscheduledBindingAreNamed() {
    server
        .answer(WEB, json("{}"))
        .list(
            BINDINGS,
            binding(
                "web",
                "Deployment",
                "apps/v1",
                condition("Scheduled", "False", "NoClusterFit", "cluster member1 is not found"),
                pending("FullyApplied")));

    Acceptance result = acceptance.check(SHOP_POLICIES);

    assertThat(result.summary())
        .isEqualTo(
            "PropagationPolicy shop/tugboat-shop: policy not found in the control plane;"
                + " apps/v1 Deployment shop/web: Scheduled=False NoClusterFit: cluster member1 is"
                + " not found; v1 ConfigMap shop/settings: template not found in the control"
                + " plane");
  }

  @Test
  void aBindingIsFoundByTheResourceItNamesNotByItsName() {
    List<JsonObject> policies =
        PropagationPolicies.forApplication(
            "m1",
            "shop",
            "member1",
            List.of(new TemplateRef("apps/v1", "Deployment", "shop", "web")));
    // Named as Karmada would name the binding of web, but for another Deployment; web's own
    // binding has another name and records the template in another version of its group.
    String impostor = binding("web", "Deployment", "apps/v1", ok(), applied());
    JsonObject misleading = json(impostor);
    misleading.getAsJsonObject("spec").getAsJsonObject("resource").addProperty("name", "api");
    JsonObject real =
        json(binding("web", "Deployment", "apps/v1beta2", ok(), pending("FullyApplied")));
    real.getAsJsonObject("metadata").addProperty("name", "web-deployment-7f9c");
    server
        .answer(POLICY, policies.get(0))
        .answer(WEB, json("{}"))
        .list(BINDINGS, misleading.toString(), real.toString());

    assertThat(acceptance.check(policies).notAccepted())
        .containsExactly(
            new NotAccepted(
                "apps/v1 Deployment shop/web", "FullyApplied=Unknown Pending: not applied yet"));
  }

  @Test
  void clusterScopedTemplatesAreCheckedThroughClusterResourceBindings() {
    List<JsonObject> policies =
        PropagationPolicies.forApplication(
            "m1",
            "shop",
            "member1",
            List.of(
                new TemplateRef("v1", "Namespace", null, "shop"),
                new TemplateRef("rbac.authorization.k8s.io/v1", "ClusterRole", null, "reader")));
    JsonObject clusterBinding =
        json(binding("reader", "ClusterRole", "rbac.authorization.k8s.io/v1", ok(), applied()));
    clusterBinding.getAsJsonObject("metadata").remove("namespace");
    clusterBinding.getAsJsonObject("spec").getAsJsonObject("resource").remove("namespace");
    server
        .answer(CLUSTER_POLICY, policies.get(0))
        .answer(READER, json("{}"))
        .list(CLUSTER_BINDINGS, clusterBinding.toString());

    assertThat(acceptance.check(policies).isAccepted()).isTrue();
    assertThat(server.requests()).containsExactly(CLUSTER_POLICY, CLUSTER_BINDINGS, READER);
  }

  @Test
  void unreadableBindingsAreReportedWithTheServersMessage() {
    server
        .answer(POLICY, SHOP_POLICIES.get(0))
        .answer(WEB, json("{}"))
        .answer(SETTINGS, json("{}"))
        .fail(BINDINGS, 403, "Forbidden", "resourcebindings.work.karmada.io is forbidden");

    assertThat(acceptance.check(SHOP_POLICIES).notAccepted())
        .extracting(NotAccepted::reason)
        .containsExactly(
            "could not list ResourceBindings in shop (HTTP 403):"
                + " resourcebindings.work.karmada.io is forbidden",
            "could not list ResourceBindings in shop (HTTP 403):"
                + " resourcebindings.work.karmada.io is forbidden");
  }

  /** A ResourceBinding as Karmada makes it: named {@code <name>-<kind>}, in lower case. */
  static String binding(
      String name, String kind, String apiVersion, JsonObject scheduled, JsonObject applied) {
    JsonObject binding =
        json(
            """
            {"apiVersion": "work.karmada.io/v1alpha2", "kind": "ResourceBinding",
             "metadata": {"namespace": "shop"},
             "spec": {"resource": {"namespace": "shop"}, "clusters": [{"name": "member1"}]},
             "status": {"conditions": []}}
            """);
    binding.getAsJsonObject("metadata").addProperty("name", (name + "-" + kind).toLowerCase());
    JsonObject resource = binding.getAsJsonObject("spec").getAsJsonObject("resource");
    resource.addProperty("apiVersion", apiVersion);
    resource.addProperty("kind", kind);
    resource.addProperty("name", name);
    binding.getAsJsonObject("status").getAsJsonArray("conditions").add(scheduled);
    binding.getAsJsonObject("status").getAsJsonArray("conditions").add(applied);
    return binding.toString();
  }

  static JsonObject ok() {
    return condition("Scheduled", "True", "Success", "Binding has been scheduled successfully.");
  }

  static JsonObject applied() {
    return condition(
        "FullyApplied", "True", "FullyAppliedSuccess", "All works have been successfully applied");
  }

  static JsonObject pending(String type) {
    return condition(type, "Unknown", "Pending", "not applied yet");
  }

  static JsonObject condition(String type, String status, String reason, String message) {
    JsonObject condition = new JsonObject();
    condition.addProperty("type", type);
    condition.addProperty("status", status);
    condition.addProperty("reason", reason);
    condition.addProperty("message", message);
    return condition;
  }
}
