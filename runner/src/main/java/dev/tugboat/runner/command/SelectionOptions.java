package dev.tugboat.runner.command;

import dev.tugboat.backup.plan.IncludeClusterResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The filters that pick the objects of a backup or a restore, as Velero names them: namespaces,
 * resource types, cluster-scoped types and labels. A picocli mixin of {@code backup create} and
 * {@code restore create}, so that both accept the same options with the same meaning.
 */
final class SelectionOptions {

  @Option(
      names = "--include-namespaces",
      split = ",",
      paramLabel = "GLOB",
      description = "Namespaces to include, comma-separated globs (default: all).")
  List<String> includeNamespaces = new ArrayList<>();

  @Option(
      names = "--exclude-namespaces",
      split = ",",
      paramLabel = "GLOB",
      description = "Namespaces to leave out, comma-separated globs.")
  List<String> excludeNamespaces = new ArrayList<>();

  @Option(
      names = "--include-resources",
      split = ",",
      paramLabel = "RESOURCE",
      description =
          "Resource types to include, e.g. deployments.apps,configmaps or globs (default: all;"
              + " a backup leaves events out).")
  List<String> includeResources = new ArrayList<>();

  @Option(
      names = "--exclude-resources",
      split = ",",
      paramLabel = "RESOURCE",
      description = "Resource types to leave out.")
  List<String> excludeResources = new ArrayList<>();

  @Option(
      names = "--include-cluster-resources",
      paramLabel = "MODE",
      defaultValue = "auto",
      description =
          "Cluster-scoped types: auto (all when every namespace is included, else those that the"
              + " selected objects need), true or false (default: ${DEFAULT-VALUE}).")
  String includeClusterResources;

  @Option(
      names = {"--selector", "-l"},
      paramLabel = "SELECTOR",
      description = "Only objects whose labels match, e.g. app=shop,tier!=cache.")
  String selector;

  @Option(
      names = "--or-selector",
      paramLabel = "SELECTOR",
      description =
          "Objects whose labels match any of these selectors; repeatable; not with --selector.")
  List<String> orSelectors = new ArrayList<>();

  List<String> includeNamespaces() {
    return includeNamespaces;
  }

  List<String> excludeNamespaces() {
    return excludeNamespaces;
  }

  List<String> includeResources() {
    return includeResources;
  }

  List<String> excludeResources() {
    return excludeResources;
  }

  /** The {@code --selector}, or null when not given. */
  String selector() {
    return selector;
  }

  List<String> orSelectors() {
    return orSelectors;
  }

  /**
   * The {@code --include-cluster-resources} mode: {@code auto}, {@code true} or {@code false}, in
   * any case. Parsed here rather than by picocli so that a wrong value is a refused request (exit
   * code 4) that names the option, like the other selection errors the requests report.
   *
   * @throws IllegalArgumentException naming the option and the value
   */
  IncludeClusterResources clusterResources() {
    return switch (includeClusterResources.toLowerCase(Locale.ROOT)) {
      case "auto" -> IncludeClusterResources.AUTO;
      case "true" -> IncludeClusterResources.TRUE;
      case "false" -> IncludeClusterResources.FALSE;
      default ->
          throw new IllegalArgumentException(
              "--include-cluster-resources must be auto, true or false, not '"
                  + includeClusterResources
                  + "'");
    };
  }
}
