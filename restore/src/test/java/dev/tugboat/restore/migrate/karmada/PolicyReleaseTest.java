package dev.tugboat.restore.migrate.karmada;

import static dev.tugboat.restore.migrate.karmada.FakeControlPlane.json;
import static dev.tugboat.restore.migrate.karmada.KarmadaAcceptanceTest.applied;
import static dev.tugboat.restore.migrate.karmada.KarmadaAcceptanceTest.binding;
import static dev.tugboat.restore.migrate.karmada.KarmadaAcceptanceTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PolicyReleaseTest {

  private static final String POLICY_PATH =
      "/apis/policy.karmada.io/v1alpha1/namespaces/shop/propagationpolicies/tugboat-shop";
  private static final String GET_POLICY = "GET " + POLICY_PATH;
  private static final String PATCH_POLICY = "PATCH " + POLICY_PATH + "?fieldManager=tugboat";
  private static final String DELETE_POLICY =
      "DELETE " + POLICY_PATH + "?propagationPolicy=Background";
  private static final String WEB_PATH = "/apis/apps/v1/namespaces/shop/deployments/web";
  private static final String GET_WEB = "GET " + WEB_PATH;
  private static final String DELETE_WEB = "DELETE " + WEB_PATH + "?propagationPolicy=Background";
  private static final String GET_SETTINGS = "GET /api/v1/namespaces/shop/configmaps/settings";
  private static final String BINDINGS =
      "GET /apis/work.karmada.io/v1alpha2/namespaces/shop/resourcebindings?watch=false";

  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final TemplateRef WEB = new TemplateRef("apps/v1", "Deployment", "shop", "web");
  private static final TemplateRef SETTINGS =
      new TemplateRef("v1", "ConfigMap", "shop", "settings");
  private static final List<JsonObject> POLICIES =
      PropagationPolicies.forApplication("m1", "shop", "member1", List.of(WEB, SETTINGS));

  private static final JsonObject STORED_POLICY = stored(POLICIES.get(0), "4");
  private static final JsonObject OUR_WEB =
      json(
          """
          {"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"name": "web", "namespace": "shop", "resourceVersion": "9",
             "labels": {"tugboat.dev/migration": "m1", "tugboat.dev/app": "shop"}}}
          """);
  private static final String DELETED = "{\"kind\": \"Status\", \"status\": \"Success\"}";

  private final FakeControlPlane server = new FakeControlPlane();
  private final PolicyRelease release =
      new PolicyRelease(
          server.client(), FakeControlPlane.catalog(), server.clock(), server.sleeper());

  PolicyReleaseTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void preservesThenDeletesTheTemplatesOnceTheirBindingsPreserveThenThePolicies() throws Exception {
    JsonObject preserved = stored(POLICIES.get(0), "5");
    preserved.getAsJsonObject("spec").addProperty("preserveResourcesOnDeletion", true);
    server
        .answer(GET_POLICY, STORED_POLICY)
        .answer(PATCH_POLICY, preserved)
        .answer(GET_WEB, OUR_WEB)
        .list(BINDINGS, binding("web", "Deployment", "apps/v1", ok(), applied()))
        .list(BINDINGS, preservingBinding())
        .answer(DELETE_WEB, 200, DELETED)
        .answer(DELETE_POLICY, 200, DELETED);

    ReleaseCounts counts = release.release("m1", POLICIES, List.of(WEB), POLL, TIMEOUT);

    assertThat(counts).isEqualTo(new ReleaseCounts(1, 1, 0, 0, 1, 0));
    assertThat(server.requests())
        .containsExactly(
            GET_POLICY,
            GET_POLICY,
            PATCH_POLICY,
            GET_WEB,
            BINDINGS,
            BINDINGS,
            DELETE_WEB,
            DELETE_POLICY);
    assertThat(server.bodies())
        .containsExactly(json("{\"spec\": {\"preserveResourcesOnDeletion\": true}}"));
    assertThat(server.sleeps()).containsExactly(POLL);
  }

  @Test
  void aRerunAfterTheTemplatesWereDeletedFinishesWithThePolicies() throws Exception {
    JsonObject preserved = stored(POLICIES.get(0), "5");
    preserved.getAsJsonObject("spec").addProperty("preserveResourcesOnDeletion", true);
    server
        .answer(GET_POLICY, preserved)
        .answer(PATCH_POLICY, preserved)
        .answer(DELETE_POLICY, 200, DELETED);

    ReleaseCounts counts = release.release("m1", POLICIES, List.of(WEB, SETTINGS), POLL, TIMEOUT);

    assertThat(counts).isEqualTo(new ReleaseCounts(1, 0, 2, 0, 1, 0));
    assertThat(server.requests())
        .containsExactly(
            GET_POLICY, GET_POLICY, PATCH_POLICY, GET_WEB, GET_SETTINGS, DELETE_POLICY);
  }

  @Test
  void aRerunAfterEverythingWasReleasedChangesNothing() throws Exception {
    ReleaseCounts counts = release.release("m1", POLICIES, List.of(WEB), POLL, TIMEOUT);

    assertThat(counts).isEqualTo(new ReleaseCounts(0, 0, 1, 0, 0, 1));
    assertThat(server.requests()).containsExactly(GET_POLICY, GET_WEB);
  }

  @Test
  void aTemplateWithoutTheMigrationsLabelIsLeftAlone() throws Exception {
    JsonObject foreignWeb = OUR_WEB.deepCopy();
    foreignWeb.getAsJsonObject("metadata").remove("labels");
    server
        .answer(GET_POLICY, STORED_POLICY)
        .answer(PATCH_POLICY, STORED_POLICY)
        .answer(GET_WEB, foreignWeb)
        .answer(DELETE_POLICY, 200, DELETED);

    ReleaseCounts counts = release.release("m1", POLICIES, List.of(WEB), POLL, TIMEOUT);

    assertThat(counts).isEqualTo(new ReleaseCounts(1, 0, 0, 1, 1, 0));
    assertThat(server.requests()).doesNotContain(DELETE_WEB);
  }

  @Test
  void aPolicyOfAnotherMigrationStopsTheReleaseBeforeAnyChange() {
    JsonObject other = STORED_POLICY.deepCopy();
    other
        .getAsJsonObject("metadata")
        .getAsJsonObject("labels")
        .addProperty("tugboat.dev/migration", "m0");
    server.answer(GET_POLICY, other);

    assertThatThrownBy(() -> release.release("m1", POLICIES, List.of(WEB), POLL, TIMEOUT))
        .isInstanceOf(KarmadaException.class)
        .hasMessage(
            "PropagationPolicy shop/tugboat-shop is not migration m1's"
                + " (label tugboat.dev/migration=m0): nothing was released");
    assertThat(server.requests()).containsExactly(GET_POLICY);
  }

  @Test
  void noTemplateIsDeletedWhileABindingDoesNotPreserveTheMembersObjects() {
    server
        .answer(GET_POLICY, STORED_POLICY)
        .answer(PATCH_POLICY, STORED_POLICY)
        .answer(GET_WEB, OUR_WEB)
        .list(BINDINGS, binding("web", "Deployment", "apps/v1", ok(), applied()));

    assertThatThrownBy(
            () -> release.release("m1", POLICIES, List.of(WEB), POLL, Duration.ofSeconds(2)))
        .isInstanceOf(KarmadaException.class)
        .hasMessage(
            "Karmada has not set preserveResourcesOnDeletion on the bindings of apps/v1"
                + " Deployment shop/web within PT2S: no template was deleted, so that the member"
                + " cluster keeps its objects; run the rollback again");
    assertThat(server.requests()).doesNotContain(DELETE_WEB, DELETE_POLICY);
    assertThat(server.sleeps()).containsExactly(POLL, POLL);
  }

  @Test
  void aRefusedDeleteNamesTheTemplate() {
    server
        .answer(GET_POLICY, STORED_POLICY)
        .answer(PATCH_POLICY, STORED_POLICY)
        .answer(GET_WEB, OUR_WEB)
        .list(BINDINGS, preservingBinding())
        .fail(DELETE_WEB, 403, "Forbidden", "deployments.apps \"web\" is forbidden");

    assertThatThrownBy(() -> release.release("m1", POLICIES, List.of(WEB), POLL, TIMEOUT))
        .isInstanceOf(KarmadaException.class)
        .hasMessage(
            "could not delete apps/v1 Deployment shop/web (FORBIDDEN, HTTP 403):"
                + " deployments.apps \"web\" is forbidden");
    assertThat(server.requests()).doesNotContain(DELETE_POLICY);
  }

  private static String preservingBinding() {
    JsonObject binding = json(binding("web", "Deployment", "apps/v1", ok(), applied()));
    binding.getAsJsonObject("spec").addProperty("preserveResourcesOnDeletion", true);
    return binding.toString();
  }

  private static JsonObject stored(JsonObject policy, String resourceVersion) {
    JsonObject stored = policy.deepCopy();
    stored.getAsJsonObject("metadata").addProperty("resourceVersion", resourceVersion);
    return stored;
  }
}
