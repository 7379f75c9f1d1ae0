package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** kubectl 1.32 against the sandbox, without {@code --validate=false}. */
class KubectlTest {

  @RegisterExtension
  SandboxExtension sandbox =
      // the plain API server: simulated controllers would write to the pods and workloads here
      SandboxExtension.builder().options(options -> options.simulation(false)).build();

  @TempDir Path directory;

  private Kubectl kubectl;
  private RawApi raw;

  @BeforeAll
  static void needsKubectl() {
    assumeTrue(Kubectl.available(), "kubectl is not on the PATH");
  }

  @BeforeEach
  void setUp() {
    kubectl = new Kubectl(sandbox.kubeconfig());
    raw = new RawApi(sandbox.url());
  }

  @Test
  void getsNamespacesAndApiResources() throws Exception {
    Kubectl.Result namespaces = kubectl.run("get", "namespaces", "-o", "name");
    assertThat(namespaces.exitCode()).isZero();
    assertThat(namespaces.out().lines())
        .containsExactly(
            "namespace/default",
            "namespace/kube-node-lease",
            "namespace/kube-public",
            "namespace/kube-system");

    Kubectl.Result resources = kubectl.run("api-resources", "-o", "name");
    assertThat(resources.exitCode()).isZero();
    assertThat(resources.out().lines())
        .contains("pods", "deployments.apps", "customresourcedefinitions.apiextensions.k8s.io")
        .hasSize(34);
  }

  @Test
  void appliesCreatesThenUpdatesAndScales() throws Exception {
    Path manifest = directory.resolve("web.yaml");
    Files.writeString(manifest, deploymentYaml(2, "nginx:1.27"));
    Kubectl.Result created = kubectl.run("apply", "-f", manifest.toString());
    assertThat(created.err()).isEmpty();
    assertThat(created.out()).isEqualTo("deployment.apps/web created\n");

    Files.writeString(manifest, deploymentYaml(3, "nginx:1.28"));
    assertThat(kubectl.run("apply", "-f", manifest.toString()).out())
        .isEqualTo("deployment.apps/web configured\n");
    assertThat(
            kubectl
                .run(
                    "get",
                    "deployment",
                    "web",
                    "-o",
                    "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}")
                .out())
        .isEqualTo("3 nginx:1.28");

    assertThat(kubectl.run("scale", "deployment", "web", "--replicas=5").out())
        .isEqualTo("deployment.apps/web scaled\n");
    String yaml = kubectl.run("get", "deployment", "web", "-o", "yaml").out();
    assertThat(yaml)
        .contains("  replicas: 5\n")
        .contains("kind: Deployment\n")
        .contains("  generation: 3\n");
  }

  @Test
  void createsWithTypedCommandsAndDeletes() throws Exception {
    assertThat(kubectl.run("create", "namespace", "demo").out())
        .isEqualTo("namespace/demo created\n");
    assertThat(
            kubectl
                .run("create", "configmap", "settings", "-n", "demo", "--from-literal=a=b")
                .out())
        .isEqualTo("configmap/settings created\n");
    assertThat(
            raw.get("/api/v1/namespaces/demo/configmaps/settings")
                .json()
                .getAsJsonObject("data")
                .get("a")
                .getAsString())
        .isEqualTo("b");

    assertThat(kubectl.run("delete", "configmap", "settings", "-n", "demo").out())
        .isEqualTo("configmap \"settings\" deleted\n");
    Kubectl.Result missing = kubectl.run("get", "configmap", "settings", "-n", "demo");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo("Error from server (NotFound): configmaps \"settings\" not found\n");
  }

  @Test
  void listsInChunks() throws Exception {
    for (int i = 1; i <= 5; i++) {
      raw.post(
          "/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"cm-" + i + "\"}}");
    }
    sandbox.sandbox().resetStats();
    Kubectl.Result result = kubectl.run("get", "configmaps", "--chunk-size=2", "-o", "name");
    assertThat(result.out().lines())
        .containsExactly(
            "configmap/cm-1",
            "configmap/cm-2",
            "configmap/cm-3",
            "configmap/cm-4",
            "configmap/cm-5");
    assertThat(sandbox.sandbox().stats().getAsJsonObject("byVerb").get("list").getAsInt())
        .isEqualTo(3);
  }

  @Test
  void watchesWithGetW() throws Exception {
    raw.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"first\"}}");
    try (Kubectl.Streaming watch = kubectl.stream("get", "configmaps", "-w", "-o", "name")) {
      assertThat(watch.nextLine()).isEqualTo("configmap/first");
      raw.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"second\"}}");
      assertThat(watch.nextLine()).isEqualTo("configmap/second");
    }
  }

  @Test
  void appliesADefinitionAndItsCustomResources() throws Exception {
    Path definition = directory.resolve("crd.yaml");
    Files.writeString(
        definition,
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: crontabs.stable.example.com
        spec:
          group: stable.example.com
          scope: Namespaced
          names: {plural: crontabs, singular: crontab, kind: CronTab, shortNames: [ct]}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """);
    Path resource = directory.resolve("cr.yaml");
    Files.writeString(
        resource,
        "apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata: {name: nightly}\nspec: {cron: '0 3 * * *'}\n");

    assertThat(kubectl.run("apply", "-f", definition.toString()).out())
        .isEqualTo(
            "customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n");
    assertThat(kubectl.run("apply", "-f", definition.toString()).out())
        .isEqualTo(
            "customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com unchanged\n");
    assertThat(
            kubectl
                .run("wait", "--for=condition=Established", "crd/crontabs.stable.example.com")
                .out())
        .isEqualTo(
            "customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com condition met\n");
    assertThat(kubectl.run("apply", "-f", resource.toString()).out())
        .isEqualTo("crontab.stable.example.com/nightly created\n");
    assertThat(kubectl.run("get", "ct", "-o", "name").out())
        .isEqualTo("crontab.stable.example.com/nightly\n");
  }

  private static String deploymentYaml(int replicas, String image) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
        spec:
          replicas: %d
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: %s
                ports: [{containerPort: 80}]
        """
        .formatted(replicas, image);
  }
}
