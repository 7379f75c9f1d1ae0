package dev.tugboat.samples.sandbox.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Forces full collections in a running child JVM with {@code jcmd <pid> GC.run}, so that its GC log
 * records the heap it keeps alive as it goes. Each collection stops the child briefly: never use it
 * on a run that is timed.
 */
final class FullGcProbe {

  private static final long INTERVAL_MILLIS = 500;

  private FullGcProbe() {}

  /** Collects every {@value #INTERVAL_MILLIS} ms until the process exits. */
  static void collectWhileAlive(Process process) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    while (!process.waitFor(INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
      // Fails while the child's JVM is not yet attachable or already exiting; the next try or the
      // collections that did run cover it.
      new ProcessBuilder(jcmd, String.valueOf(process.pid()), "GC.run")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    }
  }
}
