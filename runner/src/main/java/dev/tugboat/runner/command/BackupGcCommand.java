package dev.tugboat.runner.command;

import dev.tugboat.backup.retention.ExpirationRule;
import dev.tugboat.backup.retention.RetentionDecision;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupNotFoundException;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Deletes the expired backups of the store, as Velero's garbage collection does. */
@Command(
    name = "gc",
    description = {
      "Delete the backups of the store whose expiration (status.expiration, from --ttl) has passed, with"
          + " the restores made from them, as Velero's garbage collection does; print what was deleted"
          + " and kept, and why.",
      "Kept: backups without an expiration, backups whose velero-backup.json cannot be read, and backups"
          + " still being written (no velero-backup.json yet, or phase InProgress). Restores whose"
          + " tugboat-restore.json cannot be read are kept and listed: their backup is unknown.",
      "Exits 0."
    })
public class BackupGcCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--dry-run", description = "Only say what would be deleted.")
  boolean dryRun;

  @Override
  public Integer call() {
    Globals globals = Globals.of(spec);
    BackupStore store = Stores.open(globals);
    BackupCatalog catalog = new BackupCatalog(store);
    RestoreRecords restores = RestoreRecords.read(store);
    ExpirationRule rule = new ExpirationRule(Clock.systemUTC());
    List<DeletedBackup> deleted = new ArrayList<>();
    List<KeptBackup> kept = new ArrayList<>();
    for (String backup : catalog.listFolders()) {
      RetentionDecision decision = rule.decide(backup, metadata(catalog, backup));
      if (!decision.delete()) {
        kept.add(new KeptBackup(backup, decision.reason()));
        continue;
      }
      List<String> madeFrom = restores.madeFrom(backup);
      if (!dryRun) {
        // The restores first: if this run is cut short, the backup is still there, and so is
        // what leads the next run to its restores.
        madeFrom.forEach(restores::delete);
        catalog.delete(backup);
      }
      deleted.add(new DeletedBackup(backup, decision.reason(), madeFrom));
    }
    GcResult result = new GcResult(store.location(), dryRun, deleted, kept, restores.unreadable());
    Printer printer = new Printer(spec);
    if (globals.output() == OutputFormat.json) {
      printer.json(result);
    } else {
      printText(printer, result);
    }
    return ExitCodes.OK;
  }

  /** The backup's {@code velero-backup.json}; empty while it is being written. */
  private static Optional<byte[]> metadata(BackupCatalog catalog, String backup) {
    try {
      return Optional.of(catalog.readMetadata(backup));
    } catch (BackupNotFoundException e) {
      return Optional.empty();
    }
  }

  private static void printText(Printer printer, GcResult result) {
    if (result.deleted().isEmpty() && result.kept().isEmpty()) {
      printer.line("No backups in %s", result.store());
      return;
    }
    String deleted = result.dryRun() ? "Would delete" : "Deleted";
    for (DeletedBackup backup : result.deleted()) {
      printer.line("%s backup %s: %s", deleted, backup.name(), backup.reason());
      for (String restore : backup.restores()) {
        printer.line("%s restore %s: made from backup %s", deleted, restore, backup.name());
      }
    }
    for (KeptBackup backup : result.kept()) {
      printer.line("Kept backup %s: %s", backup.name(), backup.reason());
    }
    for (RestoreRecords.Unreadable restore : result.keptRestores()) {
      printer.line("Kept restore %s: its backup is unknown: %s", restore.name(), restore.reason());
    }
    int restoreCount = result.deleted().stream().mapToInt(b -> b.restores().size()).sum();
    printer.line(
        "%s %d backup(s) and %d restore(s) from %s; kept %d backup(s)",
        deleted, result.deleted().size(), restoreCount, result.store(), result.kept().size());
  }

  /**
   * The JSON form. With {@code dryRun}, {@code deleted} lists what would have been.
   *
   * @param keptRestores the restores whose backup cannot be told
   */
  record GcResult(
      String store,
      boolean dryRun,
      List<DeletedBackup> deleted,
      List<KeptBackup> kept,
      List<RestoreRecords.Unreadable> keptRestores) {}

  /**
   * @param restores the restores made from it, deleted with it
   */
  record DeletedBackup(String name, String reason, List<String> restores) {}

  record KeptBackup(String name, String reason) {}
}
