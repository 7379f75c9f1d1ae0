package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tugboat.core.store.TugboatHome;
import dev.tugboat.core.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandbox start --seed demo --nodes 3} as its own process, used with kubectl, then stopped.
 */
class SandboxProcessTest {

  private static final String NAME = "process-test";

  @TempDir Path directory;

  @Test
  void startsTheDemoOnThreeNodesServesKubectlAndStops() throws Exception {
    assumeTrue(Kubectl.available(), "kubectl is not on the PATH");
    Path kubeconfig = directory.resolve("kubeconfig");
    // the pid file goes to ~/.tugboat/sandboxes unless TUGBOAT_HOME is set: keep it in the test's
    List<String> jvmOptions = List.of("-Xmx512m", "-Duser.home=" + directory);
    Process sandbox =
        ChildJvm.start(
            SandboxCommand.class,
            jvmOptions,
            List.of(
                "start",
                "--name",
                NAME,
                "--seed",
                "demo",
                "--nodes",
                "3",
                "--kubeconfig",
                kubeconfig.toString()));
    try {
      BlockingQueue<String> output = lines(sandbox);
      assertThat(nextLine(output))
          .matches(
              "sandbox process-test \\(a test/demo double, not a cluster\\) serving at"
                  + " http://127\\.0\\.0\\.1:\\d+");
      assertThat(nextLine(output)).isEqualTo("kubeconfig: " + kubeconfig);
      assertThat(nextLine(output)).isEqualTo("seed: demo");

      Kubectl kubectl = new Kubectl(kubeconfig);
      List<String> expectedPhases = new ArrayList<>(Collections.nCopies(21, "Running"));
      expectedPhases.add("Succeeded"); // the Job's pod
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(podPhases(kubectl)).isEqualTo(expectedPhases));
      assertThat(kubectl.run("get", "nodes", "-o", "name").out().lines())
          .containsExactly("node/node-1", "node/node-2", "node/node-3");

      Process stop =
          ChildJvm.start(SandboxCommand.class, jvmOptions, List.of("stop", "--name", NAME));
      assertThat(stop.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("sandbox " + NAME + " stopped\n");
      assertThat(stop.exitValue()).isZero();
      assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Path home = TugboatHome.resolve(System.getenv(), directory.toString());
      assertThat(home.resolve("sandboxes").resolve(NAME + ".pid")).doesNotExist();
    } finally {
      sandbox.destroyForcibly();
    }
  }

  /** The phases of all pods, sorted. */
  private static List<String> podPhases(Kubectl kubectl) throws Exception {
    Kubectl.Result result =
        kubectl.run(
            "get", "pods", "-A", "-o", "jsonpath={range .items[*]}{.status.phase}{\"\\n\"}{end}");
    assertThat(result.err()).isEmpty();
    return result.out().lines().sorted().toList();
  }

  /** The process's output, line by line, read on a thread of its own. */
  private static BlockingQueue<String> lines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
              } catch (IOException e) {
                // the process is gone; nextLine reports the missing line
              }
            },
            "sandbox-process-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String nextLine(BlockingQueue<String> lines) throws InterruptedException {
    String line = lines.poll(60, TimeUnit.SECONDS);
    assertThat(line).as("the sandbox process printed no further line within a minute").isNotNull();
    return line;
  }
}
