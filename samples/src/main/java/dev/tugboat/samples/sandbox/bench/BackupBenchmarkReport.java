package dev.tugboat.samples.sandbox.bench;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The results of a {@link BackupBenchmark} run, as a table, and the two targets: Tugboat's
 * backup takes at most 1.3x the floor's time, and its peak heap stays flat as the backup grows (the
 * largest backup within {@link #MAX_HEAP_GROWTH} of the smallest one's peak, with the bounded heap
 * it ran in).
 *
 * @param maxHeap Tugboat's {@code -Xmx}
 * @param parallelism the LISTs at once, of both sides
 * @param pageLimit the {@code limit} of every LIST page, of both sides
 * @param startUpNanos how long {@code tugboat version} takes: JVM, Spring and job repository
 * @param sizes one per seeded sandbox, smallest first
 */
public record BackupBenchmarkReport(
    String maxHeap, int parallelism, int pageLimit, long startUpNanos, List<SizeResult> sizes) {

  /** The most Tugboat's time may be over the floor's. */
  public static final double MAX_RATIO = 1.3;

  /** The most the peak heap may grow from the smallest backup to the largest. */
  public static final double MAX_HEAP_GROWTH = 1.5;

  private static final double MIB = 1 << 20;

  public BackupBenchmarkReport {
    sizes = List.copyOf(sizes);
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("a backup benchmark report needs at least one size");
    }
  }

  /** Whether Tugboat stayed within {@link #MAX_RATIO} of the floor at every size. */
  public boolean withinRatio() {
    return sizes.stream().allMatch(size -> size.ratio() <= MAX_RATIO);
  }

  /**
   * The largest backup's peak live heap over the smallest one's; empty when either was not
   * measured.
   */
  public OptionalDouble heapGrowth() {
    OptionalLong smallest = sizes.get(0).tugboat().peakLiveHeapBytes();
    OptionalLong largest = sizes.get(sizes.size() - 1).tugboat().peakLiveHeapBytes();
    return smallest.isPresent() && largest.isPresent()
        ? OptionalDouble.of((double) largest.getAsLong() / smallest.getAsLong())
        : OptionalDouble.empty();
  }

  public boolean heapFlat() {
    return heapGrowth().isPresent() && heapGrowth().getAsDouble() <= MAX_HEAP_GROWTH;
  }

  /** The table, its footnotes and a PASS or FAIL line per target. */
  public String format() {
    StringBuilder out = new StringBuilder();
    line(
        out,
        "Backup of a sandbox in its own JVM (simulation off). Floor: the plan's LISTs over raw HTTP,"
            + " gzip of the pages, no Spring Batch. Tugboat: `tugboat backup create`, local store,"
            + " H2. Both: a fresh JVM with runner/jvm.options and -Xmx%s, timed from process start"
            + " to exit, %d LISTs at once, pages of limit=%d.",
        maxHeap,
        parallelism,
        pageLimit);
    line(
        out,
        "| %-18s | %-7s | %9s | %8s | %9s | %8s | %13s | %14s | %8s |",
        "seed",
        "side",
        "objects",
        "time s",
        "objects/s",
        "requests",
        "gzip bytes",
        "peak live MiB",
        "vs floor");
    line(
        out,
        "|%s|%s|%s|%s|%s|%s|%s|%s|%s|",
        dashes(20),
        dashes(9),
        dashes(11),
        dashes(10),
        dashes(11),
        dashes(10),
        dashes(15),
        dashes(16),
        dashes(10));
    for (SizeResult size : sizes) {
      row(out, size.seed(), "floor", size.floor(), 1.0);
      row(out, size.seed(), "tugboat", size.tugboat(), size.ratio());
    }
    line(
        out,
        "Tugboat start-up (JVM, Spring context, job repository: `tugboat version`): %.2f s, part of"
            + " every Tugboat time above.",
        startUpNanos / 1e9);
    line(
        out,
        "Peak live heap: the most heap in use after a full GC, from -Xlog:gc of a second, untimed"
            + " Tugboat run of the same backup (same -Xmx) in which `jcmd GC.run` forces a full GC"
            + " every 0.5 s; the floor's is not measured. gzip"
            + " bytes: Tugboat's tar.gz; the floor's gzipped pages. Requests: counted by the sandbox.");
    for (SizeResult size : sizes) {
      line(
          out,
          "%s: Tugboat within %.1fx of the floor at %s (%.2fx; %.2fx without the start-up)",
          verdict(size.ratio() <= MAX_RATIO),
          MAX_RATIO,
          size.seed(),
          size.ratio(),
          size.ratioWithoutStartUp(startUpNanos));
    }
    SizeResult smallest = sizes.get(0);
    SizeResult largest = sizes.get(sizes.size() - 1);
    line(
        out,
        "%s: peak heap flat, %s vs %s within %.1fx (%s), the larger backup completed with -Xmx%s",
        verdict(heapFlat()),
        largest.seed(),
        smallest.seed(),
        MAX_HEAP_GROWTH,
        heapGrowth().isPresent()
            ? String.format(Locale.ROOT, "%.2fx", heapGrowth().getAsDouble())
            : "not measured: no full GC ran",
        maxHeap);
    return out.toString();
  }

  private static void row(
      StringBuilder out, String seed, String side, BackupMeasurement measured, double ratio) {
    OptionalLong heap = measured.peakLiveHeapBytes();
    line(
        out,
        "| %-18s | %-7s | %,9d | %8.2f | %,9.0f | %,8d | %,13d | %14s | %7.2fx |",
        seed,
        side,
        measured.objects(),
        measured.seconds(),
        measured.objectsPerSecond(),
        measured.requests(),
        measured.archiveBytes(),
        heap.isPresent() ? String.format(Locale.ROOT, "%,.0f", heap.getAsLong() / MIB) : "n/a",
        ratio);
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
