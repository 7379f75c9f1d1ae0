package dev.tugboat.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Incompressible test content generated on the fly, so large objects never sit in memory. */
final class RandomBytes {

  private static final int CHUNK = 64 * 1024;

  private RandomBytes() {}

  /** Writes {@code size} pseudo-random bytes from {@code seed}; returns their SHA-256 in hex. */
  static String write(OutputStream out, long size, long seed) throws IOException {
    Random random = new Random(seed);
    MessageDigest digest = sha256();
    byte[] chunk = new byte[CHUNK];
    for (long left = size; left > 0; left -= CHUNK) {
      int length = (int) Math.min(CHUNK, left);
      random.nextBytes(chunk);
      out.write(chunk, 0, length);
      digest.update(chunk, 0, length);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static String sha256(InputStream in) throws IOException {
    MessageDigest digest = sha256();
    byte[] chunk = new byte[CHUNK];
    for (int n; (n = in.read(chunk)) >= 0; ) {
      digest.update(chunk, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
