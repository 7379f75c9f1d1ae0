package dev.tugboat.core.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads entry bodies within {@link ArchiveLimits}. The size a header declares is checked before
 * reading, and the bytes actually delivered are counted as well, because what a tar reader delivers
 * can exceed the declared size (a sparse entry expands its holes). Read failures become {@link
 * ArchiveFormatException}s naming the entry.
 */
final class BoundedEntryReader {

  private final ArchiveLimits limits;
  private final byte[] buffer = new byte[8192];
  private long totalBytes;

  BoundedEntryReader(ArchiveLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads a whole body into memory.
   *
   * @param what the entry, for messages, e.g. {@code entry 'metadata/version'}
   */
  byte[] read(String what, long declaredSize, InputStream body) throws IOException {
    checkDeclaredSize(what, declaredSize);
    // The cast is safe: the size is checked against maxEntryBytes, at most Integer.MAX_VALUE - 8,
    // and Commons Compress refuses negative sizes.
    ByteArrayOutputStream content = new ByteArrayOutputStream((int) declaredSize);
    copy(what, body, content);
    return content.toByteArray();
  }

  /** Reads a body to its end without keeping it, still counting it against the limits. */
  void discard(String what, long declaredSize, InputStream body) throws IOException {
    checkDeclaredSize(what, declaredSize);
    copy(what, body, OutputStream.nullOutputStream());
  }

  private void checkDeclaredSize(String what, long declaredSize) throws ArchiveFormatException {
    if (declaredSize > limits.maxEntryBytes()) {
      throw new ArchiveFormatException(
          "Refusing "
              + what
              + ": its header declares "
              + declaredSize
              + " bytes, more than the limit of "
              + limits.maxEntryBytes()
              + " bytes per entry");
    }
    if (declaredSize > limits.maxTotalBytes() - totalBytes) {
      throw new ArchiveFormatException(
          "Refusing "
              + what
              + ": its "
              + declaredSize
              + " bytes would take the archive past the limit of "
              + limits.maxTotalBytes()
              + " bytes in total");
    }
  }

  private void copy(String what, InputStream body, OutputStream sink) throws IOException {
    long entryBytes = 0;
    while (true) {
      int count;
      try {
        count = body.read(buffer);
      } catch (IOException e) {
        throw new ArchiveFormatException(
            "Archive is truncated or corrupt while reading "
                + what
                + ArchiveFormatException.cause(e),
            e);
      }
      if (count < 0) {
        return;
      }
      entryBytes += count;
      totalBytes += count;
      if (entryBytes > limits.maxEntryBytes()) {
        throw new ArchiveFormatException(
            "Refusing "
                + what
                + ": it holds more than the limit of "
                + limits.maxEntryBytes()
                + " bytes per entry");
      }
      if (totalBytes > limits.maxTotalBytes()) {
        throw new ArchiveFormatException(
            "Refusing "
                + what
                + ": the archive holds more than the limit of "
                + limits.maxTotalBytes()
                + " bytes in total");
      }
      sink.write(buffer, 0, count);
    }
  }
}
