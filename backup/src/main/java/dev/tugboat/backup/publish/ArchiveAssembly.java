package dev.tugboat.backup.publish;

import dev.tugboat.backup.staging.StagedSegment;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.backup.velero.ResourceListDocument;
import dev.tugboat.core.archive.ArchiveWriter;
import dev.tugboat.core.jobs.CrashPoint;
import dev.tugboat.core.store.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Streams the staged segments, in order, into the backup's {@code <name>.tar.gz} in Velero's
 * layout, noting each item in the resource list and hashing the archive as it goes. Memory holds
 * one chunk and the resource list, whatever the size of the backup.
 *
 * <p>A body for the store: once it has run, {@link #itemCount()}, {@link #sha256()} and {@link
 * #resourceList()} describe the archive written.
 */
public final class ArchiveAssembly implements BodyWriter {

  /** Reached after each item written, so that a test can crash the assembly midway. */
  public static final String CRASH_POINT = "backup.archive-item";

  private final StagingArea staging;
  private final List<StagedSegment> segments;
  private final Clock clock;
  private final ResourceListDocument resourceList = new ResourceListDocument();
  private long itemCount;
  private String sha256;

  public ArchiveAssembly(StagingArea staging, List<StagedSegment> segments, Clock clock) {
    this.staging = staging;
    this.segments = List.copyOf(segments);
    this.clock = clock;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    MessageDigest digest = sha256Digest();
    try (ArchiveWriter archive = ArchiveWriter.open(new DigestOutputStream(out, digest), clock)) {
      for (StagedSegment segment : segments) {
        staging.readSegment(
            segment.name(),
            segment.chunks(),
            item -> {
              archive.writeItem(
                  item.groupResource(),
                  item.version(),
                  item.isClusterScoped() ? null : item.namespace(),
                  item.name(),
                  item.json());
              resourceList.add(item.apiVersion(), item.kind(), item.namespace(), item.name());
              CrashPoint.reach(CRASH_POINT);
            });
      }
      archive.finish();
      itemCount = archive.itemCount();
    }
    sha256 = HexFormat.of().formatHex(digest.digest());
  }

  /** Items in the archive; each is two entries. */
  public long itemCount() {
    return itemCount;
  }

  /** The archive's SHA-256, lowercase hex. */
  public String sha256() {
    if (sha256 == null) {
      throw new IllegalStateException("the archive has not been written yet");
    }
    return sha256;
  }

  /** The items written, for {@code <name>-resource-list.json.gz}. */
  public ResourceListDocument resourceList() {
    return resourceList;
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
