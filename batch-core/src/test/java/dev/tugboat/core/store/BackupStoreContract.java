package dev.tugboat.core.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link BackupStore} must have, and {@link BackupCatalog}'s guarantees on top
 * of it; run against each implementation by a subclass.
 */
abstract class BackupStoreContract {

  private static final long MIB = 1024 * 1024;
  private static final byte[] ARCHIVE = "tar.gz bytes".getBytes(UTF_8);
  private static final byte[] METADATA = "{\"kind\":\"Backup\"}".getBytes(UTF_8);

  protected BackupStore store;
  private BackupCatalog catalog;

  /** A new, empty store. */
  protected abstract BackupStore createStore() throws Exception;

  /**
   * Everything physically under the store's root (files, folders or objects, hidden ones included),
   * relative to the root; anything outside the root as its full raw name.
   */
  protected abstract List<String> rawEntries() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = createStore();
    catalog = new BackupCatalog(store);
  }

  @AfterEach
  void nothingIsWrittenOutsideBackupsAndRestores() throws Exception {
    assertThat(rawEntries())
        .allSatisfy(entry -> assertThat(entry).matches("(backups|restores)(/.*)?"));
  }

  // ---- objects

  @Test
  void readReturnsWhatWasWritten() throws IOException {
    store.write("backups/a/a.tar.gz", out -> out.write(ARCHIVE));

    assertThat(readString("backups/a/a.tar.gz")).isEqualTo("tar.gz bytes");
  }

  @Test
  void writeReplacesAnExistingObject() throws IOException {
    store.write("backups/a/a.tar.gz", out -> out.write("first".getBytes(UTF_8)));
    store.write("backups/a/a.tar.gz", out -> out.write("second".getBytes(UTF_8)));

    assertThat(readString("backups/a/a.tar.gz")).isEqualTo("second");
  }

  @Test
  void readOfAMissingObjectNamesTheKeyAndTheStore() {
    assertThatThrownBy(() -> store.read("backups/a/a.tar.gz"))
        .isInstanceOf(StoreObjectNotFoundException.class)
        .hasMessage("object 'backups/a/a.tar.gz' not found in " + store.location());
  }

  @Test
  void existsOnlyForObjectsNotForTheirFolders() throws IOException {
    store.write("backups/a/a.tar.gz", out -> out.write(ARCHIVE));

    assertThat(store.exists("backups/a/a.tar.gz")).isTrue();
    assertThat(store.exists("backups/a")).isFalse();
    assertThat(store.exists("backups/a/a.tar")).isFalse();
    assertThat(store.exists("restores/a/a.tar.gz")).isFalse();
  }

  @Test
  void listIsRecursiveSortedAndFilteredByPrefix() throws IOException {
    for (String key :
        List.of(
            "restores/r/restore-r-logs.gz",
            "backups/b/b.tar.gz",
            "backups/a/deep/er/file",
            "backups/ab/ab.tar.gz",
            "backups/a/a.tar.gz")) {
      store.write(key, out -> out.write(1));
    }

    assertThat(store.list(""))
        .containsExactly(
            "backups/a/a.tar.gz",
            "backups/a/deep/er/file",
            "backups/ab/ab.tar.gz",
            "backups/b/b.tar.gz",
            "restores/r/restore-r-logs.gz");
    assertThat(store.list("backups/"))
        .containsExactly(
            "backups/a/a.tar.gz",
            "backups/a/deep/er/file",
            "backups/ab/ab.tar.gz",
            "backups/b/b.tar.gz");
    assertThat(store.list("backups/a/"))
        .containsExactly("backups/a/a.tar.gz", "backups/a/deep/er/file");
    assertThat(store.list("backups/a"))
        .containsExactly("backups/a/a.tar.gz", "backups/a/deep/er/file", "backups/ab/ab.tar.gz");
    assertThat(store.list("restores/")).containsExactly("restores/r/restore-r-logs.gz");
    assertThat(store.list("backups/c/")).isEmpty();
  }

  @Test
  void deleteRemovesTheObjectAndIgnoresMissingOnes() throws IOException {
    store.write("backups/a/a.tar.gz", out -> out.write(ARCHIVE));
    store.write("backups/a/velero-backup.json", out -> out.write(METADATA));

    store.delete("backups/a/a.tar.gz");
    store.delete("backups/a/a.tar.gz");
    store.delete("backups/never/written");

    assertThat(store.exists("backups/a/a.tar.gz")).isFalse();
    assertThat(store.list("")).containsExactly("backups/a/velero-backup.json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "backups",
        "backups/",
        "/backups/a",
        "backups//a",
        "backups/./a",
        "backups/../restores/a",
        "backups/a/..",
        "backups/.a.partial-1",
        "backups\\a",
        "kopia/a",
        "metadata/revision",
        "other"
      })
  void invalidKeysAreRefusedBeforeTouchingTheStore(String key) {
    String message = "invalid store key '" + key + "'";
    assertThatThrownBy(() -> store.write(key, out -> out.write(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
    assertThatThrownBy(() -> store.read(key)).hasMessageStartingWith(message);
    assertThatThrownBy(() -> store.exists(key)).hasMessageStartingWith(message);
    assertThatThrownBy(() -> store.delete(key)).hasMessageStartingWith(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/backups/", "backups//", "backups/../", "kopia/", "back", "./backups/"})
  void invalidListPrefixesAreRefused(String prefix) {
    assertThatThrownBy(() -> store.list(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid store prefix '" + prefix + "'");
  }

  @Test
  void aBodyMayCloseTheStreamItWritesTo() throws IOException {
    store.write(
        "backups/a/a.tar.gz",
        out -> {
          out.write(ARCHIVE);
          out.close();
        });

    assertThat(readString("backups/a/a.tar.gz")).isEqualTo("tar.gz bytes");
  }

  @Test
  void aFailingBodyLeavesNoObjectAndItsExceptionPropagates() throws Exception {
    IOException bodyFailure = new IOException("archive generation failed");

    assertThatThrownBy(
            () ->
                store.write(
                    "backups/a/a.tar.gz",
                    out -> {
                      RandomBytes.write(out, MIB, 1);
                      throw bodyFailure;
                    }))
        .isSameAs(bodyFailure);

    assertThat(store.exists("backups/a/a.tar.gz")).isFalse();
    assertThat(store.list("")).isEmpty();
    assertThat(rawEntries()).noneMatch(entry -> entry.startsWith("backups/a/"));
  }

  @Test
  void aFailingBodyKeepsThePreviousVersion() throws IOException {
    store.write("backups/a/a.tar.gz", out -> out.write("first".getBytes(UTF_8)));
    IllegalStateException bodyFailure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                store.write(
                    "backups/a/a.tar.gz",
                    out -> {
                      out.write("second".getBytes(UTF_8));
                      throw bodyFailure;
                    }))
        .isSameAs(bodyFailure);

    assertThat(readString("backups/a/a.tar.gz")).isEqualTo("first");
  }

  @Test
  void aLargeObjectOfUnknownSizeRoundTrips() throws IOException {
    String[] written = new String[1];

    store.write(
        "backups/big/big.tar.gz", out -> written[0] = RandomBytes.write(out, 200 * MIB, 42));

    try (InputStream in = store.read("backups/big/big.tar.gz")) {
      assertThat(RandomBytes.sha256(in)).isEqualTo(written[0]);
    }
  }

  // ---- backups

  @Test
  void aBackupBecomesVisibleOnlyOnceItsMetadataIsWrittenLast() throws IOException {
    List<Boolean> visibleWhileArchiving = new ArrayList<>();

    catalog.publish(
        "nightly",
        out -> {
          out.write(ARCHIVE);
          visibleWhileArchiving.add(store.exists(StoreLayout.backupMetadata("nightly")));
          visibleWhileArchiving.add(catalog.exists("nightly"));
          visibleWhileArchiving.add(catalog.listBackups().contains("nightly"));
        },
        extraFiles("nightly"),
        body(METADATA));

    assertThat(visibleWhileArchiving).containsExactly(false, false, false);
    assertThat(catalog.listBackups()).containsExactly("nightly");
    assertThat(catalog.exists("nightly")).isTrue();
    assertThat(catalog.readMetadata("nightly")).isEqualTo(METADATA);
    try (InputStream archive = catalog.openArchive("nightly")) {
      assertThat(archive.readAllBytes()).isEqualTo(ARCHIVE);
    }
    assertThat(store.list(StoreLayout.backupFolder("nightly")))
        .containsExactly(
            "backups/nightly/nightly-logs.gz",
            "backups/nightly/nightly-resource-list.json.gz",
            "backups/nightly/nightly-results.gz",
            "backups/nightly/nightly.tar.gz",
            "backups/nightly/velero-backup.json");
  }

  @Test
  void foldersListBackupsBeingWrittenBesideThePublishedOnes() throws IOException {
    catalog.publish("nightly", out -> out.write(ARCHIVE), Map.of(), body(METADATA));
    store.write("backups/weekly/staging/run-1/p00000/000000", body(ARCHIVE));
    store.write("restores/r1/tugboat-restore.json", body(METADATA));

    assertThat(catalog.listFolders()).containsExactly("nightly", "weekly");
    assertThat(catalog.listBackups()).containsExactly("nightly");
  }

  @Test
  void publishWritesTheArchiveThenTheExtrasThenTheMetadata() throws IOException {
    RecordingBackupStore recording = new RecordingBackupStore(store);

    new BackupCatalog(recording)
        .publish("nightly", out -> out.write(ARCHIVE), extraFiles("nightly"), body(METADATA));

    assertThat(recording.calls())
        .containsExactly(
            "write backups/nightly/nightly.tar.gz",
            "write backups/nightly/nightly-logs.gz",
            "write backups/nightly/nightly-resource-list.json.gz",
            "write backups/nightly/nightly-results.gz",
            "write backups/nightly/velero-backup.json");
  }

  @Test
  void aFailingArchiveLeavesNoTraceOfTheBackup() throws Exception {
    IOException archiveFailure = new IOException("cluster went away");

    assertThatThrownBy(
            () ->
                catalog.publish(
                    "nightly",
                    out -> {
                      RandomBytes.write(out, MIB, 7);
                      throw archiveFailure;
                    },
                    extraFiles("nightly"),
                    body(METADATA)))
        .isSameAs(archiveFailure);

    assertThat(catalog.listBackups()).isEmpty();
    assertThat(store.list("")).isEmpty();
    assertThat(rawEntries()).noneMatch(entry -> entry.startsWith("backups/nightly/"));
  }

  @Test
  void aFailingExtraFileRollsBackWhatWasWritten() {
    RecordingBackupStore recording =
        new RecordingBackupStore(store).failWritesOf(StoreLayout.backupResults("nightly"));

    assertThatThrownBy(
            () ->
                new BackupCatalog(recording)
                    .publish(
                        "nightly",
                        out -> out.write(ARCHIVE),
                        extraFiles("nightly"),
                        body(METADATA)))
        .isInstanceOf(StoreException.class)
        .hasMessage("injected failure writing backups/nightly/nightly-results.gz");

    assertThat(recording.calls())
        .containsExactly(
            "write backups/nightly/nightly.tar.gz",
            "write backups/nightly/nightly-logs.gz",
            "write backups/nightly/nightly-resource-list.json.gz",
            "write backups/nightly/nightly-results.gz",
            "delete backups/nightly/nightly-resource-list.json.gz",
            "delete backups/nightly/nightly-logs.gz",
            "delete backups/nightly/nightly.tar.gz");
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void aFailingMetadataWriteRollsBackTheWholeBackup() {
    RecordingBackupStore recording =
        new RecordingBackupStore(store).failWritesOf(StoreLayout.backupMetadata("nightly"));

    assertThatThrownBy(
            () ->
                new BackupCatalog(recording)
                    .publish(
                        "nightly",
                        out -> out.write(ARCHIVE),
                        extraFiles("nightly"),
                        body(METADATA)))
        .isInstanceOf(StoreException.class);

    assertThat(store.list("")).isEmpty();
    assertThat(catalog.listBackups()).isEmpty();
  }

  @Test
  void publishRefusesToOverwriteAPublishedBackup() throws IOException {
    catalog.publish("nightly", out -> out.write(ARCHIVE), Map.of(), body(METADATA));

    assertThatThrownBy(
            () ->
                catalog.publish(
                    "nightly", out -> out.write(1), Map.of(), body("{}".getBytes(UTF_8))))
        .isInstanceOf(StoreException.class)
        .hasMessage("backup 'nightly' already exists in " + store.location());
    assertThat(catalog.readMetadata("nightly")).isEqualTo(METADATA);
  }

  @Test
  void extraFilesMustBelongToTheBackupsFolder() {
    for (String key :
        List.of(
            "backups/other/other-logs.gz",
            "backups/nightly/sub/file",
            "backups/nightly/velero-backup.json",
            "backups/nightly/nightly.tar.gz",
            "restores/nightly/restore-nightly-logs.gz")) {
      assertThatThrownBy(
              () ->
                  catalog.publish(
                      "nightly",
                      out -> out.write(ARCHIVE),
                      Map.of(key, body(new byte[1])),
                      body(METADATA)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("extra file '" + key + "' must be a file of backups/nightly/");
    }
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void onlyBackupsWithMetadataAreListedSortedByName() throws IOException {
    catalog.publish("a-b", out -> out.write(ARCHIVE), Map.of(), body(METADATA));
    catalog.publish("a", out -> out.write(ARCHIVE), Map.of(), body(METADATA));
    store.write(StoreLayout.backupArchive("unfinished"), out -> out.write(ARCHIVE));
    store.write(StoreLayout.restoreLogs("a"), out -> out.write(1));

    assertThat(catalog.listBackups()).containsExactly("a", "a-b");
    assertThat(catalog.exists("unfinished")).isFalse();
  }

  @Test
  void readingAnUnpublishedBackupNamesItAndTheStore() throws IOException {
    store.write(StoreLayout.backupArchive("unfinished"), out -> out.write(ARCHIVE));
    String message = "backup 'unfinished' not found in " + store.location();

    assertThatThrownBy(() -> catalog.openArchive("unfinished"))
        .isInstanceOf(BackupNotFoundException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> catalog.readMetadata("unfinished"))
        .isInstanceOf(BackupNotFoundException.class)
        .hasMessage(message);
  }

  @Test
  void deleteRemovesTheMetadataFirstThenTheRest() throws IOException {
    catalog.publish("nightly", out -> out.write(ARCHIVE), extraFiles("nightly"), body(METADATA));
    catalog.publish("other", out -> out.write(ARCHIVE), Map.of(), body(METADATA));
    RecordingBackupStore recording = new RecordingBackupStore(store);

    boolean deleted = new BackupCatalog(recording).delete("nightly");

    assertThat(deleted).isTrue();
    assertThat(recording.calls())
        .containsExactly(
            "delete backups/nightly/velero-backup.json",
            "delete backups/nightly/nightly-logs.gz",
            "delete backups/nightly/nightly-resource-list.json.gz",
            "delete backups/nightly/nightly-results.gz",
            "delete backups/nightly/nightly.tar.gz");
    assertThat(catalog.listBackups()).containsExactly("other");
    assertThat(store.list("backups/nightly/")).isEmpty();
  }

  @Test
  void deleteCleansUpLeftoversOfAnUnpublishedBackup() throws IOException {
    store.write(StoreLayout.backupArchive("unfinished"), out -> out.write(ARCHIVE));

    assertThat(catalog.delete("unfinished")).isFalse();
    assertThat(store.list("")).isEmpty();
  }

  private String readString(String key) throws IOException {
    try (InputStream in = store.read(key)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static Map<String, BodyWriter> extraFiles(String backup) {
    return Map.of(
        StoreLayout.backupResourceList(backup), body("resources".getBytes(UTF_8)),
        StoreLayout.backupResults(backup), body("results".getBytes(UTF_8)),
        StoreLayout.backupLogs(backup), body("logs".getBytes(UTF_8)));
  }

  private static BodyWriter body(byte[] content) {
    return out -> out.write(content);
  }
}
