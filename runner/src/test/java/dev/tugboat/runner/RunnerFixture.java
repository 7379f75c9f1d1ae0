package dev.tugboat.runner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The tugboat application started in-process with its home (job repository, store) in a test
 * folder.
 */
final class RunnerFixture implements AutoCloseable {

  record Result(int exitCode, String out, String err) {}

  private final ConfigurableApplicationContext context;

  RunnerFixture(Path home) {
    context =
        new SpringApplicationBuilder(TugboatApplication.class)
            .properties("tugboat.home=" + home)
            .run();
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        context
            .getBean(TugboatCli.class)
            .execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** The command tree as the application builds it, for tests that walk every command. */
  CommandLine commandTree() {
    return new CommandLine(new TugboatCommand(), context.getBean(IFactory.class));
  }

  @Override
  public void close() {
    context.close();
  }
}
