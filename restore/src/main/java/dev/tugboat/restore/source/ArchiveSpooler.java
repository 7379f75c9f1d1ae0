package dev.tugboat.restore.source;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagedSegment;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.backup.velero.BackupMetadata;
import dev.tugboat.core.archive.ArchiveFormatException;
import dev.tugboat.core.archive.ArchiveLimits;
import dev.tugboat.core.archive.ArchiveReader;
import dev.tugboat.core.archive.ArchivedItem;
import dev.tugboat.core.store.LocalBackupStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a backup archive in one streaming pass that verifies all of it and spools its items to a
 * local folder by group resource, so that a bad archive fails before anything is written to a
 * cluster, and memory holds one chunk of items whatever the backup's size.
 *
 * <p>Verified: the archive is a sound tar.gz without unsafe entries ({@link ArchiveReader}); its
 * SHA-256 matches the {@code tugboat.dev/sha256} annotation when the metadata has one; every item
 * copy is a JSON object whose name and namespace agree with its path ({@link ArchivedItemParser}).
 *
 * <p>One copy of each item is kept, the one Velero's restore reads: the classic copy ({@code
 * resources/<gr>/namespaces/<ns>/<name>.json}). A group resource without classic copies (an archive
 * written with only version folders) is read from its {@code <version>-preferredversion} folder
 * instead. Copies in other version folders are the same items in non-preferred versions and are
 * left out, as Velero leaves them out unless asked to choose versions.
 */
public final class ArchiveSpooler {

  /** The backup and run names of the spool's staging area; its folder is the spool's alone. */
  private static final String SPOOL = "spool";

  private final SpoolLimits spoolLimits;
  private final ArchiveLimits archiveLimits;

  public ArchiveSpooler() {
    this(SpoolLimits.DEFAULTS, ArchiveLimits.DEFAULTS);
  }

  public ArchiveSpooler(SpoolLimits spoolLimits, ArchiveLimits archiveLimits) {
    this.spoolLimits = Objects.requireNonNull(spoolLimits, "spoolLimits");
    this.archiveLimits = Objects.requireNonNull(archiveLimits, "archiveLimits");
  }

  /**
   * Verifies and spools a backup into {@code workFolder}, which is created, readable by its owner
   * only (backups hold Secrets); the returned spool deletes it when closed.
   *
   * @throws IllegalArgumentException if {@code workFolder} exists and is not an empty folder
   * @throws ArchiveFormatException naming the entry or the backup when the archive is bad; the work
   *     folder is deleted then, as on any other failure
   */
  public SpooledBackup spool(BackupSource source, Path workFolder) throws IOException {
    createEmptyFolder(workFolder);
    try {
      return spoolInto(source, workFolder);
    } catch (Throwable failure) {
      try {
        Folders.deleteRecursively(workFolder);
      } catch (IOException | RuntimeException e) {
        failure.addSuppressed(e);
      }
      throw failure;
    }
  }

  private SpooledBackup spoolInto(BackupSource source, Path workFolder) throws IOException {
    StagingArea staging = StagingArea.ofBackup(new LocalBackupStore(workFolder), SPOOL, SPOOL);
    SpoolBuffer<CopySegment> buffer = new SpoolBuffer<>(staging, spoolLimits);
    MessageDigest sha256 = sha256();
    Optional<String> formatVersion;
    // The digest sits below the buffer: the decompressor marks and resets the stream it reads,
    // and bytes read again must not be digested twice.
    try (InputStream raw = source.openArchive();
        InputStream digested = new BufferedInputStream(new DigestInputStream(raw, sha256))) {
      try (ArchiveReader reader = ArchiveReader.open(digested, archiveLimits)) {
        formatVersion = reader.formatVersion();
        spoolCopies(reader, buffer);
      }
      // The digest covers the bytes of the archive, even any the decompressor did not need.
      digested.transferTo(OutputStream.nullOutputStream());
    }
    verifyChecksum(source, HexFormat.of().formatHex(sha256.digest()));
    return spooled(workFolder, staging, buffer.finish(), formatVersion);
  }

  private static void spoolCopies(ArchiveReader reader, SpoolBuffer<CopySegment> buffer)
      throws IOException {
    Set<String> withClassicCopies = new HashSet<>();
    for (ArchivedItem copy = reader.next(); copy != null; copy = reader.next()) {
      // Every copy is checked, also those left out: any bad entry makes the archive bad.
      StagedItem item = ArchivedItemParser.parse(copy);
      String groupResource = item.groupResource();
      if (copy.isClassicCopy()) {
        if (withClassicCopies.add(groupResource)) {
          buffer.discard(new CopySegment(groupResource, false));
        }
        buffer.add(new CopySegment(groupResource, true), item);
      } else if (copy.path().preferredVersion() && !withClassicCopies.contains(groupResource)) {
        buffer.add(new CopySegment(groupResource, false), item);
      }
    }
  }

  private static void verifyChecksum(BackupSource source, String actual)
      throws ArchiveFormatException {
    Optional<String> expected = source.metadata().map(BackupMetadata::sha256);
    if (expected.isPresent() && !expected.get().equalsIgnoreCase(actual)) {
      throw new ArchiveFormatException(
          "The archive of "
              + source.description()
              + " does not match its "
              + BackupMetadata.SHA256_ANNOTATION
              + " annotation: the annotation says "
              + expected.get()
              + ", the archive's SHA-256 is "
              + actual);
    }
  }

  private static SpooledBackup spooled(
      Path workFolder,
      StagingArea staging,
      Map<CopySegment, SpoolBuffer.SpooledSegment> written,
      Optional<String> formatVersion) {
    Map<String, StagedSegment> segments = new HashMap<>();
    SortedMap<String, Long> itemCounts = new TreeMap<>();
    SortedSet<String> namespaces = new TreeSet<>();
    // A group resource has a classic segment or a preferred-version one, never both (see above).
    written.forEach(
        (copies, segment) -> {
          segments.put(
              copies.groupResource(),
              new StagedSegment(segment.name(), copies.groupResource(), segment.chunks()));
          itemCounts.put(copies.groupResource(), segment.items());
          namespaces.addAll(segment.namespaces());
        });
    return new SpooledBackup(workFolder, staging, segments, itemCounts, namespaces, formatVersion);
  }

  private static void createEmptyFolder(Path folder) throws IOException {
    if (Files.exists(folder)) {
      boolean empty;
      try (Stream<Path> children = Files.list(folder)) {
        empty = children.findAny().isEmpty();
      }
      if (!empty) {
        throw new IllegalArgumentException(
            "The spool folder " + folder + " is not empty; refusing to spool into it");
      }
      return;
    }
    Path parent = folder.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    // Only the spool folder itself is private: its parents may be shared, such as /tmp.
    if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectory(
          folder,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectory(folder);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** The copies of one group resource: its classic copies, or its preferred-version ones. */
  private record CopySegment(String groupResource, boolean classic) {}
}
