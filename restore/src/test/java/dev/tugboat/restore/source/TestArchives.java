package dev.tugboat.restore.source;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.archive.ArchiveWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Archives for the spooler tests, built independently of the code under test. */
final class TestArchives {

  static final Clock FIXED_CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

  /** The real Ark backup, extracted (no metadata/version, no version folders). */
  static final String ARK_FIXTURE = "shared/research/fixtures/ark-2018-watch-proxy-extracted";

  /** Raw entries written to a tar. */
  interface TarContent {
    void writeTo(TarArchiveOutputStream tar) throws IOException;
  }

  /** Items written with {@link ArchiveWriter}. */
  interface ArchiveContent {
    void writeTo(ArchiveWriter writer) throws IOException;
  }

  private TestArchives() {}

  /** A finished archive written by Tugboat's {@link ArchiveWriter}. */
  static byte[] tugboatArchive(ArchiveContent content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArchiveWriter writer = ArchiveWriter.open(bytes, FIXED_CLOCK)) {
      content.writeTo(writer);
      writer.finish();
    }
    return bytes.toByteArray();
  }

  /** A tar.gz with POSIX long names holding what {@code content} writes. */
  static byte[] tarGz(TarContent content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    writeTarGz(bytes, content);
    return bytes.toByteArray();
  }

  static void writeTarGz(OutputStream out, TarContent content) throws IOException {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      content.writeTo(tar);
    }
  }

  /** A regular file with the given UTF-8 content; write JSON with ' for ". */
  static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
    rawFile(tar, name, content.replace('\'', '"'));
  }

  /** A regular file with exactly the given UTF-8 content. */
  static void rawFile(TarArchiveOutputStream tar, String name, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(bytes.length);
    entry.setModTime(FileTime.from(FIXED_CLOCK.instant()));
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  /** An extracted backup folder tarred as is, the way {@code tar czf} would. */
  static void tarFolder(Path folder, OutputStream out) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    writeTarGz(
        out,
        tar -> {
          for (Path file : files) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(Files.size(file));
            tar.putArchiveEntry(entry);
            Files.copy(file, tar);
            tar.closeArchiveEntry();
          }
        });
  }

  /**
   * The Ark fixture, found from the module folder of the main checkout or, in a worktree elsewhere,
   * at its absolute place.
   */
  static Path arkFixture() {
    for (Path candidate :
        List.of(Path.of("../..").resolve(ARK_FIXTURE), Path.of("/work", ARK_FIXTURE))) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "The Ark fixture " + ARK_FIXTURE + " is not in ../.. nor /work");
  }

  /** One line per staged item, JSON with " shown as ', for exact comparisons. */
  static String describe(StagedItem item) {
    return item.groupResource()
        + " "
        + item.version()
        + " "
        + item.kind()
        + " "
        + item.key()
        + " "
        + new String(item.json(), StandardCharsets.UTF_8).replace('"', '\'');
  }
}
