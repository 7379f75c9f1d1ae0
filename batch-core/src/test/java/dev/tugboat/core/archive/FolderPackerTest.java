package dev.tugboat.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderPackerTest {

  /** The extracted Ark backup in the shared research fixtures: a real format-1 backup. */
  static final Path ARK_FIXTURE =
      Path.of("../../shared/research/fixtures/ark-2018-watch-proxy-extracted");

  @TempDir Path folder;

  @Test
  void packsClassicCopiesAndDerivesVersionFoldersFromApiVersion() throws IOException {
    write(
        "resources/deployments.apps/namespaces/shop/web.json",
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\"}");
    write(
        "resources/namespaces/cluster/shop.json", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\"}");
    // a version-folder copy in the input is not read: it is derived again
    write("resources/namespaces/v1-preferredversion/cluster/shop.json", "not even json");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(FolderPacker.pack(folder, out)).isEqualTo(2);

    assertThat(entryNames(out.toByteArray()))
        .containsExactly(
            "resources/deployments.apps/namespaces/shop/web.json",
            "resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json",
            "resources/namespaces/cluster/shop.json",
            "resources/namespaces/v1-preferredversion/cluster/shop.json");
  }

  @Test
  void refusesAFolderWithoutResources() {
    assertThatThrownBy(() -> FolderPacker.pack(folder, new ByteArrayOutputStream()))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessageContaining("has no resources/ folder");
  }

  @Test
  void refusesAnItemWithoutApiVersion() throws IOException {
    write("resources/pods/namespaces/shop/web.json", "{\"kind\":\"Pod\"}");

    assertThatThrownBy(() -> FolderPacker.pack(folder, new ByteArrayOutputStream()))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessage("resources/pods/namespaces/shop/web.json has no apiVersion");
  }

  @Test
  void refusesAFileThatIsNotAnItem() throws IOException {
    write("resources/pods/README.txt", "hello");

    assertThatThrownBy(() -> FolderPacker.pack(folder, new ByteArrayOutputStream()))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessageStartingWith("resources/pods/README.txt is not an item path");
  }

  @Test
  void refusesSymbolicLinks() throws IOException {
    write("resources/pods/namespaces/shop/web.json", "{\"apiVersion\":\"v1\"}");
    Files.createSymbolicLink(
        folder.resolve("resources/pods/namespaces/shop/link.json"), Path.of("/etc/passwd"));

    assertThatThrownBy(() -> FolderPacker.pack(folder, new ByteArrayOutputStream()))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessageContaining("link.json is not a regular file");
  }

  @Test
  void packsTheRealArkBackup() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(FolderPacker.pack(ARK_FIXTURE, out)).isEqualTo(268);

    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(out.toByteArray()))) {
      int classic = 0;
      for (ArchivedItem item = reader.next(); item != null; item = reader.next()) {
        if (item.isClassicCopy()) {
          classic++;
          Path original = ARK_FIXTURE.resolve(item.path().entryName());
          assertThat(item.json())
              .as(item.path().entryName())
              .isEqualTo(Files.readAllBytes(original));
        }
      }
      assertThat(classic).isEqualTo(268);
      assertThat(reader.formatVersion()).contains(ArchiveWriter.FORMAT_VERSION);
    }
  }

  private void write(String relative, String content) throws IOException {
    Path file = folder.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static List<String> entryNames(byte[] archive) throws IOException {
    List<String> names = new ArrayList<>();
    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive))) {
      for (ArchivedItem item = reader.next(); item != null; item = reader.next()) {
        names.add(item.path().entryName());
      }
    }
    return names;
  }
}
