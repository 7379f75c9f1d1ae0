package dev.tugboat.runner.command;

import dev.tugboat.runner.Globals;
import dev.tugboat.runner.Stores;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the log a restore stored with its records. */
@Command(
    name = "logs",
    description = {
      "Print the log of a finished restore (restores/NAME/restore-NAME-logs.gz in the store).",
      "A restore without logs is an error (exit code 4)."
    })
public class RestoreLogsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The restore.")
  String name;

  @Override
  public Integer call() {
    PublishedRestore restore = PublishedRestore.find(Stores.open(Globals.of(spec)), name);
    LogPrinter.print(spec, restore::writeLogs, lines -> new Logs(name, lines));
    return 0;
  }

  /** The JSON form: the log's lines, without line ends. */
  record Logs(String restore, List<String> lines) {}
}
