package dev.tugboat.runner.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.cluster.ClusterSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The API rate options that {@code backup create} and {@code restore create} share; each command's
 * test proves that it passes them on.
 */
class RateOptionsTest {

  @Test
  void withoutOptionsTheClusterDefaultsApply() {
    RateOptions rate = parse();

    assertThat(rate.qps()).isEqualTo(ClusterSettings.DEFAULT_QPS);
    assertThat(rate.burst()).isEqualTo(ClusterSettings.DEFAULT_BURST);
  }

  @Test
  void theRateAndBurstAreTheGivenNumbers() {
    RateOptions rate = parse("--qps", "12.5", "--burst", "40");

    assertThat(rate.qps()).isEqualTo(12.5);
    assertThat(rate.burst()).isEqualTo(40);
  }

  private static RateOptions parse(String... args) {
    Limited command = new Limited();
    new CommandLine(command).parseArgs(args);
    return command.rate;
  }

  @Command(name = "limited")
  static class Limited {
    @Mixin RateOptions rate;
  }
}
