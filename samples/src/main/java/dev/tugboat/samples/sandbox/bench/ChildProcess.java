package dev.tugboat.samples.sandbox.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a main class of this JVM's classpath in a JVM of its own, with its output in a file. The
 * benchmark keeps the sandbox and each Tugboat run out of its own heap this way, and a file never
 * blocks a chatty child the way an unread pipe does.
 */
final class ChildProcess {

  private ChildProcess() {}

  /**
   * @param environment variables added to this process's environment
   * @param output where the child's standard output and error go, merged
   */
  static Process start(
      Class<?> mainClass,
      List<String> jvmOptions,
      Map<String, String> environment,
      List<String> arguments,
      Path output)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }
}
