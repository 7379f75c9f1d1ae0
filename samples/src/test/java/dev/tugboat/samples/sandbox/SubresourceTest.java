package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubresourceTest {

  private static final String WEB = "/apis/apps/v1/namespaces/default/deployments/web";

  @RegisterExtension
  SandboxExtension sandbox =
      // the plain API server: simulated controllers would write to the pods and workloads here
      SandboxExtension.builder().options(options -> options.simulation(false)).build();

  private RawApi raw;

  @BeforeEach
  void createDeployment() {
    raw = new RawApi(sandbox.url());
    raw.post(
        "/apis/apps/v1/namespaces/default/deployments",
        TestObjects.deployment("default", "web", 2).toString());
  }

  @Test
  void statusChangesOnlyThroughTheStatusSubresource() {
    JsonObject deployment = raw.get(WEB).json();
    deployment.add("status", json("{\"replicas\":2,\"readyReplicas\":2}"));
    deployment.getAsJsonObject("spec").addProperty("replicas", 7);

    JsonObject afterStatus = raw.put(WEB + "/status", deployment.toString()).json();
    assertThat(afterStatus.getAsJsonObject("status"))
        .isEqualTo(json("{\"replicas\":2,\"readyReplicas\":2}"));
    assertThat(afterStatus.getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(2);
    assertThat(afterStatus.getAsJsonObject("metadata").get("generation").getAsInt()).isEqualTo(1);

    JsonObject main = afterStatus.deepCopy();
    main.add("status", json("{\"replicas\":0}"));
    JsonObject afterMain = raw.put(WEB, main.toString()).json();
    assertThat(afterMain.getAsJsonObject("status"))
        .isEqualTo(json("{\"replicas\":2,\"readyReplicas\":2}"));

    JsonObject patched =
        raw.patch(
                WEB + "/status",
                "application/merge-patch+json",
                "{\"status\":{\"readyReplicas\":1},\"spec\":{\"replicas\":9}}")
            .json();
    assertThat(patched.getAsJsonObject("status"))
        .isEqualTo(json("{\"replicas\":2,\"readyReplicas\":1}"));
    assertThat(patched.getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(2);
  }

  @Test
  void scaleReadsAndWritesTheDesiredReplicas() {
    JsonObject scale = raw.get(WEB + "/scale").json();
    assertThat(scale.get("apiVersion").getAsString()).isEqualTo("autoscaling/v1");
    assertThat(scale.get("kind").getAsString()).isEqualTo("Scale");
    assertThat(scale.getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(2);
    assertThat(scale.getAsJsonObject("status").get("selector").getAsString()).isEqualTo("app=web");

    scale.getAsJsonObject("spec").addProperty("replicas", 5);
    assertThat(
            raw.put(WEB + "/scale", scale.toString())
                .json()
                .getAsJsonObject("spec")
                .get("replicas")
                .getAsInt())
        .isEqualTo(5);
    assertThat(raw.get(WEB).json().getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(5);

    raw.patch(WEB + "/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":0}}");
    assertThat(raw.get(WEB).json().getAsJsonObject("spec").get("replicas").getAsInt()).isZero();

    assertThat(raw.put(WEB + "/scale", scale.toString()).code()).isEqualTo(409);
  }

  @Test
  void typesWithoutASubresourceAnswerNotFound() {
    raw.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"c\"}}");
    assertThat(raw.get("/api/v1/namespaces/default/configmaps/c/status").code()).isEqualTo(404);
    assertThat(raw.get("/apis/apps/v1/namespaces/default/daemonsets/x/scale").code())
        .isEqualTo(404);
  }
}
