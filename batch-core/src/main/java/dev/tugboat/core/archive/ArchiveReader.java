package dev.tugboat.core.archive;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a Velero backup tarball as a stream, one item copy at a time: memory holds at most one
 * entry, whatever the archive's size.
 *
 * <p>Reads every format Velero and Ark wrote: 1.1.0 with or without version folders, {@code 1}, and
 * the Ark archives without {@code metadata/version}. Files outside {@code resources/} (such as
 * {@code metadata/version}) and files there that do not end in {@code .json} are skipped; a {@code
 * .json} file under {@code resources/} that breaks the path grammar is an error. Directory entries
 * are ignored.
 *
 * <p>Every defect is an {@link ArchiveFormatException} naming the entry: unsafe entries ({@link
 * UnsafeArchiveEntryException}), entries over the {@link ArchiveLimits}, and truncated or corrupt
 * data. <b>Items are handed out before the gzip checksum at the end of the stream is verified</b>,
 * so a consumer must not treat the archive as sound until {@link #next()} has returned null.
 *
 * <p>The reader never closes the given stream; whoever opened it closes it. It is not thread-safe.
 */
public final class ArchiveReader implements Closeable {

  private static final String RESOURCES_PREFIX = ArchivePath.RESOURCES_DIR + "/";
  private static final String ITEM_SUFFIX = ".json";
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,32}");

  private final GzipCompressorInputStream gzip;
  private final EndMarkerAwareTarInputStream tar;
  private final BoundedEntryReader bodies;
  private String lastEntryName;
  private boolean formatKnown;
  private Optional<String> formatVersion = Optional.empty();
  private ArchivedItem pendingItem;
  private boolean ended;

  private ArchiveReader(GzipCompressorInputStream gzip, ArchiveLimits limits) {
    this.gzip = gzip;
    this.tar = new EndMarkerAwareTarInputStream(gzip);
    this.bodies = new BoundedEntryReader(limits);
  }

  /** Opens an archive with {@link ArchiveLimits#DEFAULTS}. */
  public static ArchiveReader open(InputStream in) throws IOException {
    return open(in, ArchiveLimits.DEFAULTS);
  }

  /**
   * Opens an archive: reads the gzip header.
   *
   * @throws ArchiveFormatException when the stream is not gzip or ends before its first entry
   */
  public static ArchiveReader open(InputStream in, ArchiveLimits limits) throws IOException {
    Objects.requireNonNull(limits, "limits");
    GzipCompressorInputStream gzip;
    try {
      gzip =
          GzipCompressorInputStream.builder()
              .setInputStream(new CloseShieldInputStream(Objects.requireNonNull(in, "in")))
              .setDecompressConcatenated(true)
              .get();
    } catch (IOException e) {
      throw new ArchiveFormatException(
          "Archive is truncated or corrupt before the first entry"
              + ArchiveFormatException.cause(e),
          e);
    }
    return new ArchiveReader(gzip, limits);
  }

  /**
   * The content of {@code metadata/version} (Velero wrote {@code 1} before 1.4, {@code 1.1.0}
   * since), or empty for an archive without it (Ark, before Velero 0.11). Reads up to the first
   * file if {@link #next()} has not done so yet; no item is lost by calling this first.
   */
  public Optional<String> formatVersion() throws IOException {
    detectFormat();
    return formatVersion;
  }

  /**
   * The next item copy in archive order, or null after the last one, once the whole stream has been
   * checked to its end. Classic and version-folder copies both come out; tell them apart with
   * {@link ArchivedItem#isClassicCopy()}.
   */
  public ArchivedItem next() throws IOException {
    detectFormat();
    if (pendingItem != null) {
      ArchivedItem item = pendingItem;
      pendingItem = null;
      return item;
    }
    for (FileEntry file = nextFile(); file != null; file = nextFile()) {
      ArchivedItem item = readItemOrSkip(file);
      if (item != null) {
        return item;
      }
    }
    return null;
  }

  /** Releases the decompressor. Does not close the stream given to {@link #open}. */
  @Override
  public void close() throws IOException {
    tar.close();
  }

  /** Velero writes {@code metadata/version} first; its absence means a pre-0.11 (Ark) archive. */
  private void detectFormat() throws IOException {
    if (formatKnown) {
      return;
    }
    formatKnown = true;
    FileEntry first = nextFile();
    if (first == null) {
      return;
    }
    if (first.path().equals(ArchiveWriter.VERSION_ENTRY)) {
      formatVersion = Optional.of(readVersion(first));
    } else {
      pendingItem = readItemOrSkip(first);
    }
  }

  private String readVersion(FileEntry file) throws IOException {
    byte[] content = bodies.read(file.description(), file.declaredSize(), tar);
    String version = new String(content, StandardCharsets.US_ASCII).strip();
    if (!VERSION.matcher(version).matches()) {
      throw new ArchiveFormatException(
          "Archive "
              + file.description()
              + " does not hold a format version such as 1.1.0 ("
              + content.length
              + " bytes)");
    }
    return version;
  }

  private ArchivedItem readItemOrSkip(FileEntry file) throws IOException {
    String path = file.path();
    if (path.equals(ArchiveWriter.VERSION_ENTRY)) {
      throw new ArchiveFormatException(
          "Archive "
              + file.description()
              + " comes after other files; Velero writes it first, so the format is unknown");
    }
    if (!path.startsWith(RESOURCES_PREFIX) || !path.endsWith(ITEM_SUFFIX)) {
      bodies.discard(file.description(), file.declaredSize(), tar);
      return null;
    }
    ArchivePath itemPath;
    try {
      itemPath = ArchivePath.parse(path);
    } catch (IllegalArgumentException e) {
      throw new ArchiveFormatException(
          "Archive " + file.description() + " is not a valid item path: " + e.getMessage(), e);
    }
    return new ArchivedItem(itemPath, bodies.read(file.description(), file.declaredSize(), tar));
  }

  /** The next regular file, skipping directories; null at the verified end of the archive. */
  private FileEntry nextFile() throws IOException {
    while (!ended) {
      TarArchiveEntry entry;
      try {
        entry = tar.getNextEntry();
      } catch (IOException e) {
        throw new ArchiveFormatException(
            "Archive is truncated or corrupt " + afterLastEntry() + ArchiveFormatException.cause(e),
            e);
      }
      if (entry == null) {
        verifyEnd();
        return null;
      }
      // Commons Compress does not check header checksums; Go's reader (Velero) does.
      if (!entry.isCheckSumOK()) {
        throw new ArchiveFormatException(
            "Archive is corrupt " + afterLastEntry() + ": the next header fails its checksum");
      }
      lastEntryName = entry.getName();
      Optional<String> path = EntrySafety.regularFilePath(entry);
      if (path.isPresent()) {
        return new FileEntry(entry.getName(), path.get(), entry.getSize());
      }
    }
    return null;
  }

  /**
   * Makes sure the archive really ended: the tar end marker was present and the gzip stream is
   * intact to its last byte (reading it to the end checks its length and CRC).
   */
  private void verifyEnd() throws IOException {
    if (!tar.endMarkerSeen()) {
      throw new ArchiveFormatException(
          "Archive is truncated: no end-of-archive marker " + afterLastEntry());
    }
    bodies.discard("the end of the archive " + afterLastEntry(), 0, gzip);
    ended = true;
  }

  private String afterLastEntry() {
    return lastEntryName == null ? "before the first entry" : "after entry '" + lastEntryName + "'";
  }

  /** A regular file about to be read: its name as stored, its normalized path, its size. */
  private record FileEntry(String name, String path, long declaredSize) {
    String description() {
      return "entry '" + name + "'";
    }
  }

  /** Lets the decompressor be closed (to free its native memory) without closing the source. */
  private static final class CloseShieldInputStream extends FilterInputStream {
    CloseShieldInputStream(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // The caller owns the source stream.
    }
  }
}
