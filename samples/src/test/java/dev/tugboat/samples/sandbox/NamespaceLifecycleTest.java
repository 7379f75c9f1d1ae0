package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NamespaceLifecycleTest {

  private static final String SHOP = "/api/v1/namespaces/shop";
  private static final String CONFIG_MAPS = SHOP + "/configmaps";

  @RegisterExtension
  SandboxExtension sandbox =
      // the plain API server: simulated controllers would write to the pods and workloads here
      SandboxExtension.builder().options(options -> options.simulation(false)).build();

  private RawApi raw;

  @BeforeEach
  void createNamespace() {
    raw = new RawApi(sandbox.url());
    JsonObject created =
        raw.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"shop\"}}").json();
    assertThat(created.getAsJsonObject("status").get("phase").getAsString()).isEqualTo("Active");
    raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"plain\"}}");
    raw.post(
        "/apis/apps/v1/namespaces/shop/deployments",
        TestObjects.deployment("shop", "web", 1).toString());
  }

  @Test
  void deletingANamespaceDeletesItsContentsThenItself() {
    assertThat(raw.delete(SHOP).code()).isEqualTo(200);
    assertThat(raw.get(SHOP).code()).isEqualTo(404);
    assertThat(raw.get(CONFIG_MAPS + "/plain").code()).isEqualTo(404);
    assertThat(raw.get("/apis/apps/v1/namespaces/shop/deployments/web").code()).isEqualTo(404);
  }

  @Test
  void aNamespaceStaysTerminatingWhileContentsHaveFinalizers() {
    raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"held\",\"finalizers\":[\"test/hold\"]}}");

    JsonObject terminating = raw.delete(SHOP).json();
    assertThat(terminating.getAsJsonObject("status").get("phase").getAsString())
        .isEqualTo("Terminating");
    assertThat(raw.get(CONFIG_MAPS + "/plain").code()).isEqualTo(404);
    assertThat(
            raw.get(CONFIG_MAPS + "/held")
                .json()
                .getAsJsonObject("metadata")
                .has("deletionTimestamp"))
        .isTrue();

    RawApi.Answer refused = raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"late\"}}");
    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.json().get("reason").getAsString()).isEqualTo("Forbidden");
    assertThat(refused.json().get("message").getAsString())
        .isEqualTo(
            "configmaps \"late\" is forbidden: unable to create new content in namespace shop because it is being terminated");

    raw.patch(
        CONFIG_MAPS + "/held",
        "application/json-patch+json",
        "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");
    assertThat(raw.get(CONFIG_MAPS + "/held").code()).isEqualTo(404);
    assertThat(raw.get(SHOP).code()).isEqualTo(404);
  }

  @Test
  void finalizersKeepADeletedObjectUntilTheLastIsRemoved() {
    raw.post(
        CONFIG_MAPS, "{\"metadata\":{\"name\":\"held\",\"finalizers\":[\"a/one\",\"b/two\"]}}");

    JsonObject marked = raw.delete(CONFIG_MAPS + "/held").json();
    assertThat(marked.getAsJsonObject("metadata").get("deletionTimestamp").getAsString())
        .isNotEmpty();
    assertThat(marked.getAsJsonObject("metadata").get("deletionGracePeriodSeconds").getAsInt())
        .isZero();

    JsonObject current = raw.get(CONFIG_MAPS + "/held").json();
    current
        .getAsJsonObject("metadata")
        .add("finalizers", TestObjects.json("{\"f\":[\"b/two\"]}").get("f"));
    assertThat(raw.put(CONFIG_MAPS + "/held", current.toString()).code()).isEqualTo(200);
    assertThat(raw.get(CONFIG_MAPS + "/held").code()).isEqualTo(200);

    raw.patch(
        CONFIG_MAPS + "/held",
        "application/merge-patch+json",
        "{\"metadata\":{\"finalizers\":[]}}");
    assertThat(raw.get(CONFIG_MAPS + "/held").code()).isEqualTo(404);
  }
}
