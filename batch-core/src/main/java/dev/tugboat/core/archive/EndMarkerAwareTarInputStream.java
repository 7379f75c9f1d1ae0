package dev.tugboat.core.archive;

import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar reader that remembers whether the archive ended with its end-of-archive marker (a zero
 * record). Commons Compress reports a stream that stops at or inside a header as a plain end of
 * archive; without this, an archive cut between two entries would read as complete.
 */
final class EndMarkerAwareTarInputStream extends TarArchiveInputStream {

  private boolean endMarkerSeen;

  EndMarkerAwareTarInputStream(InputStream in) {
    super(in);
  }

  /** True once a zero record has been read where a header was expected. */
  boolean endMarkerSeen() {
    return endMarkerSeen;
  }

  // Called with each record read where a header is expected; null means the stream ended there.
  @Override
  protected boolean isEOFRecord(byte[] record) {
    boolean endOfArchive = super.isEOFRecord(record);
    if (endOfArchive && record != null) {
      endMarkerSeen = true;
    }
    return endOfArchive;
  }
}
