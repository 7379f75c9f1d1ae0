package dev.tugboat.core.archive;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a Velero backup tarball (format 1.1.0) as a stream: each item goes straight through tar
 * and gzip to the output, so memory does not grow with the archive.
 *
 * <p>The layout follows what Velero's restore needs: {@code metadata/version} first, then every
 * item twice (classic path and {@code <version>-preferredversion} path), only regular files with
 * mode 0755 (Velero creates parent folders with the file's mode and runs as non-root, so 0644
 * breaks its restore).
 *
 * <p><b>Ownership.</b> The writer never closes the given stream; whoever opened it closes it. Call
 * {@link #finish()} after the last item to write the end of the archive. {@link #close()} without a
 * prior {@code finish()} <em>abandons</em> the archive: the tar end marker and the gzip trailer are
 * not written, so no reader can mistake the partial output for a complete backup (Go's gzip reader,
 * used by Velero, and {@link ArchiveReader} both report it as truncated). That makes
 * try-with-resources safe when an exception interrupts a backup.
 */
public final class ArchiveWriter implements Closeable {

  /** Velero's {@code BackupFormatVersion}. */
  public static final String FORMAT_VERSION = "1.1.0";

  static final String VERSION_ENTRY = "metadata/version";
  private static final int REGULAR_FILE_0755 = 0100755;
  // serializeNulls: explicit nulls are part of the object as the API server returned it.
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();

  private final AbandonableOutputStream output;
  private final ParallelGzipOutputStream gzip;
  private final TarArchiveOutputStream tar;
  private final Clock clock;
  private long itemCount;
  private boolean ended; // finished or abandoned

  /**
   * Deflate's fastest level. Compression is most of a large backup's CPU time, and level 1 deflates
   * several times faster than the default 6 for an archive about a fifth larger (JSON in 512-byte
   * tar blocks compresses well at any level). Readers, Velero's too, accept every level.
   */
  private static final int GZIP_LEVEL = Deflater.BEST_SPEED;

  private ArchiveWriter(OutputStream out, Clock clock) throws IOException {
    this.output = new AbandonableOutputStream(out);
    this.clock = clock;
    this.gzip =
        new ParallelGzipOutputStream(
            output, GZIP_LEVEL, Runtime.getRuntime().availableProcessors());
    TarArchiveOutputStream tarStream = new TarArchiveOutputStream(gzip);
    tarStream.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tarStream.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    this.tar = tarStream;
  }

  /** Starts an archive on {@code out}, with entry times from the system clock. */
  public static ArchiveWriter open(OutputStream out) throws IOException {
    return open(out, Clock.systemUTC());
  }

  /** Starts an archive on {@code out}: writes {@code metadata/version}. */
  public static ArchiveWriter open(OutputStream out, Clock clock) throws IOException {
    ArchiveWriter writer =
        new ArchiveWriter(
            Objects.requireNonNull(out, "out"), Objects.requireNonNull(clock, "clock"));
    try {
      writer.writeFile(
          VERSION_ENTRY,
          (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII),
          writer.entryTime());
    } catch (IOException e) {
      writer.close();
      throw e;
    }
    return writer;
  }

  /**
   * Writes one item at its classic path and at its preferred-version path, with the same bytes.
   *
   * @param groupResource e.g. {@code pods}, {@code deployments.apps}
   * @param version the group's preferred version the object is stored in, e.g. {@code v1}
   * @param namespace the item's namespace, null for a cluster-scoped item
   * @param name the item's name
   * @param compactJson the object as one compact JSON document
   * @throws IllegalArgumentException naming the value when a path part is empty, {@code .}, {@code
   *     ..} or contains {@code /}
   */
  public void writeItem(
      String groupResource, String version, String namespace, String name, byte[] compactJson)
      throws IOException {
    ArchivePath classic = ArchivePath.classic(groupResource, namespace, name);
    ArchivePath preferred = ArchivePath.inPreferredVersion(groupResource, version, namespace, name);
    Objects.requireNonNull(compactJson, "compactJson");
    if (ended) {
      throw new IllegalStateException("Archive already finished or closed, cannot add " + classic);
    }
    FileTime time = entryTime();
    writeFile(classic.entryName(), compactJson, time);
    writeFile(preferred.entryName(), compactJson, time);
    itemCount++;
  }

  /** Same as {@link #writeItem(String, String, String, String, byte[])} for a Gson object. */
  public void writeItem(
      String groupResource, String version, String namespace, String name, JsonObject object)
      throws IOException {
    byte[] json = GSON.toJson(object).getBytes(StandardCharsets.UTF_8);
    writeItem(groupResource, version, namespace, name, json);
  }

  /** Items written so far; each item is two files in the archive. */
  public long itemCount() {
    return itemCount;
  }

  /** Writes the tar end marker and the gzip trailer, and flushes the output. Call once. */
  public void finish() throws IOException {
    if (ended) {
      throw new IllegalStateException("Archive already finished or closed");
    }
    ended = true;
    tar.finish();
    gzip.finish();
    tar.close(); // releases gzip's threads; our stream is shielded from closing
  }

  /**
   * Releases the compressor. Without a prior {@link #finish()}, abandons the archive (see the class
   * comment). Never closes the underlying stream.
   */
  @Override
  public void close() throws IOException {
    if (!ended) {
      ended = true;
      output.abandon();
      // Closing gzip, not tar: tar would first try to write its end marker.
      gzip.close();
    }
  }

  private FileTime entryTime() {
    // Go's tar writer keeps whole seconds; a fractional time would add a PAX header per entry.
    return FileTime.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  private void writeFile(String path, byte[] content, FileTime time) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setMode(REGULAR_FILE_0755);
    entry.setSize(content.length);
    entry.setModTime(time);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  /**
   * Passes writes through to the caller's stream, never closes it, and after {@link #abandon()}
   * drops everything, so closing the compressor releases its resources without completing the
   * archive.
   */
  private static final class AbandonableOutputStream extends FilterOutputStream {
    private boolean abandoned;

    AbandonableOutputStream(OutputStream out) {
      super(out);
    }

    void abandon() {
      abandoned = true;
    }

    @Override
    public void write(int b) throws IOException {
      if (!abandoned) {
        out.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (!abandoned) {
        out.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      if (!abandoned) {
        out.flush();
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
