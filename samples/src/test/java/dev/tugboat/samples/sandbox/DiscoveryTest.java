package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.ResourceDiscovery;
import io.kubernetes.client.Discovery;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DiscoveryTest {

  @RegisterExtension static SandboxExtension sandbox = SandboxExtension.builder().build();

  private RawApi raw() {
    return new RawApi(sandbox.url());
  }

  @Test
  void servesTheVersionAndTheCoreGroup() {
    JsonObject version = raw().get("/version").json();
    assertThat(version.get("gitVersion").getAsString()).isEqualTo("v1.32.0-sandbox");
    assertThat(version.get("minor").getAsString()).isEqualTo("32");

    JsonObject api = raw().get("/api").json();
    assertThat(api.get("kind").getAsString()).isEqualTo("APIVersions");
    assertThat(api.getAsJsonArray("versions").get(0).getAsString()).isEqualTo("v1");
  }

  @Test
  void describesResourcesWithVerbsShortNamesAndSubresources() {
    JsonObject apps = raw().get("/apis/apps/v1").json();
    assertThat(apps.get("kind").getAsString()).isEqualTo("APIResourceList");
    assertThat(apps.get("groupVersion").getAsString()).isEqualTo("apps/v1");
    JsonObject deployments = resource(apps, "deployments");
    assertThat(deployments.get("singularName").getAsString()).isEqualTo("deployment");
    assertThat(deployments.get("namespaced").getAsBoolean()).isTrue();
    assertThat(deployments.get("kind").getAsString()).isEqualTo("Deployment");
    assertThat(strings(deployments, "verbs"))
        .containsExactly(
            "create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    assertThat(strings(deployments, "shortNames")).containsExactly("deploy");
    JsonObject scale = resource(apps, "deployments/scale");
    assertThat(scale.get("group").getAsString()).isEqualTo("autoscaling");
    assertThat(scale.get("version").getAsString()).isEqualTo("v1");
    assertThat(scale.get("kind").getAsString()).isEqualTo("Scale");
    assertThat(resource(apps, "deployments/status").get("kind").getAsString())
        .isEqualTo("Deployment");

    JsonObject core = raw().get("/api/v1").json();
    assertThat(resource(core, "namespaces").get("namespaced").getAsBoolean()).isFalse();
    assertThat(strings(resource(core, "services"), "shortNames")).containsExactly("svc");
  }

  @Test
  void answersTheSameWithATrailingSlash() {
    for (String path :
        List.of("/version", "/api", "/apis", "/api/v1", "/apis/apps", "/apis/apps/v1")) {
      assertThat(raw().get(path + "/").body()).as(path).isEqualTo(raw().get(path).body());
    }
  }

  @Test
  void listsGroupsWithTheirPreferredVersion() {
    JsonObject groups = raw().get("/apis").json();
    assertThat(groups.get("kind").getAsString()).isEqualTo("APIGroupList");
    Set<String> names =
        StreamSupport.stream(groups.getAsJsonArray("groups").spliterator(), false)
            .map(group -> group.getAsJsonObject().get("name").getAsString())
            .collect(Collectors.toSet());
    assertThat(names)
        .containsExactlyInAnyOrder(
            "apps",
            "batch",
            "autoscaling",
            "policy",
            "networking.k8s.io",
            "rbac.authorization.k8s.io",
            "storage.k8s.io",
            "scheduling.k8s.io",
            "apiextensions.k8s.io",
            "coordination.k8s.io",
            "events.k8s.io");
    JsonObject autoscaling = raw().get("/apis/autoscaling").json();
    assertThat(autoscaling.get("kind").getAsString()).isEqualTo("APIGroup");
    assertThat(autoscaling.getAsJsonObject("preferredVersion").get("groupVersion").getAsString())
        .isEqualTo("autoscaling/v2");
  }

  @Test
  void answersUnknownGroupsWithNotFound() {
    RawApi.Answer answer = raw().get("/apis/example.com/v1");
    assertThat(answer.code()).isEqualTo(404);
    assertThat(answer.json().get("reason").getAsString()).isEqualTo("NotFound");
  }

  @Test
  void satisfiesClientJavaDiscovery() throws Exception {
    Set<Discovery.APIResource> resources = new Discovery(sandbox.apiClient()).findAll();
    Set<String> names =
        resources.stream()
            .map(resource -> resource.getGroup() + "/" + resource.getResourcePlural())
            .collect(Collectors.toSet());
    assertThat(names)
        .contains(
            "/pods",
            "/namespaces",
            "apps/deployments",
            "batch/cronjobs",
            "rbac.authorization.k8s.io/clusterroles");
  }

  @Test
  void satisfiesTugboatsResourceDiscovery() {
    ResourceDiscovery discovery = new ResourceDiscovery(sandbox.apiClient());
    assertThat(discovery.serverVersion().gitVersion()).isEqualTo("v1.32.0-sandbox");
    ResourceCatalog catalog = discovery.discover();
    assertThat(catalog.failures()).isEmpty();
    ApiResource deployments = catalog.find("apps", "deployments").orElseThrow();
    assertThat(deployments.kind()).isEqualTo("Deployment");
    assertThat(deployments.namespaced()).isTrue();
    assertThat(deployments.supports("patch")).isTrue();
    assertThat(catalog.find("autoscaling", "horizontalpodautoscalers").orElseThrow().version())
        .isEqualTo("v2");
    assertThat(catalog.resources()).hasSize(34);
  }

  private static JsonObject resource(JsonObject list, String name) {
    for (JsonElement element : list.getAsJsonArray("resources")) {
      if (element.getAsJsonObject().get("name").getAsString().equals(name)) {
        return element.getAsJsonObject();
      }
    }
    throw new AssertionError("no resource " + name + " in " + list);
  }

  private static List<String> strings(JsonObject object, String field) {
    return StreamSupport.stream(object.getAsJsonArray(field).spliterator(), false)
        .map(JsonElement::getAsString)
        .toList();
  }
}
