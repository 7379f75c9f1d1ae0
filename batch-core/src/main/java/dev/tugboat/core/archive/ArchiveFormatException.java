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
}
