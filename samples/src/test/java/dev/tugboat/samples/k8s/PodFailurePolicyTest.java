package dev.tugboat.samples.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Job and CronJob of {@code samples/k8s} fails at once on the exit codes that say retrying
 * will not help (2 usage, 4 precondition), and retries on 1 (a job failed, resumable).
 */
class PodFailurePolicyTest {

  @Test
  void everyJobFailsOnUsageAndPreconditionErrorsAndRetriesFailedRuns() {
    List<String> checked = new ArrayList<>();
    for (JsonObject job : Manifests.jobs()) {
      String name = Manifests.string(job, "metadata", "name");
      JsonObject spec = Manifests.jobSpec(job);

      assertThat(rule(spec, "FailJob")).as(name).isEqualTo(exitCodes(2, 3, 4));
      assertThat(rule(spec, "Count")).as(name).isEqualTo(exitCodes(1));
      // the API server refuses a podFailurePolicy unless pods are never restarted in place
      assertThat(Manifests.string(spec, "template", "spec", "restartPolicy"))
          .as(name)
          .isEqualTo("Never");
      assertThat(spec.get("backoffLimit").getAsInt()).as(name).isEqualTo(3);
      checked.add(name);
    }
    assertThat(checked).containsExactly("tugboat-nightly", "tugboat-migrate", "tugboat-migrate-h2");
  }

  @Test
  void disruptedPodsAreRetriedWithoutCounting() {
    for (JsonObject job : Manifests.jobs()) {
      JsonObject ignore = onlyRule(Manifests.jobSpec(job), "Ignore");

      assertThat(ignore.getAsJsonArray("onPodConditions").get(0).getAsJsonObject().get("type"))
          .hasToString("\"DisruptionTarget\"");
    }
  }

  /** The {@code onExitCodes} of a Job spec's one rule with that action. */
  static JsonObject rule(JsonObject jobSpec, String action) {
    return onlyRule(jobSpec, action).getAsJsonObject("onExitCodes");
  }

  /** {@code onExitCodes} for the tugboat container and those codes. */
  static JsonObject exitCodes(int... codes) {
    JsonObject onExitCodes = new JsonObject();
    onExitCodes.addProperty("containerName", "tugboat");
    onExitCodes.addProperty("operator", "In");
    JsonArray values = new JsonArray();
    for (int code : codes) {
      values.add(code);
    }
    onExitCodes.add("values", values);
    return onExitCodes;
  }

  private static JsonObject onlyRule(JsonObject jobSpec, String action) {
    List<JsonObject> rules = new ArrayList<>();
    for (JsonElement rule : jobSpec.getAsJsonObject("podFailurePolicy").getAsJsonArray("rules")) {
      if (action.equals(rule.getAsJsonObject().get("action").getAsString())) {
        rules.add(rule.getAsJsonObject());
      }
    }
    assertThat(rules).as("rules with action " + action).hasSize(1);
    return rules.get(0);
  }
}
