package dev.tugboat.runner.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.backup.plan.IncludeClusterResources;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The selection options that {@code backup create} and {@code restore create} share; each command's
 * test proves that it passes them on.
 */
class SelectionOptionsTest {

  @Test
  void withoutOptionsEverythingIsSelected() {
    SelectionOptions options = parse();

    assertThat(options.includeNamespaces()).isEmpty();
    assertThat(options.excludeNamespaces()).isEmpty();
    assertThat(options.includeResources()).isEmpty();
    assertThat(options.excludeResources()).isEmpty();
    assertThat(options.selector()).isNull();
    assertThat(options.orSelectors()).isEmpty();
    assertThat(options.clusterResources()).isEqualTo(IncludeClusterResources.AUTO);
  }

  @Test
  void listsAreCommaSeparatedAndOrSelectorsRepeat() {
    SelectionOptions options =
        parse(
            "--include-namespaces", "shop,db-*",
            "--exclude-namespaces", "kube-*",
            "--include-resources", "deployments.apps,configmaps",
            "--exclude-resources", "secrets",
            "--or-selector", "app=shop,tier!=cache",
            "--or-selector", "app=db");

    assertThat(options.includeNamespaces()).containsExactly("shop", "db-*");
    assertThat(options.excludeNamespaces()).containsExactly("kube-*");
    assertThat(options.includeResources()).containsExactly("deployments.apps", "configmaps");
    assertThat(options.excludeResources()).containsExactly("secrets");
    // A selector's commas are its own: it is not split into several selectors.
    assertThat(options.orSelectors()).containsExactly("app=shop,tier!=cache", "app=db");
  }

  @Test
  void theSelectorHasAShortName() {
    assertThat(parse("-l", "app=shop,tier!=cache").selector()).isEqualTo("app=shop,tier!=cache");
    assertThat(parse("--selector", "app=db").selector()).isEqualTo("app=db");
  }

  @Test
  void theClusterResourcesModeIsReadInAnyCase() {
    assertThat(parse("--include-cluster-resources", "TRUE").clusterResources())
        .isEqualTo(IncludeClusterResources.TRUE);
    assertThat(parse("--include-cluster-resources", "false").clusterResources())
        .isEqualTo(IncludeClusterResources.FALSE);
    assertThat(parse("--include-cluster-resources", "Auto").clusterResources())
        .isEqualTo(IncludeClusterResources.AUTO);
  }

  @Test
  void anUnknownClusterResourcesModeIsRefusedByName() {
    SelectionOptions options = parse("--include-cluster-resources", "maybe");

    assertThatThrownBy(options::clusterResources)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--include-cluster-resources must be auto, true or false, not 'maybe'");
  }

  private static SelectionOptions parse(String... args) {
    Selecting command = new Selecting();
    new CommandLine(command).parseArgs(args);
    return command.selection;
  }

  @Command(name = "select")
  static class Selecting {
    @Mixin SelectionOptions selection;
  }
}
