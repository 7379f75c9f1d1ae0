package dev.tugboat.runner.command;

import dev.tugboat.core.cluster.ClusterSettings;
import picocli.CommandLine.Option;

/**
 * How fast a job may call the Kubernetes API: a steady rate and a burst above it. A picocli mixin
 * of {@code backup create} and {@code restore create}.
 */
final class RateOptions {

  @Option(
      names = "--qps",
      paramLabel = "QPS",
      description = "API requests per second (default: " + ClusterSettings.DEFAULT_QPS + ").")
  double qps = ClusterSettings.DEFAULT_QPS;

  @Option(
      names = "--burst",
      paramLabel = "N",
      description =
          "API requests allowed at once above the rate (default: "
              + ClusterSettings.DEFAULT_BURST
              + ").")
  int burst = ClusterSettings.DEFAULT_BURST;

  double qps() {
    return qps;
  }

  int burst() {
    return burst;
  }
}
