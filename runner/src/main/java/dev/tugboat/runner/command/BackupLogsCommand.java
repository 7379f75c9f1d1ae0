package dev.tugboat.runner.command;

import dev.tugboat.runner.Globals;
import dev.tugboat.runner.Stores;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the log a backup stored next to its archive. */
@Command(
    name = "logs",
    description = {
      "Print the log of a backup (its <name>-logs.gz in the store).",
      "A backup without logs is an error (exit code 4)."
    })
public class BackupLogsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The backup.")
  String name;

  @Override
  public Integer call() {
    PublishedBackup backup = PublishedBackup.find(Stores.open(Globals.of(spec)), name);
    LogPrinter.print(spec, backup::writeLogs, lines -> new Logs(name, lines));
    return 0;
  }

  /** The JSON form: the log's lines, without line ends. */
  record Logs(String backup, List<String> lines) {}
}
