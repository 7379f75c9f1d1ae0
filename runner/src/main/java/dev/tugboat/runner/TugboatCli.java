package dev.tugboat.runner;

import java.io.PrintWriter;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Parses and runs one {@code tugboat} command line, turning every failure into a one-line reason
 * and an exit code.
 */
@Component
public class TugboatCli {

  private final IFactory factory;

  public TugboatCli(IFactory factory) {
    this.factory = factory;
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
    return commandLine.execute(args);
  }
}
