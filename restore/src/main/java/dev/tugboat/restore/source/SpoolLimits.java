package dev.tugboat.restore.source;

/**
 * How much of a backup the spooler holds in memory at once: one chunk, of at most {@code
 * chunkItems} items or about {@code chunkBytes} bytes of JSON, whichever comes first (one item may
 * take a chunk past the byte bound, since items are never split).
 */
public record SpoolLimits(int chunkItems, long chunkBytes) {

  /** 500 items or 16 MiB. */
  public static final SpoolLimits DEFAULTS = new SpoolLimits(500, 16L << 20);

  public SpoolLimits {
    if (chunkItems <= 0 || chunkBytes <= 0) {
      throw new IllegalArgumentException(
          "Spool limits must be positive, got chunkItems="
              + chunkItems
              + ", chunkBytes="
              + chunkBytes);
    }
  }
}
