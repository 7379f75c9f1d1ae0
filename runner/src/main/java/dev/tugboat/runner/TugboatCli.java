package dev.tugboat.runner;

import dev.tugboat.runner.metrics.RunReports;
import java.io.PrintWriter;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Parses and runs one {@code tugboat} command line, turning every failure into a one-line reason
 * and an exit code, and reports the job runs it ran (see {@link RunReports}).
 */
@Component
public class TugboatCli {

  private final IFactory factory;
  private final RunReports reports;

  public TugboatCli(IFactory factory, RunReports reports) {
    this.factory = factory;
    this.reports = reports;
  }

  public int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  public int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new TugboatCommand(), factory);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (e, failed, parseResult) -> {
          if (Globals.of(failed.getCommandSpec()).debug()) {
            e.printStackTrace(err);
          }
          err.println("tugboat: " + ExitCodes.message(e));
          return ExitCodes.forException(e);
        });
    commandLine.setExitCodeExceptionMapper(ExitCodes::forException);
    commandLine.setExecutionStrategy(
        parseResult -> {
          // Before the command logs anything.
          LogLines.use(Globals.of(parseResult.commandSpec()).logFormat());
          return new CommandLine.RunLast().execute(parseResult);
        });
    return reports.around(() -> commandLine.execute(args));
  }
}
