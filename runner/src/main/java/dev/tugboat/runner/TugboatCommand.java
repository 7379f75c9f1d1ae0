package dev.tugboat.runner;

import dev.tugboat.runner.command.ApiResourcesCommand;
import dev.tugboat.runner.command.ArchiveCommand;
import dev.tugboat.runner.command.BackupCommand;
import dev.tugboat.runner.command.CapacityCommand;
import dev.tugboat.runner.command.JobsCommand;
import dev.tugboat.runner.command.MigrateCommand;
import dev.tugboat.runner.command.MigrationCommand;
import dev.tugboat.runner.command.RestoreCommand;
import dev.tugboat.runner.command.RollbackCommand;
import dev.tugboat.runner.command.VersionCommand;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the command tree. Its options are global: they are accepted before or after any
 * subcommand and read by subcommands through {@link Globals#of}.
 */
@Command(
    name = "tugboat",
    // INHERIT gives every subcommand --help (and --version) without repeating it.
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Backs up, restores and migrates Kubernetes applications, in a format Velero can read.",
      ""
    },
    subcommands = {
      HelpCommand.class,
      VersionCommand.class,
      ApiResourcesCommand.class,
      ArchiveCommand.class,
      BackupCommand.class,
      CapacityCommand.class,
      JobsCommand.class,
      MigrateCommand.class,
      MigrationCommand.class,
      RestoreCommand.class,
      RollbackCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done",
      "  1  a job failed or was stopped (SIGTERM, `jobs stop`); the same command again resumes it",
      "  2  usage error",
      "  3  finished with warnings or a partial result",
      "  4  precondition or configuration error; retrying will not help",
      "  5  the same run is already in progress"
    })
public class TugboatCommand implements Globals {

  @Option(
      names = "--kubeconfig",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then in-cluster service account).")
  Path kubeconfig;

  @Option(
      names = "--context",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description = "Kubeconfig context (default: the current context).")
  String context;

  @Option(
      names = "--store",
      scope = ScopeType.INHERIT,
      paramLabel = "URI",
      description = {
        "Backup store: file:///path or s3://bucket/prefix?endpoint=https://host (default: ~/.tugboat/store,"
            + " or $TUGBOAT_HOME/store)."
      })
  String store;

  @Option(
      names = "--output",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(
      names = "--log-format",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      defaultValue = "${env:TUGBOAT_LOG_FORMAT:-text}",
      description =
          "Log lines on standard error: ${COMPLETION-CANDIDATES}, one JSON object a line"
              + " (default: $TUGBOAT_LOG_FORMAT, else text).")
  LogFormat logFormat;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public String context() {
    return context;
  }

  @Override
  public String store() {
    return store;
  }

  @Override
  public OutputFormat output() {
    return output;
  }

  @Override
  public LogFormat logFormat() {
    return logFormat;
  }

  @Override
  public boolean debug() {
    return debug;
  }
}
