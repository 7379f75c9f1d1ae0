package dev.tugboat.samples.sandbox.cluster;

import static dev.tugboat.samples.sandbox.cluster.Manifests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobControllerTest {

  private final Simulation cluster = new Simulation();

  JobControllerTest() {
    cluster
        .with(new JobController(cluster.clock))
        .with(new Scheduler(cluster.clock))
        .with(new Kubelet(cluster.clock, Duration.ZERO, Duration.ofSeconds(30)));
    new NodeFactory(cluster.clock, "4", "8Gi").nodes(1).forEach(cluster.state::create);
  }

  @Test
  void runsParallelismPodsUntilCompletionsSucceed() {
    JsonObject job = cluster.create(job("\"completions\": 3, \"parallelism\": 2,"));
    cluster.settle();

    assertThat(phases()).containsExactly("Running", "Running");
    JsonObject pod = cluster.list("v1", "Pod").get(0);
    assertThat(JsonFields.name(pod)).matches("report-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(JsonFields.labels(pod))
        .containsEntry("batch.kubernetes.io/job-name", "report")
        .containsEntry("job-name", "report")
        .containsEntry("batch.kubernetes.io/controller-uid", JsonFields.uid(job))
        .containsEntry("controller-uid", JsonFields.uid(job))
        .containsEntry("app", "report");
    assertThat(status())
        .isEqualTo(json("{\"startTime\": \"2025-03-01T10:00:00Z\", \"active\": 2, \"ready\": 2}"));

    cluster.advance(Duration.ofSeconds(30));
    assertThat(phases()).containsExactlyInAnyOrder("Succeeded", "Succeeded", "Running");
    assertThat(status())
        .isEqualTo(
            json(
                "{\"startTime\": \"2025-03-01T10:00:00Z\", \"active\": 1, \"ready\": 1,"
                    + " \"succeeded\": 2}"));

    cluster.advance(Duration.ofSeconds(30));
    assertThat(phases()).containsExactly("Succeeded", "Succeeded", "Succeeded");
    assertThat(status())
        .isEqualTo(
            json(
                """
                {"startTime": "2025-03-01T10:00:00Z", "ready": 0, "succeeded": 3,
                 "completionTime": "2025-03-01T10:01:00Z",
                 "conditions": [
                   {"type": "SuccessCriteriaMet", "status": "True",
                    "lastTransitionTime": "2025-03-01T10:01:00Z", "reason": "CompletionsReached",
                    "message": "Reached expected number of succeeded pods"},
                   {"type": "Complete", "status": "True",
                    "lastTransitionTime": "2025-03-01T10:01:00Z", "reason": "CompletionsReached",
                    "message": "Reached expected number of succeeded pods"}]}
                """));
    assertThat(cluster.nextDue()).isEmpty();
  }

  @Test
  void withoutCompletionsOrParallelismRunsOnePod() {
    cluster.create(job(""));
    cluster.settle();
    assertThat(phases()).containsExactly("Running");

    cluster.advance(Duration.ofSeconds(30));
    assertThat(phases()).containsExactly("Succeeded");
    assertThat(Conditions.isTrue(cluster.get("batch/v1", "Job", "shop", "report"), "Complete"))
        .isTrue();
  }

  @Test
  void aWorkQueueJobCompletesWhenOneSucceededAndNoneRuns() {
    cluster.create(job("\"parallelism\": 2,"));
    cluster.settle();
    assertThat(phases()).containsExactly("Running", "Running");

    cluster.advance(Duration.ofSeconds(30));
    assertThat(phases()).containsExactly("Succeeded", "Succeeded");
    assertThat(JsonFields.integer(status(), 0, "succeeded")).isEqualTo(2);
    assertThat(Conditions.isTrue(cluster.get("batch/v1", "Job", "shop", "report"), "Complete"))
        .isTrue();
  }

  private static String job(String counts) {
    return """
        {"apiVersion": "batch/v1", "kind": "Job",
         "metadata": {"name": "report", "namespace": "shop"},
         "spec": {%s "template": {"metadata": {"labels": {"app": "report"}},
           "spec": {"restartPolicy": "Never",
                    "containers": [{"name": "report", "image": "busybox",
                                    "resources": {"requests": {"cpu": "100m"}}}]}}}}
        """
        .formatted(counts);
  }

  private List<String> phases() {
    return cluster.list("v1", "Pod").stream().map(Pods::phase).toList();
  }

  private JsonObject status() {
    return JsonFields.object(cluster.get("batch/v1", "Job", "shop", "report"), "status");
  }
}
