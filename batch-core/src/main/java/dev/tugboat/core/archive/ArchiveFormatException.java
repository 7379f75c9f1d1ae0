package dev.tugboat.core.archive;

import java.io.IOException;

/**
 * The archive cannot be read as a Velero backup: it is truncated, corrupt, exceeds a size limit or
 * breaks the path grammar. The message names the entry concerned.
 */
public class ArchiveFormatException extends IOException {

  public ArchiveFormatException(String message) {
    super(message);
  }

  public ArchiveFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@code ": "} and what the reading library said went wrong, to end a message with; the
   * exception's type when it said nothing (an {@code EOFException} often carries no message).
   */
  static String cause(IOException e) {
    return ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
  }
}
