package dev.tugboat.samples.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.restore.capacity.plan.ClusterAccess;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import dev.tugboat.restore.capacity.plan.PlanSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The containers get their credentials from the example Secrets, under the environment variables
 * Tugboat reads, and run in a hardened, read-only pod; the migration's ConfigMap holds a valid
 * plan.
 */
class ContainerEnvironmentTest {

  @Test
  void credentialsComeFromSecretsUnderTheVariablesTugboatReads() {
    assertThat(secretVariables("CronJob", "tugboat-nightly"))
        .containsExactly(
            Map.entry("AWS_ACCESS_KEY_ID", "tugboat-store-credentials"),
            Map.entry("AWS_SECRET_ACCESS_KEY", "tugboat-store-credentials"),
            Map.entry("SPRING_DATASOURCE_URL", "tugboat-job-repository"),
            Map.entry("SPRING_DATASOURCE_USERNAME", "tugboat-job-repository"),
            Map.entry("SPRING_DATASOURCE_PASSWORD", "tugboat-job-repository"));
    assertThat(secretVariables("Job", "tugboat-migrate"))
        .isEqualTo(secretVariables("CronJob", "tugboat-nightly"));
    // the job repository is H2 on the volume: no datasource to configure
    assertThat(secretVariables("Job", "tugboat-migrate-h2"))
        .containsExactly(
            Map.entry("AWS_ACCESS_KEY_ID", "tugboat-store-credentials"),
            Map.entry("AWS_SECRET_ACCESS_KEY", "tugboat-store-credentials"));
  }

  @Test
  void theExampleSecretsHoldEveryKeyTheContainersReadAndOnlyFakeValues() {
    for (JsonObject job : Manifests.jobs()) {
      secretVariables(job)
          .forEach(
              (key, secret) -> {
                JsonObject data = Manifests.object("Secret", secret).getAsJsonObject("stringData");
                assertThat(data.has(key)).as(secret + " has " + key).isTrue();
              });
    }
    JsonObject store = Manifests.object("Secret", "tugboat-store-credentials");
    assertThat(Manifests.string(store, "stringData", "AWS_SECRET_ACCESS_KEY"))
        .isEqualTo("fake-secret-access-key-replace-me");
    JsonObject repository = Manifests.object("Secret", "tugboat-job-repository");
    assertThat(Manifests.string(repository, "stringData", "SPRING_DATASOURCE_PASSWORD"))
        .isEqualTo("fake-password-replace-me");
  }

  @Test
  void everyPodRunsAsNonRootOnAReadOnlyRootWithAWritableTmp() {
    for (JsonObject job : Manifests.jobs()) {
      String name = Manifests.string(job, "metadata", "name");
      JsonObject pod = Manifests.jobSpec(job).getAsJsonObject("template").getAsJsonObject("spec");
      JsonObject container = ContainerArgsTest.container(job);
      JsonObject security = container.getAsJsonObject("securityContext");

      assertThat(Manifests.string(pod, "securityContext", "runAsNonRoot"))
          .as(name)
          .isEqualTo("true");
      assertThat(Manifests.string(pod, "securityContext", "runAsUser")).as(name).isEqualTo("10001");
      assertThat(Manifests.string(pod, "securityContext", "seccompProfile", "type"))
          .as(name)
          .isEqualTo("RuntimeDefault");
      assertThat(security.get("readOnlyRootFilesystem").getAsBoolean()).as(name).isTrue();
      assertThat(security.get("allowPrivilegeEscalation").getAsBoolean()).as(name).isFalse();
      assertThat(security.getAsJsonObject("capabilities").getAsJsonArray("drop"))
          .as(name)
          .hasToString("[\"ALL\"]");
      assertThat(mounts(container)).as(name).containsEntry("/tmp", "tmp");
      assertThat(volume(pod, "tmp").has("emptyDir")).as(name).isTrue();
      assertThat(container.getAsJsonObject("resources").getAsJsonObject("limits").has("memory"))
          .as(name)
          .isTrue();
    }
  }

  @Test
  void theH2MigrationKeepsTugboatsHomeOnTheClaim() {
    JsonObject job = Manifests.object("Job", "tugboat-migrate-h2");
    JsonObject pod = Manifests.jobSpec(job).getAsJsonObject("template").getAsJsonObject("spec");
    JsonObject container = ContainerArgsTest.container(job);

    assertThat(literalVariables(container)).containsEntry("TUGBOAT_HOME", "/var/lib/tugboat");
    assertThat(mounts(container)).containsEntry("/var/lib/tugboat", "home");
    assertThat(Manifests.string(volume(pod, "home"), "persistentVolumeClaim", "claimName"))
        .isEqualTo("tugboat-home");
    assertThat(Manifests.object("PersistentVolumeClaim", "tugboat-home")).isNotNull();
  }

  @Test
  void theConfigMapHoldsAPlanTugboatAccepts() {
    JsonObject configMap = Manifests.object("ConfigMap", "tugboat-migration-plan");

    MigrationPlan plan =
        MigrationPlanParser.parse(Manifests.string(configMap, "data", "plan.yaml"));

    assertThat(plan.name()).isEqualTo("shop-failover");
    assertThat(plan.source()).isEqualTo(new PlanSource.Stored("nightly-20251118020000"));
    assertThat(plan.target().cluster())
        .isEqualTo(new ClusterAccess("in-cluster", Optional.of("in-cluster.kubeconfig")));
    // the kubeconfig the plan names is mounted beside it
    assertThat(configMap.getAsJsonObject("data").has("in-cluster.kubeconfig")).isTrue();
  }

  /** The container's variables read from Secrets: variable name to Secret name. */
  private static Map<String, String> secretVariables(String kind, String name) {
    return secretVariables(Manifests.object(kind, name));
  }

  private static Map<String, String> secretVariables(JsonObject job) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (JsonElement element : ContainerArgsTest.container(job).getAsJsonArray("env")) {
      JsonObject variable = element.getAsJsonObject();
      String secret = Manifests.string(variable, "valueFrom", "secretKeyRef", "name");
      if (secret != null) {
        String name = variable.get("name").getAsString();
        // the key is the variable's name, so that a Secret reads like the environment it makes
        assertThat(Manifests.string(variable, "valueFrom", "secretKeyRef", "key")).isEqualTo(name);
        variables.put(name, secret);
      }
    }
    return variables;
  }

  private static Map<String, String> literalVariables(JsonObject container) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (JsonElement element : container.getAsJsonArray("env")) {
      JsonObject variable = element.getAsJsonObject();
      if (variable.has("value")) {
        variables.put(variable.get("name").getAsString(), variable.get("value").getAsString());
      }
    }
    return variables;
  }

  /** Mount path to volume name. */
  private static Map<String, String> mounts(JsonObject container) {
    Map<String, String> mounts = new LinkedHashMap<>();
    for (JsonElement element : container.getAsJsonArray("volumeMounts")) {
      JsonObject mount = element.getAsJsonObject();
      mounts.put(mount.get("mountPath").getAsString(), mount.get("name").getAsString());
    }
    return mounts;
  }

  private static JsonObject volume(JsonObject pod, String name) {
    for (JsonElement element : pod.getAsJsonArray("volumes")) {
      if (name.equals(element.getAsJsonObject().get("name").getAsString())) {
        return element.getAsJsonObject();
      }
    }
    throw new AssertionError("no volume " + name);
  }
}
