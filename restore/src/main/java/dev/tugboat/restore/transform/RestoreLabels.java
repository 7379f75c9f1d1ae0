package dev.tugboat.restore.transform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The labels Velero puts on every restored object, {@code velero.io/backup-name} and {@code
 * velero.io/restore-name} (velero.md 3.3), so that Velero users recognise them.
 */
public final class RestoreLabels {

  public static final String BACKUP_NAME = "velero.io/backup-name";
  public static final String RESTORE_NAME = "velero.io/restore-name";

  /** A label value's maximum length (Kubernetes' DNS-1035 label length). */
  static final int MAX_LENGTH = 63;

  private static final int HASH_LENGTH = 6;

  private RestoreLabels() {}

  /**
   * Velero's {@code GetValidName} ({@code pkg/label/label.go}, velero.md 0.9): a name of at most 63
   * characters is kept; a longer one becomes its first 57 characters followed by the first 6 hex
   * digits of the SHA-256 of the whole name, so that two long names sharing a prefix stay apart.
   * Backup and restore names are ASCII (RFC 1123), so characters and Go's bytes are the same.
   */
  public static String validValue(String name) {
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    String hash = HexFormat.of().formatHex(sha256(name.getBytes(StandardCharsets.UTF_8)));
    return name.substring(0, MAX_LENGTH - HASH_LENGTH) + hash.substring(0, HASH_LENGTH);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
