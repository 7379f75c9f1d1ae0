package dev.tugboat.runner.command;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.report.RestoreSummary;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** One line per finished restore recorded in the store. */
@Command(
    name = "list",
    description = {
      "List the finished restores recorded in the store, sorted by name: backup, phase, start, errors,"
          + " warnings, end and the phase of its rollback, if any. A restore still running or interrupted is not listed until it finishes.",
      "A restore whose tugboat-restore.json cannot be read is listed as Unreadable with the reason; the exit"
          + " code is then 3."
    })
public class RestoreListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Globals globals = Globals.of(spec);
    BackupStore store = Stores.open(globals);
    List<Row> rows = new ArrayList<>();
    for (String name : PublishedRestore.list(store)) {
      try {
        PublishedRestore restore = PublishedRestore.find(store, name);
        rows.add(
            Row.of(
                restore.summary(),
                restore.rollback().map(PublishedRestore.RollbackState::phase).orElse(null)));
      } catch (RestoreFileException e) {
        rows.add(Row.unreadable(name, e.reason()));
      }
    }
    Printer printer = new Printer(spec);
    if (globals.output() == OutputFormat.json) {
      printer.json(new Listing(store.location(), rows));
    } else {
      printText(printer, store.location(), rows);
    }
    boolean allReadable = rows.stream().allMatch(row -> row.reason() == null);
    return allReadable ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  private void printText(Printer printer, String location, List<Row> rows) {
    if (rows.isEmpty()) {
      printer.line("No restores in %s", location);
      return;
    }
    TextTable table =
        new TextTable(
            "NAME", "BACKUP", "PHASE", "STARTED", "ERRORS", "WARNINGS", "COMPLETED", "ROLLBACK");
    for (Row row : rows) {
      table.add(
          row.name(),
          orDash(row.backup()),
          row.phase(),
          orDash(row.started()),
          orDash(row.errors()),
          orDash(row.warnings()),
          orDash(row.completed()),
          orDash(row.rollback()));
    }
    table.print(printer);
    for (Row row : rows) {
      if (row.reason() != null) {
        spec.commandLine()
            .getErr()
            .printf("tugboat: warning: restore '%s': %s%n", row.name(), row.reason());
      }
    }
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  /** The JSON form: the store and its restores. */
  record Listing(String store, List<Row> restores) {}

  /**
   * One restore; also its JSON form. The fields read from the summary are null (left out of the
   * JSON) for an unreadable restore, and {@code reason} is null for a readable one.
   *
   * @param phase Velero's phase, or {@code Unreadable}
   * @param rollback the phase of its rollback; null when never rolled back
   */
  record Row(
      String name,
      String backup,
      String phase,
      String started,
      String completed,
      Integer errors,
      Integer warnings,
      String rollback,
      String reason) {

    static Row of(RestoreSummary summary, String rollback) {
      return new Row(
          summary.name(),
          summary.backup(),
          summary.phase(),
          summary.started(),
          summary.completed(),
          summary.errors(),
          summary.warnings(),
          rollback,
          null);
    }

    static Row unreadable(String name, String reason) {
      return new Row(
          name, null, BackupListCommand.UNREADABLE, null, null, null, null, null, reason);
    }
  }
}
