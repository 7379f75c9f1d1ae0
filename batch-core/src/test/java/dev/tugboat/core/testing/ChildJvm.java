package dev.tugboat.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a class of the test classpath in a separate JVM, for tests that must kill a process or
 * bound its heap. The child's stdout and stderr are merged and readable through {@link
 * Process#getInputStream()}.
 */
public final class ChildJvm {

  private ChildJvm() {}

  public static Process start(Class<?> mainClass, List<String> jvmOptions, List<String> arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(arguments);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
