package dev.tugboat.runner.command;

import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupNotFoundException;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Deletes a backup's files from the store. */
@Command(
    name = "delete",
    description = {
      "Delete a backup from the store: velero-backup.json first, so it disappears at once, then its archive and"
          + " other files.",
      "Nothing else is touched: restores made from it stay, and a Velero that synced it deletes its own copy of"
          + " the Backup object at its next sync."
    })
public class BackupDeleteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The backup.")
  String name;

  @Option(
      names = "--confirm",
      description = "Confirm the deletion; required, since it cannot be undone.")
  boolean confirm;

  @Override
  public Integer call() {
    if (!confirm) {
      throw new ParameterException(
          spec.commandLine(),
          "backup delete removes backup '"
              + name
              + "' from the store for good; pass --confirm to do it");
    }
    Globals globals = Globals.of(spec);
    BackupStore store = Stores.open(globals);
    // delete() also clears the leftovers of a failed publish, which are not a backup.
    if (!new BackupCatalog(store).delete(name)) {
      throw new BackupNotFoundException(name, store.location());
    }
    Printer printer = new Printer(spec);
    if (globals.output() == OutputFormat.json) {
      printer.json(new Deletion(name, store.location()));
    } else {
      printer.line("Deleted backup '%s' from %s", name, store.location());
    }
    return 0;
  }

  /** The JSON form. */
  record Deletion(String deleted, String store) {}
}
