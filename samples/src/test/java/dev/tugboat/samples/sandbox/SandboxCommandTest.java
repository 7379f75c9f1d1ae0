package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.karmada.PropagationController;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SandboxCommandTest {

  @Test
  void helpSaysItIsATestDouble() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new SandboxCommand());
    commandLine.setOut(new PrintWriter(out));
    assertThat(commandLine.execute("--help")).isZero();
    assertThat(out.toString()).contains("TEST AND DEMO DOUBLE").contains("start").contains("stop");

    StringWriter startHelp = new StringWriter();
    commandLine.setOut(new PrintWriter(startHelp));
    assertThat(commandLine.execute("start", "--help")).isZero();
    assertThat(startHelp.toString())
        .contains("test/demo double")
        .contains("--faults")
        .contains("--latency")
        .contains("--seed")
        .contains("--[no-]simulation")
        .contains("--kubelet-delay");
  }

  @Test
  void refusesAnUnknownSeedBeforeStarting() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new SandboxCommand());
    commandLine.setErr(new PrintWriter(err));
    int exitCode =
        commandLine.execute("start", "--seed", "prod", "--kubeconfig", "never-written.yaml");
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "Unknown seed \"prod\": expected empty, demo or"
                + " generated:<namespaces>x<objectsPerNamespace> (e.g. generated:100x1000)");
  }

  @Test
  void karmadaStartsAControlPlaneDoubleWithoutTheSimulatedCluster() {
    SandboxCommand.Start start = new SandboxCommand.Start();
    new CommandLine(start)
        .parseArgs("--karmada", "member1,member2", "--seed", "demo", "--kubeconfig", "k.yaml");

    SandboxOptions options = start.options();

    assertThat(options.simulation()).isFalse();
    assertThat(options.seed().name()).isEqualTo("karmada+demo");
    assertThat(options.controllers()).hasExactlyElementsOfTypes(PropagationController.class);
    try (Stream<JsonObject> objects = options.seed().objects()) {
      assertThat(
              objects
                  .filter(object -> "Cluster".equals(JsonFields.string(object, "kind")))
                  .map(JsonFields::name))
          .containsExactly("member1", "member2");
    }
  }

  @Test
  void parsesDurations() {
    assertThat(SandboxCommand.parseDuration("5ms")).isEqualTo(Duration.ofMillis(5));
    assertThat(SandboxCommand.parseDuration("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(SandboxCommand.parseDuration("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> SandboxCommand.parseDuration("soon"))
        .hasMessage("\"soon\" is not a duration such as 5ms, 2s or 1m");
  }

  @Test
  void parsesFaultPlans() {
    assertThat(FaultPlan.parse("429=0.05,500=0.02,reset=0.01"))
        .isEqualTo(new FaultPlan(0.05, 0.02, 0.01));
    assertThatThrownBy(() -> FaultPlan.parse("503=0.1"))
        .hasMessage("unknown fault \"503\": use 429, 500, reset or forbid");
    assertThat(FaultPlan.parse("500=0.1,forbid=secrets,forbid=deployments.apps"))
        .isEqualTo(new FaultPlan(0, 0.1, 0, Set.of("secrets", "deployments.apps")));
    assertThatThrownBy(() -> FaultPlan.parse("429=0.7,500=0.7"))
        .hasMessageStartingWith("fault probabilities add up to more than 1");
  }
}
