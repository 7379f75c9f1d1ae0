package dev.tugboat.core.archive;

/**
 * One copy of an item read from an archive.
 *
 * @param path where the copy was found, parsed
 * @param json the file's bytes, normally one compact JSON object; the array belongs to the caller
 */
public record ArchivedItem(ArchivePath path, byte[] json) {

  /**
   * True for the un-versioned copy. A restore reads only these; the version-folder copies exist for
   * Velero's API-group-version selection.
   */
  public boolean isClassicCopy() {
    return path.isClassicCopy();
  }

  @Override
  public String toString() {
    return "ArchivedItem[" + path + ", " + json.length + " bytes]";
  }
}
