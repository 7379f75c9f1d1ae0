package dev.tugboat.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a child process's output lines on a daemon thread, so that the child never blocks on a
 * full pipe and a test can watch what it printed so far (e.g. with Awaitility).
 */
public final class ProcessOutput {

  private final List<String> lines = new ArrayList<>();

  private ProcessOutput() {}

  /** Starts draining the process's standard output (merged with stderr by {@link ChildJvm}). */
  public static ProcessOutput drain(Process process) {
    ProcessOutput output = new ProcessOutput();
    Thread reader = new Thread(() -> output.readAll(process), "output-of-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    return output;
  }

  /** The lines printed so far. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Everything printed so far, for failure messages. */
  public String text() {
    return String.join("\n", lines());
  }

  private void readAll(Process process) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (this) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      // The stream breaks when the process is killed; what was read is kept.
      if (process.isAlive()) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
