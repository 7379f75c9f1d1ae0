package dev.tugboat.samples.sandbox.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a child JVM's garbage collection log, written with {@code -Xlog:gc:file=...}, for the most
 * heap it still used after a collection: the peak of what it kept alive, the number that must stay
 * flat as a backup grows. (Heap in use before a collection says more about the collector's laziness
 * than about the program.)
 */
final class GcLog {

  /** {@code 23M->4M(256M)}: heap used before and after the pause, and the heap's size. */
  private static final Pattern PAUSE =
      Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private GcLog() {}

  /** The JVM option that writes the log this class reads. */
  static String option(Path file) {
    return "-Xlog:gc:file=" + file;
  }

  /** The most heap used after any full collection of the log, in bytes; empty when none ran. */
  static OptionalLong peakHeapAfterFullGc(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines
          .filter(line -> line.contains("Pause Full"))
          .map(PAUSE::matcher)
          .filter(Matcher::find)
          .mapToLong(pause -> bytes(pause.group(3), pause.group(4)))
          .max();
    }
  }

  private static long bytes(String amount, String unit) {
    int shift =
        switch (unit) {
          case "K" -> 10;
          case "M" -> 20;
          default -> 30;
        };
    return Long.parseLong(amount) << shift;
  }
}
