package dev.tugboat.core.archive;

/**
 * Size bounds applied while reading an archive, so that a hostile or broken archive cannot exhaust
 * memory or keep a reader busy without end. Sizes are uncompressed bytes.
 *
 * @param maxEntryBytes the largest file accepted in the archive; an item is held in memory whole,
 *     so this bounds the memory one item takes (at most {@value #MAX_ENTRY_BYTES_CEILING}, the
 *     largest Java array)
 * @param maxTotalBytes the largest sum of all file sizes in the archive
 */
public record ArchiveLimits(long maxEntryBytes, long maxTotalBytes) {

  /** The largest array a JVM reliably allocates. */
  public static final long MAX_ENTRY_BYTES_CEILING = Integer.MAX_VALUE - 8;

  /**
   * 32 MiB per entry (a Kubernetes object is at most about 1.5 MiB, etcd's default request limit)
   * and 64 GiB in total.
   */
  public static final ArchiveLimits DEFAULTS = new ArchiveLimits(32L << 20, 64L << 30);

  public ArchiveLimits {
    if (maxEntryBytes <= 0 || maxEntryBytes > MAX_ENTRY_BYTES_CEILING || maxTotalBytes <= 0) {
      throw new IllegalArgumentException(
          "Archive limits must be positive and maxEntryBytes at most "
              + MAX_ENTRY_BYTES_CEILING
              + ", got maxEntryBytes="
              + maxEntryBytes
              + ", maxTotalBytes="
              + maxTotalBytes);
    }
  }
}
