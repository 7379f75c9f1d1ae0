package dev.tugboat.core.store;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the content of one object. The store owns the stream: the body may close it (closing only
 * flushes), but the object is committed only when {@link #writeTo} returns normally.
 */
@FunctionalInterface
public interface BodyWriter {

  void writeTo(OutputStream out) throws IOException;
}
