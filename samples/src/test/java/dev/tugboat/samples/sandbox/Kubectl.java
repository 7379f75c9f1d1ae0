package dev.tugboat.samples.sandbox;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs the {@code kubectl} on the PATH against a kubeconfig. */
public final class Kubectl {

  private final Path kubeconfig;

  /** The outcome of one command. */
  public record Result(int exitCode, String out, String err) {}

  public Kubectl(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  /** Whether a kubectl binary is on the PATH. */
  public static boolean available() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (new File(directory, "kubectl").canExecute()) {
        return true;
      }
    }
    return false;
  }

  public Result run(String... args) throws IOException, InterruptedException {
    Process process = start(args);
    String out;
    String err;
    try (var stdout = process.getInputStream();
        var stderr = process.getErrorStream()) {
      out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
      err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish");
    }
    return new Result(process.exitValue(), out, err);
  }

  /** A command that keeps running (e.g. {@code get -w}); its output lines arrive in a queue. */
  Streaming stream(String... args) throws IOException {
    Process process = start(args);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process was killed
              }
            });
    reader.setDaemon(true);
    reader.start();
    return new Streaming(process, lines);
  }

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    return builder.start();
  }

  /** A running kubectl and its output. */
  record Streaming(Process process, BlockingQueue<String> lines) implements AutoCloseable {

    /** Waits for the next line. */
    String nextLine() throws InterruptedException {
      String line = lines.poll(60, TimeUnit.SECONDS);
      if (line == null) {
        throw new IllegalStateException("kubectl wrote no line within a minute");
      }
      return line;
    }

    @Override
    public void close() {
      process.destroy();
    }
  }
}
