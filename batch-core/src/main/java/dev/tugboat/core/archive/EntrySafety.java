package dev.tugboat.core.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Decides whether a tar entry may be read at all. Only regular files and directories are
 * acceptable, at relative paths that stay inside the archive; anything else only appears in crafted
 * archives and makes the whole archive unsafe.
 */
final class EntrySafety {

  private EntrySafety() {}

  /**
   * Returns the path of a regular file, without {@code .} and empty segments (archives packed with
   * {@code tar czf x.tgz .} name entries {@code ./resources/...}), or empty for a directory, which
   * the reader ignores.
   *
   * @throws UnsafeArchiveEntryException naming the entry for an absolute path, a {@code ..}
   *     segment, or an entry that is neither a regular file nor a directory
   */
  static Optional<String> regularFilePath(TarArchiveEntry entry)
      throws UnsafeArchiveEntryException {
    String name = entry.getName();
    if (name.startsWith("/")) {
      throw unsafe(name, "it has an absolute path");
    }
    List<String> segments = new ArrayList<>();
    for (String segment : name.split("/")) {
      if (segment.equals("..")) {
        throw unsafe(name, "its path has a '..' segment");
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    byte type = entry.getLinkFlag();
    if (type == TarConstants.LF_DIR) {
      return Optional.empty();
    }
    if (type != TarConstants.LF_NORMAL && type != TarConstants.LF_OLDNORM) {
      throw unsafe(name, "it is " + describe(entry) + ", not a regular file or directory");
    }
    // Before typeflag '5' existed, a trailing slash marked a directory.
    return name.endsWith("/") ? Optional.empty() : Optional.of(String.join("/", segments));
  }

  private static String describe(TarArchiveEntry entry) {
    byte type = entry.getLinkFlag();
    switch (type) {
      case TarConstants.LF_LINK:
        return "a hard link to '" + entry.getLinkName() + "'";
      case TarConstants.LF_SYMLINK:
        return "a symbolic link to '" + entry.getLinkName() + "'";
      case TarConstants.LF_CHR:
        return "a character device";
      case TarConstants.LF_BLK:
        return "a block device";
      case TarConstants.LF_FIFO:
        return "a FIFO";
      default:
        return type >= 0x21 && type <= 0x7e
            ? "an entry of tar type '" + (char) type + "'"
            : "an entry of tar type " + (type & 0xff);
    }
  }

  private static UnsafeArchiveEntryException unsafe(String name, String reason) {
    return new UnsafeArchiveEntryException("Refusing archive entry '" + name + "': " + reason);
  }
}
