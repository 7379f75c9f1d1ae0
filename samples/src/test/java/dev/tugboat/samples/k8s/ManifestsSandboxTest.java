package dev.tugboat.samples.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.samples.sandbox.SandboxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every manifest of {@code samples/k8s} passes {@code kubectl apply --dry-run=client} (kubectl
 * 1.32, with its default validation) and is really applied to a sandbox, which gives back what was
 * written.
 */
class ManifestsSandboxTest {

  @RegisterExtension
  SandboxExtension sandbox =
      // the plain API server: simulated controllers would start the Jobs' pods here
      SandboxExtension.builder().options(options -> options.simulation(false)).build();

  private KubectlRunner kubectl;

  @BeforeAll
  static void needsKubectl() {
    assumeTrue(KubectlRunner.available(), "kubectl is not on the PATH");
  }

  @BeforeEach
  void setUp() {
    kubectl = new KubectlRunner(sandbox.kubeconfig());
  }

  @ParameterizedTest
  @FieldSource("dev.tugboat.samples.k8s.Manifests#FILES")
  void passesAClientDryRun(String file) throws Exception {
    KubectlRunner.Result result =
        kubectl.run("apply", "--dry-run=client", "-f", Manifests.path(file).toString());

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).containsExactlyElementsOf(applied(file, "created (dry run)"));
  }

  @Test
  void appliesEveryManifestInTheReadmeOrder() throws Exception {
    for (String file : Manifests.FILES) {
      KubectlRunner.Result result = kubectl.run("apply", "-f", Manifests.path(file).toString());

      assertThat(result.err()).as(file).isEmpty();
      assertThat(result.out().lines()).as(file).containsExactlyElementsOf(applied(file, "created"));
    }
  }

  @Test
  void theAppliedCronJobKeepsItsPolicies() throws Exception {
    applyAll();

    JsonObject cronJob = get("cronjob", "tugboat-nightly", "-n", "tugboat");
    JsonObject spec = cronJob.getAsJsonObject("spec");
    assertThat(spec.get("schedule").getAsString()).isEqualTo("0 2 * * *");
    assertThat(spec.get("concurrencyPolicy").getAsString()).isEqualTo("Forbid");
    assertThat(spec.get("successfulJobsHistoryLimit").getAsInt()).isEqualTo(3);
    assertThat(spec.get("failedJobsHistoryLimit").getAsInt()).isEqualTo(5);
    JsonObject jobSpec = Manifests.jobSpec(cronJob);
    assertThat(jobSpec.get("ttlSecondsAfterFinished").getAsInt()).isEqualTo(604800);
    assertThat(jobSpec.get("backoffLimit").getAsInt()).isEqualTo(3);
    assertThat(PodFailurePolicyTest.rule(jobSpec, "FailJob"))
        .isEqualTo(PodFailurePolicyTest.exitCodes(2, 3, 4));
    assertThat(PodFailurePolicyTest.rule(jobSpec, "Count"))
        .isEqualTo(PodFailurePolicyTest.exitCodes(1));
    JsonObject podSpec = jobSpec.getAsJsonObject("template").getAsJsonObject("spec");
    assertThat(podSpec.get("serviceAccountName").getAsString()).isEqualTo("tugboat-backup");
    assertThat(podSpec.get("restartPolicy").getAsString()).isEqualTo("Never");
  }

  @Test
  void theAppliedRolesKeepTheirRules() throws Exception {
    applyAll();

    for (String role :
        List.of("tugboat-backup-builtin", "tugboat-backup-secrets", "tugboat-restore-builtin")) {
      assertThat(get("clusterrole", role).get("rules"))
          .as(role)
          .isEqualTo(Manifests.object("ClusterRole", role).get("rules"));
    }
    JsonObject aggregated = get("clusterrole", "tugboat-backup");
    assertThat(aggregated.get("aggregationRule"))
        .isEqualTo(Manifests.object("ClusterRole", "tugboat-backup").get("aggregationRule"));
    JsonObject binding = get("clusterrolebinding", "tugboat-backup");
    assertThat(Manifests.string(binding, "roleRef", "name")).isEqualTo("tugboat-backup");
    assertThat(
            binding.getAsJsonArray("subjects").get(0).getAsJsonObject().get("name").getAsString())
        .isEqualTo("tugboat-backup");
  }

  private void applyAll() throws Exception {
    for (String file : Manifests.FILES) {
      KubectlRunner.Result result = kubectl.run("apply", "-f", Manifests.path(file).toString());
      assertThat(result.exitCode()).as(file + ": " + result.err()).isZero();
    }
  }

  private JsonObject get(String... resource) throws Exception {
    List<String> args = new ArrayList<>(List.of("get"));
    args.addAll(List.of(resource));
    args.addAll(List.of("-o", "json"));
    KubectlRunner.Result result = kubectl.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isZero();
    return JsonParser.parseString(result.out()).getAsJsonObject();
  }

  /**
   * What {@code kubectl apply} prints for each object of a file, e.g. {@code job.batch/x created}.
   */
  private static List<String> applied(String file, String outcome) {
    return Manifests.documents(file).stream()
        .map(document -> objectName(document) + " " + outcome)
        .toList();
  }

  private static String objectName(JsonObject document) {
    String apiVersion = Manifests.string(document, "apiVersion");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : "." + apiVersion.substring(0, slash);
    return Manifests.string(document, "kind").toLowerCase(Locale.ROOT)
        + group
        + "/"
        + Manifests.string(document, "metadata", "name");
  }
}
