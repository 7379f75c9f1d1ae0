package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl get} prints the API server's Table columns from the sandbox, with the simulated
 * controllers and kubelet filling in the readiness it shows.
 */
class KubectlTableTest {

  private static final String NAMESPACE = "shop";

  @RegisterExtension
  static SandboxExtension sandbox =
      SandboxExtension.builder()
          .options(options -> options.nodes(new NodePool(1, "8", "16Gi")))
          .build();

  @TempDir static Path directory;

  private Kubectl kubectl;

  @BeforeAll
  static void runsAThreeReplicaDeployment() throws Exception {
    assumeTrue(Kubectl.available(), "kubectl is not on the PATH");
    Kubectl kubectl = new Kubectl(sandbox.kubeconfig());
    assertThat(kubectl.run("create", "namespace", NAMESPACE).exitCode()).isZero();
    Path manifest = directory.resolve("web.yaml");
    Files.writeString(
        manifest,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: %s
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """
            .formatted(NAMESPACE));
    assertThat(kubectl.run("apply", "-f", manifest.toString()).exitCode()).isZero();
    assertThat(sandbox.sandbox().awaitControllersIdle(Duration.ofSeconds(30))).isTrue();
  }

  @BeforeEach
  void setUp() {
    kubectl = new Kubectl(sandbox.kubeconfig());
  }

  @Test
  void getPodsShowsReadyContainersAndRunningStatus() throws Exception {
    List<List<String>> table = table("get", "pods", "-n", NAMESPACE);

    assertThat(table.get(0)).containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE");
    assertThat(table).hasSize(4);
    for (List<String> row : table.subList(1, 4)) {
      assertThat(row.get(0)).startsWith("web-");
      assertThat(row.subList(1, 4)).containsExactly("1/1", "Running", "0");
      assertThat(row.get(4)).matches("\\d+s");
    }
  }

  @Test
  void getDeploymentsShowsReadyOfDesired() throws Exception {
    List<List<String>> table = table("get", "deploy", "-n", NAMESPACE);

    assertThat(table.get(0)).containsExactly("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE");
    assertThat(table.get(1).subList(0, 4)).containsExactly("web", "3/3", "3", "3");
    assertThat(table).hasSize(2);
  }

  @Test
  void getNodesShowsReadyNodes() throws Exception {
    List<List<String>> table = table("get", "nodes");

    assertThat(table.get(0)).containsExactly("NAME", "STATUS", "ROLES", "AGE", "VERSION");
    assertThat(table.get(1)).hasSize(5);
    assertThat(table.get(1).subList(0, 3)).containsExactly("node-1", "Ready", "<none>");
    assertThat(table.get(1).get(4)).isEqualTo("v1.32.0");
  }

  @Test
  void wideOutputAddsTheIpAndNodeColumns() throws Exception {
    List<List<String>> table = table("get", "pods", "-n", NAMESPACE, "-o", "wide");

    assertThat(table.get(0))
        .containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE");
    for (List<String> row : table.subList(1, table.size())) {
      assertThat(row.get(5)).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
      assertThat(row.get(6)).isEqualTo("node-1");
    }
  }

  @Test
  void chunkedGetPagesThroughAllPodsUnderOneHeader() throws Exception {
    List<List<String>> whole = table("get", "pods", "-n", NAMESPACE);
    sandbox.sandbox().resetStats();

    List<List<String>> chunked = table("get", "pods", "-n", NAMESPACE, "--chunk-size=2");

    assertThat(chunked.stream().map(row -> row.get(0)))
        .containsExactlyElementsOf(whole.stream().map(row -> row.get(0)).toList());
    // three pods in pages of two: two list requests
    assertThat(sandbox.sandbox().stats().getAsJsonObject("byVerb").get("list").getAsInt())
        .isEqualTo(2);
  }

  @Test
  void watchPrintsTheHeaderOnceThenOneRowPerChange() throws Exception {
    try (Kubectl.Streaming watch = kubectl.stream("get", "configmaps", "-n", NAMESPACE, "-w")) {
      sandbox.sandbox().state().create(configMap("watched"));
      assertThat(cells(watch.nextLine())).containsExactly("NAME", "AGE");
      assertThat(cells(watch.nextLine()).get(0)).isEqualTo("watched");
      sandbox.sandbox().state().create(configMap("watched-too"));
      assertThat(cells(watch.nextLine()).get(0)).isEqualTo("watched-too");
    }
  }

  private static JsonObject configMap(String name) {
    return TestObjects.json(
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\""
            + NAMESPACE
            + "\"}}");
  }

  private static List<String> cells(String line) {
    return List.of(line.trim().split("\\s+"));
  }

  /** The output of a kubectl command that must succeed, as rows of whitespace-separated cells. */
  private List<List<String>> table(String... args) throws Exception {
    Kubectl.Result result = kubectl.run(args);
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    return result.out().lines().map(line -> List.of(line.trim().split("\\s+"))).toList();
  }
}
