package dev.tugboat.core.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream a body writes to: closing it only flushes, because the store decides when the object
 * is complete (a body that wraps it in a tar or gzip stream typically closes it).
 */
final class NonClosingOutputStream extends FilterOutputStream {

  NonClosingOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    // FilterOutputStream would write byte by byte.
    out.write(bytes, offset, length);
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
