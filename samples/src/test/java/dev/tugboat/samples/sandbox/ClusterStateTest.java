package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.json;
import static dev.tugboat.samples.sandbox.TestObjects.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The in-process view controllers and seeders use. */
class ClusterStateTest {

  @RegisterExtension
  SandboxExtension sandbox =
      // the plain API server: simulated controllers would write to the pods and workloads here
      SandboxExtension.builder().options(options -> options.simulation(false)).build();

  @Test
  void createsKeepingStatusAndListsInKeyOrder() {
    ClusterState state = sandbox.sandbox().state();
    state.create(pod("b", "Running"));
    JsonObject created = state.create(pod("a", "Succeeded"));
    assertThat(created.getAsJsonObject("status").get("phase").getAsString()).isEqualTo("Succeeded");
    assertThat(meta(created, "uid")).hasSize(36);

    assertThat(state.list("v1", "Pod", "default").stream().map(pod -> meta(pod, "name")))
        .containsExactly("a", "b");
    assertThat(state.list("v1", "Pod", "kube-system")).isEmpty();
    assertThat(state.get("v1", "Pod", "default", "a")).contains(created);
  }

  @Test
  void updatesSpecAndStatusSeparatelyAndChecksTheVersion() {
    ClusterState state = sandbox.sandbox().state();
    JsonObject created = state.create(pod("a", "Pending"));

    JsonObject running = created.deepCopy();
    running.getAsJsonObject("status").addProperty("phase", "Running");
    running.getAsJsonObject("spec").addProperty("nodeName", "ignored-by-status");
    JsonObject afterStatus = state.updateStatus(running);
    assertThat(afterStatus.getAsJsonObject("status").get("phase").getAsString())
        .isEqualTo("Running");
    assertThat(afterStatus.getAsJsonObject("spec").has("nodeName")).isFalse();

    assertThatThrownBy(() -> state.update(created))
        .isInstanceOf(ApiError.class)
        .hasMessage(
            "Operation cannot be fulfilled on pods \"a\": the object has been modified; please apply your changes to the latest version and try again");

    JsonObject scheduled = afterStatus.deepCopy();
    scheduled.getAsJsonObject("spec").addProperty("nodeName", "node-1");
    JsonObject afterUpdate = state.update(scheduled);
    assertThat(afterUpdate.getAsJsonObject("spec").get("nodeName").getAsString())
        .isEqualTo("node-1");
    assertThat(afterUpdate.getAsJsonObject("status").get("phase").getAsString())
        .isEqualTo("Running");
  }

  @Test
  void deletesAndIgnoresMissingObjects() {
    ClusterState state = sandbox.sandbox().state();
    state.create(pod("a", "Running"));
    state.delete("v1", "Pod", "default", "a");
    state.delete("v1", "Pod", "default", "a");
    assertThat(state.get("v1", "Pod", "default", "a")).isEmpty();
  }

  @Test
  void refusesKindsItDoesNotServe() {
    assertThatThrownBy(() -> sandbox.sandbox().state().list("example.com/v1", "Widget", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the sandbox serves no example.com/v1 Widget");
  }

  private static JsonObject pod(String name, String phase) {
    return json(
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"default\"},\"spec\":{\"containers\":[]},\"status\":{\"phase\":\"%s\"}}"
            .formatted(name, phase));
  }
}
