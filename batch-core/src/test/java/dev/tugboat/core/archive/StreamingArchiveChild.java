package dev.tugboat.core.archive;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Run by {@link StreamingArchiveTest} in a JVM with a small heap: writes {@value #ITEMS} items of
 * about 1 KiB to a file, reads them all back checking every copy, and prints the counts. Exits
 * non-zero on any mismatch (or on running out of memory).
 */
public final class StreamingArchiveChild {

  static final int ITEMS = 50_000;
  private static final String PADDING = "p".repeat(1000);

  private StreamingArchiveChild() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        ArchiveWriter writer = ArchiveWriter.open(out)) {
      for (int i = 0; i < ITEMS; i++) {
        writer.writeItem("configmaps", "v1", namespace(i), name(i), json(i));
      }
      writer.finish();
      System.out.println("written items=" + writer.itemCount());
    }

    long copies = 0;
    long classicCopies = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        ArchiveReader reader = ArchiveReader.open(in)) {
      for (ArchivedItem item = reader.next(); item != null; item = reader.next()) {
        int i = (int) (copies / 2);
        ArchivePath expected =
            copies % 2 == 0
                ? ArchivePath.classic("configmaps", namespace(i), name(i))
                : ArchivePath.inPreferredVersion("configmaps", "v1", namespace(i), name(i));
        if (!item.path().equals(expected) || !Arrays.equals(item.json(), json(i))) {
          throw new IllegalStateException("Copy " + copies + " is " + item.path());
        }
        copies++;
        if (item.isClassicCopy()) {
          classicCopies++;
        }
      }
      System.out.println(
          "read format="
              + reader.formatVersion().orElse("none")
              + " items="
              + classicCopies
              + " copies="
              + copies);
    }
  }

  private static String namespace(int i) {
    return "team-" + (i % 7);
  }

  private static String name(int i) {
    return "settings-" + i;
  }

  private static byte[] json(int i) {
    return ("{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
            + name(i)
            + "\"},\"data\":{\"padding\":\""
            + PADDING
            + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
