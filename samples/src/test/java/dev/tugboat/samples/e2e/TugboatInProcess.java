package dev.tugboat.samples.e2e;

import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.runner.TugboatCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The tugboat application started in the test JVM once per test class, its home (job repository)
 * and a local store in a temporary folder. Register on a static field.
 */
final class TugboatInProcess implements BeforeAllCallback, AfterAllCallback {

  /** What a command printed and returned. */
  record Result(int exitCode, String out, String err) {}

  private Path home;
  private ConfigurableApplicationContext context;

  @Override
  public void beforeAll(ExtensionContext extensionContext) throws IOException {
    home = Files.createTempDirectory("tugboat-e2e");
    context =
        new SpringApplicationBuilder(TugboatApplication.class)
            .properties("tugboat.home=" + home)
            .run();
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

  /** The local store's folder. */
  Path store() {
    return home.resolve("store");
  }

  /** {@code --store} of the local store. */
  String storeUri() {
    return store().toUri().toString();
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
}
