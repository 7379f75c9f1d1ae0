package dev.tugboat.runner.command;

import dev.tugboat.backup.velero.BackupMetadata;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupNotFoundException;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** One line per published backup of the store. */
@Command(
    name = "list",
    description = {
      "List the published backups of the store, sorted by name: phase, items, errors, warnings, start and"
          + " expiration.",
      "A backup whose velero-backup.json cannot be read is listed as Unreadable with the reason; the exit code"
          + " is then 3."
    })
public class BackupListCommand implements Callable<Integer> {

  static final String UNREADABLE = "Unreadable";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Globals globals = Globals.of(spec);
    BackupStore store = Stores.open(globals);
    Instant now = Instant.now();
    List<Row> rows = new ArrayList<>();
    for (String name : new BackupCatalog(store).listBackups()) {
      try {
        rows.add(Row.of(name, PublishedBackup.find(store, name).metadata(), now));
      } catch (BackupFileException e) {
        rows.add(Row.unreadable(name, e.reason()));
      } catch (BackupNotFoundException e) {
        // Deleted since it was listed: it is no longer a backup of the store.
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
      printer.line("No backups in %s", location);
      return;
    }
    TextTable table =
        new TextTable("NAME", "PHASE", "ITEMS", "ERRORS", "WARNINGS", "CREATED", "EXPIRES");
    for (Row row : rows) {
      table.add(
          row.name(),
          row.phase() == null ? "<none>" : row.phase(),
          orDash(row.itemsBackedUp()),
          orDash(row.errors()),
          orDash(row.warnings()),
          orDash(row.created()),
          expires(row));
    }
    table.print(printer);
    for (Row row : rows) {
      if (row.reason() != null) {
        spec.commandLine()
            .getErr()
            .printf("tugboat: warning: backup '%s': %s%n", row.name(), row.reason());
      }
    }
  }

  private static String expires(Row row) {
    if (row.reason() != null) {
      return "-";
    }
    if (row.expires() == null) {
      return "never";
    }
    return row.expired() ? row.expires() + " (expired)" : row.expires();
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  /** The JSON form: the store and its backups. */
  record Listing(String store, List<Row> backups) {}

  /**
   * One backup; also its JSON form. The counts and times are null (left out of the JSON) for an
   * unreadable backup, and {@code reason} is null for a readable one.
   *
   * @param phase {@code status.phase}, or {@code Unreadable}; null when not recorded
   * @param expires {@code status.expiration}; null when the backup never expires
   * @param expired whether the expiration has passed, so Velero may delete it
   */
  record Row(
      String name,
      String phase,
      Integer itemsBackedUp,
      Integer errors,
      Integer warnings,
      String created,
      String expires,
      boolean expired,
      String reason) {

    /** The row of a backup, under its name in the store (its folder). */
    static Row of(String name, BackupMetadata backup, Instant now) {
      return new Row(
          name,
          backup.phase(),
          backup.itemsBackedUp(),
          backup.errors(),
          backup.warnings(),
          backup.started(),
          backup.expiration(),
          backup.expiredAt(now),
          null);
    }

    static Row unreadable(String name, String reason) {
      return new Row(name, UNREADABLE, null, null, null, null, null, false, reason);
    }
  }
}
