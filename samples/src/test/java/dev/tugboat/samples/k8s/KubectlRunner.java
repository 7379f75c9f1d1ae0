package dev.tugboat.samples.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code kubectl} on the PATH against one kubeconfig. (The sandbox tests have their own,
 * package-private, helper.)
 */
final class KubectlRunner {

  /** The outcome of one command. */
  record Result(int exitCode, String out, String err) {}

  private final Path kubeconfig;

  KubectlRunner(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  /** Whether a kubectl binary is on the PATH. */
  static boolean available() {
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

  Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    Process process = builder.start();
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
}
