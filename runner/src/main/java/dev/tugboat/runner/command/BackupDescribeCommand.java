package dev.tugboat.runner.command;

import dev.tugboat.backup.velero.BackupMetadata;
import dev.tugboat.core.cluster.ServerVersion;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Everything the store knows about one backup, as {@code velero backup describe} shows it. */
@Command(
    name = "describe",
    description = {
      "Describe a backup: what it selected, when it ran, how many items it holds, its errors and warnings, the"
          + " version of the cluster it came from.",
      "With --details, also every backed-up item by type and every error and warning message."
    })
public class BackupDescribeCommand implements Callable<Integer> {

  private static final String NONE = "<none>";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The backup.")
  String name;

  @Option(
      names = "--details",
      description = "Also list the backed-up items and the error and warning messages.")
  boolean details;

  @Override
  public Integer call() {
    Globals globals = Globals.of(spec);
    PublishedBackup backup = PublishedBackup.find(Stores.open(globals), name);
    BackupMetadata metadata = backup.metadata();
    Description description = new Description(metadata, metadata.expiredAt(Instant.now()));
    if (details) {
      description = description.withDetails(backup);
    }
    Printer printer = new Printer(spec);
    if (globals.output() == OutputFormat.json) {
      printer.json(description);
    } else {
      printText(printer, description);
    }
    return 0;
  }

  private static void printText(Printer printer, Description description) {
    BackupMetadata backup = description.backup();
    printer.line("Name:  %s", backup.name());
    printer.line("Phase:  %s", orNone(backup.phase()));
    printer.line("");
    printer.line("Namespaces:");
    printer.line("  Included:  %s", list(backup.includedNamespaces(), "*"));
    printer.line("  Excluded:  %s", list(backup.excludedNamespaces(), NONE));
    printer.line("");
    printer.line("Resources:");
    printer.line("  Included:        %s", list(backup.includedResources(), "*"));
    printer.line("  Excluded:        %s", list(backup.excludedResources(), NONE));
    printer.line("  Cluster-scoped:  %s", clusterScoped(backup.includeClusterResources()));
    printer.line("");
    printer.line("Label selector:  %s", orNone(backup.labelSelector()));
    printer.line("");
    printer.line("Or label selector:  %s", orNone(String.join(" or ", backup.orLabelSelectors())));
    printer.line("");
    printer.line("Storage Location:  %s", orNone(backup.storageLocation()));
    printer.line("");
    printer.line("TTL:  %s", orNone(backup.ttl()));
    printer.line("");
    printer.line("Backup Format Version:  %s", orNone(backup.formatVersion()));
    printer.line("");
    printer.line("Started:    %s", orNone(backup.started()));
    printer.line("Completed:  %s", orNone(backup.completed()));
    printer.line("");
    printer.line("Expiration:  %s", expiration(description));
    printer.line("");
    printer.line("Total items to be backed up:  %d", backup.totalItems());
    printer.line("Items backed up:              %d", backup.itemsBackedUp());
    printer.line("");
    printer.line("Errors:    %d", backup.errors());
    printer.line("Warnings:  %d", backup.warnings());
    printer.line("");
    printer.line("Source cluster version:  %s", sourceCluster(backup.sourceCluster()));
    if (backup.sha256() != null) {
      printer.line("Archive SHA-256:  %s", backup.sha256());
    }
    if (description.details()) {
      DescribeDetails.printResourceList(
          printer, "backup", description.resourceList(), description.resourceListError());
      DescribeDetails.printResults(
          printer, "backup", description.results(), description.resultsError());
    }
  }

  private static String list(List<String> values, String whenEmpty) {
    return values.isEmpty() ? whenEmpty : String.join(", ", values);
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? NONE : value;
  }

  /** Velero's wording: unset means cluster-scoped types only when every namespace is included. */
  private static String clusterScoped(Boolean include) {
    if (include == null) {
      return "auto";
    }
    return include ? "included" : "excluded";
  }

  private static String expiration(Description description) {
    String expiration = description.backup().expiration();
    if (expiration == null) {
      return "never";
    }
    return description.expired() ? expiration + " (expired)" : expiration;
  }

  private static String sourceCluster(ServerVersion version) {
    if (version == null) {
      return "<unknown>";
    }
    return version.gitVersion() + " (major " + version.major() + ", minor " + version.minor() + ")";
  }

  /**
   * What is printed; also the JSON form. The detail fields are null (left out of the JSON) without
   * {@code --details}; with it, each part holds either its content or the reason it could not be
   * read.
   *
   * @param expired whether the expiration has passed, so Velero may delete the backup
   * @param resourceList the backed-up items by {@code <apiVersion>/<Kind>}
   */
  record Description(
      BackupMetadata backup,
      boolean expired,
      boolean details,
      SortedMap<String, List<String>> resourceList,
      String resourceListError,
      BackupResults results,
      String resultsError) {

    Description(BackupMetadata backup, boolean expired) {
      this(backup, expired, false, null, null, null, null);
    }

    Description withDetails(PublishedBackup files) {
      SortedMap<String, List<String>> resourceList = null;
      String resourceListError = null;
      try {
        resourceList = files.resourceList();
      } catch (BackupFileException e) {
        resourceListError = e.reason();
      }
      BackupResults results = null;
      String resultsError = null;
      try {
        results = files.results();
      } catch (BackupFileException e) {
        resultsError = e.reason();
      }
      return new Description(
          backup, expired, true, resourceList, resourceListError, results, resultsError);
    }
  }
}
