package dev.tugboat.samples.sandbox.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The results of a {@link RestoreBenchmark} run, as a table, and the two targets: the
 * parallel restore at least {@link #MIN_SPEED_UP} times as fast as the sequential one, and at most
 * {@link #MAX_REQUESTS_PER_OBJECT} API requests per restored object in every run.
 *
 * @param seed the backed-up sandbox's seed, e.g. {@code generated:200x50}
 * @param maxHeap Tugboat's {@code -Xmx}
 * @param latency what the target sandbox adds to every request
 * @param qps the {@code --qps} of every run
 * @param burst the {@code --burst} of every run
 * @param startUpNanos how long {@code tugboat version} takes: JVM, Spring and job repository
 * @param runs the sequential run (parallelism 1) first, the parallel one last
 */
record RestoreBenchmarkReport(
    String seed,
    String maxHeap,
    Duration latency,
    int qps,
    int burst,
    long startUpNanos,
    List<RestoreMeasurement> runs) {

  /** How many times as fast as the sequential restore the parallel one must be. */
  static final double MIN_SPEED_UP = 8.0;

  /** The most API requests per object: one create each, plus a few for discovery and namespaces. */
  static final double MAX_REQUESTS_PER_OBJECT = 1.05;

  RestoreBenchmarkReport {
    runs = List.copyOf(runs);
    if (runs.size() < 2) {
      throw new IllegalArgumentException(
          "a restore benchmark report needs a sequential and a parallel run, got " + runs.size());
    }
  }

  RestoreMeasurement sequential() {
    return runs.get(0);
  }

  RestoreMeasurement parallel() {
    return runs.get(runs.size() - 1);
  }

  /** The sequential run's time over this run's. */
  double speedUp(RestoreMeasurement run) {
    return (double) sequential().nanos() / run.nanos();
  }

  /** The same ratio with Tugboat's fixed start-up cost taken off both times. */
  double speedUpWithoutStartUp(RestoreMeasurement run) {
    return (double) (sequential().nanos() - startUpNanos) / (run.nanos() - startUpNanos);
  }

  boolean fastEnough() {
    return speedUp(parallel()) >= MIN_SPEED_UP;
  }

  boolean fewEnoughRequests() {
    return runs.stream().allMatch(run -> run.requestsPerObject() <= MAX_REQUESTS_PER_OBJECT);
  }

  /** The table, its footnotes and a PASS or FAIL line per target. */
  String format() {
    StringBuilder out = new StringBuilder();
    line(
        out,
        "Restore of %s (backed up once, without latency) by `tugboat restore create` in its own JVM"
            + " with -Xmx%s, local store, H2, --qps %d --burst %d (so that the client's rate limiter"
            + " is not what is measured), each run into an empty sandbox (simulation off) that adds"
            + " %d ms to every request.",
        seed,
        maxHeap,
        qps,
        burst,
        latency.toMillis());
    line(
        out,
        "| %11s | %9s | %8s | %9s | %8s | %15s | %8s |",
        "parallelism",
        "objects",
        "time s",
        "objects/s",
        "requests",
        "requests/object",
        "speed-up");
    line(
        out,
        "|%s|%s|%s|%s|%s|%s|%s|",
        dashes(13),
        dashes(11),
        dashes(10),
        dashes(11),
        dashes(10),
        dashes(17),
        dashes(10));
    for (RestoreMeasurement run : runs) {
      line(
          out,
          "| %11d | %,9d | %8.2f | %,9.0f | %,8d | %15.3f | %7.2fx |",
          run.parallelism(),
          run.objects(),
          run.seconds(),
          run.objectsPerSecond(),
          run.requests(),
          run.requestsPerObject(),
          speedUp(run));
    }
    line(
        out,
        "Requests by verb: %s.",
        runs.stream()
            .map(run -> "parallelism " + run.parallelism() + ": " + byVerb(run))
            .collect(Collectors.joining("; ")));
    line(
        out,
        "Tugboat start-up (JVM, Spring context, job repository: `tugboat version`): %.2f s, part of"
            + " every time above. Objects: the backed-up objects found in the target afterwards"
            + " with the restore's velero.io/restore-name label. Requests: counted by the target"
            + " sandbox.",
        startUpNanos / 1e9);
    line(
        out,
        "%s: parallelism %d at least %.1fx as fast as parallelism %d (%.2fx; %.2fx without the"
            + " start-up)",
        verdict(fastEnough()),
        parallel().parallelism(),
        MIN_SPEED_UP,
        sequential().parallelism(),
        speedUp(parallel()),
        speedUpWithoutStartUp(parallel()));
    line(
        out,
        "%s: at most %.2f API requests per object (%s)",
        verdict(fewEnoughRequests()),
        MAX_REQUESTS_PER_OBJECT,
        runs.stream()
            .map(
                run ->
                    String.format(
                        Locale.ROOT,
                        "%.3f at parallelism %d",
                        run.requestsPerObject(),
                        run.parallelism()))
            .collect(Collectors.joining(", ")));
    return out.toString();
  }

  private static String byVerb(RestoreMeasurement run) {
    return run.requestsByVerb().entrySet().stream()
        .map(verb -> String.format(Locale.ROOT, "%s %,d", verb.getKey(), verb.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String verdict(boolean pass) {
    return pass ? "PASS" : "FAIL";
  }

  private static String dashes(int count) {
    return "-".repeat(count);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
