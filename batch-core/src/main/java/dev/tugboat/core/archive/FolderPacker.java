package dev.tugboat.core.archive;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Packs an extracted backup folder (a {@code resources/} tree, as {@code tar xzf} of a Velero or
 * Ark backup leaves it) into a Velero 1.1.0 archive. Only the classic copies are read; the
 * version-folder copies are derived again from each item's {@code apiVersion}, so old-format
 * folders come out in the current format.
 */
public final class FolderPacker {

  private FolderPacker() {}

  /**
   * Writes the archive of {@code folder} to {@code out} and returns the number of items.
   *
   * @throws ArchiveFormatException when a file under {@code resources/} is not an item path, is not
   *     a JSON object with an {@code apiVersion}, or is a symbolic link
   */
  public static long pack(Path folder, OutputStream out) throws IOException {
    Path resources = folder.resolve(ArchivePath.RESOURCES_DIR);
    if (!Files.isDirectory(resources, LinkOption.NOFOLLOW_LINKS)) {
      throw new ArchiveFormatException(
          folder + " has no resources/ folder: not an extracted backup");
    }
    try (ArchiveWriter writer = ArchiveWriter.open(out)) {
      for (Path file : itemFiles(resources)) {
        String entryName =
            folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        ArchivePath path = parse(entryName);
        if (path.isClassicCopy()) {
          byte[] json = Files.readAllBytes(file);
          writer.writeItem(
              path.groupResource(), version(entryName, json), path.namespace(), path.name(), json);
        }
      }
      writer.finish();
      return writer.itemCount();
    }
  }

  private static List<Path> itemFiles(Path resources) throws IOException {
    try (Stream<Path> files = Files.walk(resources)) {
      List<Path> all =
          files
              .filter(file -> !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS))
              .sorted()
              .collect(Collectors.toList());
      for (Path file : all) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          throw new UnsafeArchiveEntryException(file + " is not a regular file");
        }
      }
      return all;
    }
  }

  private static ArchivePath parse(String entryName) throws ArchiveFormatException {
    try {
      return ArchivePath.parse(entryName);
    } catch (IllegalArgumentException e) {
      throw new ArchiveFormatException(entryName + " is not an item path: " + e.getMessage(), e);
    }
  }

  /**
   * The version folder of an item: the version part of its {@code apiVersion} ({@code apps/v1} ->
   * {@code v1}).
   */
  private static String version(String entryName, byte[] json) throws ArchiveFormatException {
    try {
      JsonElement parsed = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
      JsonElement apiVersion =
          parsed.isJsonObject() ? ((JsonObject) parsed).get("apiVersion") : null;
      if (apiVersion == null
          || !apiVersion.isJsonPrimitive()
          || apiVersion.getAsString().isEmpty()) {
        throw new ArchiveFormatException(entryName + " has no apiVersion");
      }
      String value = apiVersion.getAsString();
      return value.substring(value.lastIndexOf('/') + 1);
    } catch (JsonParseException e) {
      throw new ArchiveFormatException(entryName + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}
