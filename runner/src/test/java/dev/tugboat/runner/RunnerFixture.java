package dev.tugboat.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The tugboat application started in-process once per test class, with its home (job repository,
 * local store) in a temporary folder. Register it as {@code @RegisterExtension static RunnerFixture
 * runner = new RunnerFixture();}. Shared with the end-to-end tests of samples.
 */
public final class RunnerFixture implements BeforeAllCallback, AfterAllCallback {

  /** What a command printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private final List<String> properties;
  private Path home;
  private ConfigurableApplicationContext context;

  /**
   * @param properties application properties as command-line arguments, e.g. {@code
   *     --tugboat.migration.shortage-grace=1s}
   */
  public RunnerFixture(String... properties) {
    this.properties = List.of(properties);
  }

  @Override
  public void beforeAll(ExtensionContext extensionContext) throws IOException {
    home = Files.createTempDirectory("tugboat-home");
    // As a command-line property: builder properties are defaults, which application.yaml's
    // tugboat.home overrides, so every test would share (and lock) ~/.tugboat's job repository.
    List<String> args = new ArrayList<>(properties);
    args.add("--tugboat.home=" + home);
    context =
        new SpringApplicationBuilder(TugboatApplication.class).run(args.toArray(String[]::new));
  }

  @Override
  public void afterAll(ExtensionContext extensionContext) throws IOException {
    context.close();
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The local store's folder, {@code <home>/store}. */
  public Path store() {
    return home.resolve("store");
  }

  /** {@code --store} of the local store. */
  public String storeUri() {
    return store().toUri().toString();
  }

  /**
   * Runs {@code tugboat backup create NAME} against the cluster of {@code kubeconfig}, into the
   * local store.
   */
  public Result createBackup(Path kubeconfig, String name, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "backup",
                "create",
                name,
                "--kubeconfig",
                kubeconfig.toString(),
                "--store",
                storeUri()));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  /** Runs one command line, as {@code tugboat args...} would. */
  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        context
            .getBean(TugboatCli.class)
            .execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** A bean of the running application, e.g. its job repository, to make executions with. */
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The command tree as the application builds it, for tests that walk every command. */
  CommandLine commandTree() {
    return new CommandLine(new TugboatCommand(), context.getBean(IFactory.class));
  }
}
