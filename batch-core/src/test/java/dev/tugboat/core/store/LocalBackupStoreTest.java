package dev.tugboat.core.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackupStoreTest extends BackupStoreContract {

  @TempDir Path root;

  @Override
  protected BackupStore createStore() {
    return new LocalBackupStore(root);
  }

  @Override
  protected List<String> rawEntries() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(path -> !path.equals(root))
          .map(this::relative)
          .collect(Collectors.toList());
    }
  }

  @Test
  void locationIsTheRootFolder() {
    assertThat(store.location()).isEqualTo(root.toAbsolutePath().normalize().toString());
  }

  @Test
  void anObjectIsWrittenToAHiddenPartialFileBesideItThenRenamed() throws IOException {
    List<String> whileWriting = new ArrayList<>();

    store.write(
        "backups/a/a.tar.gz",
        out -> {
          out.write(1);
          whileWriting.addAll(fileNames(root.resolve("backups/a")));
          whileWriting.addAll(store.list(""));
        });

    assertThat(whileWriting).singleElement().asString().matches("\\.a\\.tar\\.gz\\.partial-.+");
    assertThat(fileNames(root.resolve("backups/a"))).containsExactly("a.tar.gz");
  }

  @Test
  void partialFilesLeftByACrashAreNotObjects() throws IOException {
    Files.createDirectories(root.resolve("backups/a"));
    Files.writeString(root.resolve("backups/a/.a.tar.gz.partial-123"), "half");

    assertThat(store.list("")).isEmpty();
    assertThat(new BackupCatalog(store).listBackups()).isEmpty();
  }

  @Test
  void theNextWriteOfAKeyRemovesPartialFilesACrashLeft() throws IOException {
    Files.createDirectories(root.resolve("backups/a"));
    Files.writeString(root.resolve("backups/a/.a.tar.gz.partial-123"), "half");
    Files.writeString(root.resolve("backups/a/.other.partial-456"), "another key's");

    store.write("backups/a/a.tar.gz", out -> out.write(1));

    assertThat(fileNames(root.resolve("backups/a")))
        .containsExactlyInAnyOrder("a.tar.gz", ".other.partial-456");
  }

  @Test
  void deletingAKeyRemovesItsCrashedPartialFilesAndPrunesTheFolder() throws IOException {
    Files.createDirectories(root.resolve("backups/a"));
    Files.writeString(root.resolve("backups/a/.velero-backup.json.partial-123"), "half");

    store.delete("backups/a/velero-backup.json");

    assertThat(root).isEmptyDirectory();
  }

  @Test
  void deletePrunesFoldersLeftEmptyButNotTheRoot() throws IOException {
    store.write("backups/a/deep/file", out -> out.write(1));
    store.write("restores/r/file", out -> out.write(1));

    store.delete("backups/a/deep/file");

    assertThat(rawEntries()).containsExactlyInAnyOrder("restores", "restores/r", "restores/r/file");

    store.delete("restores/r/file");

    assertThat(root).isEmptyDirectory();
  }

  @Test
  void objectsAreReadableByTheirOwnerOnly() throws IOException {
    assumeThat(root.getFileSystem().supportedFileAttributeViews()).contains("posix");

    store.write("backups/a/a.tar.gz", out -> out.write("secret data".getBytes(UTF_8)));

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("backups/a/a.tar.gz"))))
        .isEqualTo("rw-------");
  }

  private List<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).collect(Collectors.toList());
    }
  }

  private String relative(Path path) {
    StringJoiner joined = new StringJoiner("/");
    for (Path name : root.relativize(path)) {
      joined.add(name.toString());
    }
    return joined.toString();
  }
}
