package dev.tugboat.samples.sandbox.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM options the {@code tugboat} launcher passes to every run ({@code runner/jvm.options}), so
 * that a benchmark measures Tugboat as its users run it.
 */
final class LauncherJvmOptions {

  private LauncherJvmOptions() {}

  /**
   * @throws UncheckedIOException when no {@code runner/jvm.options} is found above the working
   *     folder (benchmarks run from the project's source tree)
   */
  static List<String> read() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path options = folder.resolve("runner").resolve("jvm.options");
      if (Files.isRegularFile(options)) {
        try {
          return Files.readAllLines(options).stream()
              .map(String::trim)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .toList();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + options, e);
        }
      }
    }
    throw new UncheckedIOException(
        new IOException("no runner/jvm.options above " + Path.of("").toAbsolutePath()));
  }
}
