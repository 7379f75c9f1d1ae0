package dev.tugboat.samples.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The image of {@code samples/k8s/Dockerfile} (which cannot be built here: no Docker engine) runs
 * the tugboat jar with the runner's JVM options, as the user the manifests expect.
 */
class DockerfileTest {

  private static final Path DOCKERFILE = Manifests.FOLDER.resolve("Dockerfile");

  @Test
  void theEntrypointRunsTheJarWithTheRunnersJvmOptionsAsAnArgumentFile() throws Exception {
    JsonArray entrypoint = JsonParser.parseString(instruction("ENTRYPOINT")).getAsJsonArray();

    assertThat(entrypoint)
        .hasToString(
            "[\"java\",\"@/opt/tugboat/jvm.options\",\"-XX:MaxRAMPercentage=75\",\"-jar\","
                + "\"/opt/tugboat/tugboat.jar\"]");
    assertThat(lines("COPY"))
        .containsExactly(
            "COPY runner/jvm.options /opt/tugboat/jvm.options",
            "COPY runner/target/runner-*-exec.jar /opt/tugboat/tugboat.jar");
  }

  @Test
  void javaReadsTheRunnersJvmOptionsFileWithItsComments() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "@" + Path.of("..", "runner", "jvm.options"),
                "-XX:+PrintFlagsFinal",
                "-version")
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out).containsPattern("TieredStopAtLevel += 1 +\\{product\\} \\{command line\\}");
    assertThat(out).containsPattern("UseSerialGC += true +\\{product\\} \\{command line\\}");
  }

  @Test
  void theImageRunsAsTheNonRootUserOfTheManifests() throws Exception {
    assertThat(instruction("FROM")).isEqualTo("eclipse-temurin:17-jre");
    assertThat(instruction("USER")).isEqualTo("10001:10001");
    for (JsonObject job : Manifests.jobs()) {
      JsonObject pod = Manifests.jobSpec(job).getAsJsonObject("template").getAsJsonObject("spec");
      assertThat(Manifests.string(pod, "securityContext", "runAsUser")).isEqualTo("10001");
      assertThat(Manifests.string(pod, "securityContext", "runAsGroup")).isEqualTo("10001");
    }
  }

  /** The argument of the Dockerfile's one instruction of that name. */
  private static String instruction(String name) throws Exception {
    List<String> lines = lines(name);
    assertThat(lines).as(name).hasSize(1);
    return lines.get(0).substring(name.length() + 1);
  }

  private static List<String> lines(String instruction) throws Exception {
    return Files.readAllLines(DOCKERFILE).stream()
        .filter(line -> line.startsWith(instruction + " "))
        .toList();
  }
}
