package dev.tugboat.core.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds and takes apart tarballs for the archive tests, independently of the code under test. */
final class Tarballs {

  static final Clock FIXED_CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T10:15:30.789Z"), ZoneOffset.UTC);
  // Entries built here get a fixed time so that the same content always gives the same bytes.
  private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2026-11-22T10:15:30Z"));

  /** Writes raw entries to a tar stream. */
  interface TarContent {
    void writeTo(TarArchiveOutputStream tar) throws IOException;
  }

  /** An item of an archive written with {@link ArchiveWriter}. */
  interface ArchiveContent {
    void writeTo(ArchiveWriter writer) throws IOException;
  }

  private Tarballs() {}

  /** A finished archive written by {@link ArchiveWriter}. */
  static byte[] archive(ArchiveContent content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArchiveWriter writer = ArchiveWriter.open(bytes, FIXED_CLOCK)) {
      content.writeTo(writer);
      writer.finish();
    }
    return bytes.toByteArray();
  }

  /** An uncompressed tar, with POSIX long names, holding what {@code content} writes. */
  static byte[] tar(TarContent content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      content.writeTo(tar);
    }
    return bytes.toByteArray();
  }

  static byte[] tarGz(TarContent content) throws IOException {
    return gzip(tar(content));
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes)) {
      gzip.write(data);
    }
    return bytes.toByteArray();
  }

  static byte[] gunzip(byte[] data) throws IOException {
    try (GzipCompressorInputStream gzip =
        GzipCompressorInputStream.builder().setByteArray(data).get()) {
      return gzip.readAllBytes();
    }
  }

  /** A regular file with the given UTF-8 content. */
  static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(bytes.length);
    entry.setModTime(FIXED_TIME);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  /** An entry without content, such as a directory, link or device. */
  static void bodyless(TarArchiveOutputStream tar, TarArchiveEntry entry) throws IOException {
    entry.setModTime(FIXED_TIME);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  /** The entries of a tar.gz read with plain Commons Compress, bodies included. */
  static List<RawEntry> rawEntries(byte[] tarGz) throws IOException {
    List<RawEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new ByteArrayInputStream(gunzip(tarGz)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        entries.add(new RawEntry(entry, tar.readAllBytes()));
      }
    }
    return entries;
  }

  /** Every item copy of an archive, read with {@link ArchiveReader}. */
  static List<ArchivedItem> readAll(byte[] archive, ArchiveLimits limits) throws IOException {
    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive), limits)) {
      return readRemaining(reader);
    }
  }

  /** Every item copy {@code reader} has not handed out yet. */
  static List<ArchivedItem> readRemaining(ArchiveReader reader) throws IOException {
    List<ArchivedItem> items = new ArrayList<>();
    for (ArchivedItem item = reader.next(); item != null; item = reader.next()) {
      items.add(item);
    }
    return items;
  }

  static List<ArchivedItem> readAll(byte[] archive) throws IOException {
    return readAll(archive, ArchiveLimits.DEFAULTS);
  }

  /** Entry name and UTF-8 content of each copy, for exact comparisons. */
  static List<String> describe(List<ArchivedItem> items) {
    List<String> lines = new ArrayList<>();
    for (ArchivedItem item : items) {
      lines.add(
          item.path().entryName()
              + (item.isClassicCopy() ? " [classic] " : " ")
              + new String(item.json(), StandardCharsets.UTF_8));
    }
    return lines;
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Position of the header of the entry named {@code name} in an uncompressed tar. */
  static int headerOffset(byte[] tar, String name) {
    byte[] needle = name.getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset + needle.length <= tar.length; offset += 512) {
      if (Arrays.equals(tar, offset, offset + needle.length, needle, 0, needle.length)
          && tar[offset + needle.length] == 0) {
        return offset;
      }
    }
    throw new AssertionError("No header for " + name);
  }

  record RawEntry(TarArchiveEntry entry, byte[] content) {}
}
