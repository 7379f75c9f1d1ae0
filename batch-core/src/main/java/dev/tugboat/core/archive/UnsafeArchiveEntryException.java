package dev.tugboat.core.archive;

/**
 * The archive holds an entry that a reader must never act on: an absolute path, a path with a
 * {@code ..} segment, a link, a device, a FIFO or any other entry that is neither a regular file
 * nor a directory. Such entries only appear in crafted archives, so the whole archive is refused.
 */
public class UnsafeArchiveEntryException extends ArchiveFormatException {

  public UnsafeArchiveEntryException(String message) {
    super(message);
  }
}
