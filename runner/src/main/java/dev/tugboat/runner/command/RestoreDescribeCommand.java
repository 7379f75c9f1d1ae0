package dev.tugboat.runner.command;

import dev.tugboat.restore.report.RestoreSummary;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What the store records about one finished restore, as {@code velero restore describe} shows. */
@Command(
    name = "describe",
    description = {
      "Describe a finished restore: its backup, phase, namespace mappings, policy for existing objects,"
          + " when it ran, how many items it created, updated, left alone or failed, its errors and"
          + " warnings, and its rollback if it was rolled back (RollingBack, RolledBack or"
          + " FailedRollback).",
      "With --details, also every restored item by type and every error and warning message."
    })
public class RestoreDescribeCommand implements Callable<Integer> {

  private static final String NONE = "<none>";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The restore.")
  String name;

  @Option(
      names = "--details",
      description = "Also list the restored items and the error and warning messages.")
  boolean details;

  @Override
  public Integer call() {
    Globals globals = Globals.of(spec);
    PublishedRestore restore = PublishedRestore.find(Stores.open(globals), name);
    Description description = new Description(restore.summary(), restore.rollback().orElse(null));
    if (details) {
      description = description.withDetails(restore);
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
    RestoreSummary restore = description.restore();
    printer.line("Name:  %s", restore.name());
    printer.line("Phase:  %s%s", restore.phase(), restore.dryRun() ? " (dry run)" : "");
    printer.line("");
    printer.line("Backup:  %s", restore.backup());
    printer.line("");
    printer.line("Namespace mappings:  %s", mappings(restore.namespaceMapping()));
    printer.line("");
    printer.line("Existing resource policy:  %s", restore.existingResourcePolicy());
    printer.line("");
    printer.line("Started:    %s", restore.started());
    printer.line("Completed:  %s", restore.completed());
    printer.line("");
    printer.line("Items:");
    if (restore.items().isEmpty()) {
      printer.line("  %s", NONE);
    }
    restore.items().forEach((word, count) -> printer.line("  %s:  %d", word, count));
    printer.line("");
    printer.line("Errors:    %d", restore.errors());
    printer.line("Warnings:  %d", restore.warnings());
    PublishedRestore.RollbackState rollback = description.rollback();
    if (rollback != null) {
      printer.line("");
      printer.line("Rollback:  %s", rollback.phase());
      printer.line("  Started:    %s", rollback.started());
      printer.line("  Completed:  %s", rollback.completed() == null ? NONE : rollback.completed());
      rollback.items().forEach((word, count) -> printer.line("  %s:  %d", word, count));
    }
    if (description.details()) {
      DescribeDetails.printResourceList(
          printer, "restore", description.resourceList(), description.resourceListError());
      DescribeDetails.printResults(
          printer, "restore", description.results(), description.resultsError());
    }
  }

  private static String mappings(Map<String, String> mapping) {
    if (mapping.isEmpty()) {
      return NONE;
    }
    return mapping.entrySet().stream()
        .map(pair -> pair.getKey() + ":" + pair.getValue())
        .collect(Collectors.joining(", "));
  }

  /**
   * What is printed; also the JSON form. The detail fields are null (left out of the JSON) without
   * {@code --details}; with it, each part holds either its content or the reason it could not be
   * read.
   *
   * @param rollback the restore's rollback; null (left out of the JSON) when never rolled back
   * @param resourceList the restored items by {@code <apiVersion>/<Kind>}, each with its outcome
   */
  record Description(
      RestoreSummary restore,
      PublishedRestore.RollbackState rollback,
      boolean details,
      SortedMap<String, List<String>> resourceList,
      String resourceListError,
      BackupResults results,
      String resultsError) {

    Description(RestoreSummary restore, PublishedRestore.RollbackState rollback) {
      this(restore, rollback, false, null, null, null, null);
    }

    Description withDetails(PublishedRestore files) {
      SortedMap<String, List<String>> resourceList = null;
      String resourceListError = null;
      try {
        resourceList = files.resourceList();
      } catch (RestoreFileException e) {
        resourceListError = e.reason();
      }
      BackupResults results = null;
      String resultsError = null;
      try {
        results = files.results();
      } catch (RestoreFileException e) {
        resultsError = e.reason();
      }
      return new Description(
          restore, rollback, true, resourceList, resourceListError, results, resultsError);
    }
  }
}
