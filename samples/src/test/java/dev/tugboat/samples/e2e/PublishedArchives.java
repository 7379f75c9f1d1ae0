package dev.tugboat.samples.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Backups made by hand and published into a local store as Velero lays them out: the archive at
 * {@code backups/<name>/<name>.tar.gz} and a minimal {@code velero-backup.json} beside it (no
 * checksum annotation, so the archive is read as it is). Built without Tugboat's archive writer, so
 * that they can be as wrong as a test needs.
 */
final class PublishedArchives {

  private PublishedArchives() {}

  /** A tar.gz of the entries, in order, each a regular file holding the UTF-8 text. */
  static byte[] tarGz(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry header = new TarArchiveEntry(entry.getKey(), true);
        header.setSize(content.length);
        tar.putArchiveEntry(header);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Publishes {@code archive} as backup {@code name} of the local store rooted at {@code store}.
   */
  static void publish(Path store, String name, byte[] archive) throws IOException {
    Path folder = Files.createDirectories(store.resolve("backups").resolve(name));
    Files.write(folder.resolve(name + ".tar.gz"), archive);
    Files.writeString(
        folder.resolve("velero-backup.json"),
        """
        {"apiVersion": "velero.io/v1", "kind": "Backup",
         "metadata": {"name": "%s", "namespace": "velero"},
         "spec": {},
         "status": {"phase": "Completed", "formatVersion": "1.1.0"}}
        """
            .formatted(name));
  }
}
