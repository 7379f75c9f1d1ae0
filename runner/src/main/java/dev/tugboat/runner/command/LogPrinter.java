package dev.tugboat.runner.command;

import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a log kept in the store, for {@code backup logs} and {@code restore logs}. */
final class LogPrinter {

  private LogPrinter() {}

  /**
   * Prints the log as text, or as the JSON form that {@code jsonForm} makes of its lines (without
   * line ends) under {@code --output json}.
   *
   * @param log copies the log's text to the writer it is given
   */
  static void print(
      CommandSpec spec, Consumer<PrintWriter> log, Function<List<String>, ?> jsonForm) {
    if (Globals.of(spec).output() == OutputFormat.json) {
      StringWriter text = new StringWriter();
      log.accept(new PrintWriter(text));
      new Printer(spec).json(jsonForm.apply(text.toString().lines().toList()));
    } else {
      // Streamed: a log can be far larger than the memory a command should take.
      log.accept(spec.commandLine().getOut());
    }
  }
}
