package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BodyWriter;
import dev.tugboat.core.store.LocalBackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.restore.report.RestoreSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tugboat backup gc} on a local store holding: {@code expired} (expired in 2020, restored
 * twice, by {@code expired-copy} and {@code expired-again}), {@code current} (expires in 2099,
 * restored by {@code current-copy}), {@code forever} (no expiration), {@code broken} (its
 * velero-backup.json is not JSON), {@code velero-running} (expired, but in phase InProgress),
 * {@code staging} (a backup being written: staged chunks, no velero-backup.json), restore {@code
 * mystery} (its summary is not JSON) and restore {@code running} (no summary yet).
 */
class BackupGcCommandTest {

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();

  @TempDir Path work;

  Path storeRoot;
  BackupStore store;

  @BeforeEach
  void fillTheStore() throws IOException {
    storeRoot = work.resolve("store");
    store = new LocalBackupStore(storeRoot);
    BackupCatalog catalog = new BackupCatalog(store);
    publish(catalog, "expired", metadata("expired", "Completed", "2020-01-02T00:00:00Z"));
    publish(catalog, "current", metadata("current", "Completed", "2099-07-01T10:00:00Z"));
    publish(catalog, "forever", metadata("forever", "PartiallyFailed", null));
    publish(catalog, "broken", "{not json");
    publish(
        catalog,
        "velero-running",
        metadata("velero-running", "InProgress", "2020-01-02T00:00:00Z"));
    store.write("backups/staging/staging/run-1/p00000/000000", body("chunk"));
    restore("expired-copy", "expired");
    restore("expired-again", "expired");
    restore("current-copy", "current");
    store.write(StoreLayout.restoreSummary("mystery"), body("{not json"));
    store.write(StoreLayout.restoreLogs("running"), body("log"));
  }

  @Test
  void deletesTheExpiredBackupsWithTheirRestoresAndSaysWhatItKeptAndWhy() {
    RunnerFixture.Result result = run("backup", "gc");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            Deleted backup expired: expired at 2020-01-02T00:00:00Z
            Deleted restore expired-again: made from backup expired
            Deleted restore expired-copy: made from backup expired
            Kept backup broken: unreadable: velero-backup.json is not valid JSON
            Kept backup current: expires at 2099-07-01T10:00:00Z
            Kept backup forever: no expiration
            Kept backup staging: being written: no velero-backup.json yet
            Kept backup velero-running: being written: phase InProgress
            Kept restore mystery: its backup is unknown: tugboat-restore.json is not a restore summary
            Deleted 1 backup(s) and 2 restore(s) from %s; kept 5 backup(s)
            """
                .formatted(storeRoot));
    assertThat(store.list("backups/expired/")).isEmpty();
    assertThat(store.list("restores/expired-copy/")).isEmpty();
    assertThat(store.list("restores/expired-again/")).isEmpty();
    assertThat(new BackupCatalog(store).listFolders())
        .containsExactly("broken", "current", "forever", "staging", "velero-running");
    assertThat(store.list(StoreLayout.RESTORES))
        .containsExactly(
            "restores/current-copy/restore-current-copy-logs.gz",
            "restores/current-copy/tugboat-restore.json",
            "restores/mystery/tugboat-restore.json",
            "restores/running/restore-running-logs.gz");
  }

  @Test
  void aDryRunSaysWhatItWouldDeleteAndDeletesNothing() {
    var before = store.list("");

    RunnerFixture.Result result = run("backup", "gc", "--dry-run");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines())
        .startsWith(
            "Would delete backup expired: expired at 2020-01-02T00:00:00Z",
            "Would delete restore expired-again: made from backup expired",
            "Would delete restore expired-copy: made from backup expired",
            "Kept backup broken: unreadable: velero-backup.json is not valid JSON")
        .endsWith(
            "Would delete 1 backup(s) and 2 restore(s) from " + storeRoot + "; kept 5 backup(s)");
    assertThat(store.list("")).isEqualTo(before);
  }

  @Test
  void asJson() {
    RunnerFixture.Result result = run("backup", "gc", "--dry-run", "--output", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(JsonParser.parseString(result.out()))
        .isEqualTo(
            JsonParser.parseString(
                """
                {"store":"%s","dryRun":true,
                 "deleted":[{"name":"expired","reason":"expired at 2020-01-02T00:00:00Z",
                             "restores":["expired-again","expired-copy"]}],
                 "kept":[
                   {"name":"broken","reason":"unreadable: velero-backup.json is not valid JSON"},
                   {"name":"current","reason":"expires at 2099-07-01T10:00:00Z"},
                   {"name":"forever","reason":"no expiration"},
                   {"name":"staging","reason":"being written: no velero-backup.json yet"},
                   {"name":"velero-running","reason":"being written: phase InProgress"}],
                 "keptRestores":[
                   {"name":"mystery","reason":"tugboat-restore.json is not a restore summary"}]}
                """
                    .formatted(storeRoot)));
  }

  @Test
  void aSecondRunFindsNothingMoreToDelete() {
    run("backup", "gc");

    RunnerFixture.Result second = run("backup", "gc", "--output", "json");

    assertThat(second.exitCode()).isZero();
    assertThat(JsonParser.parseString(second.out()).getAsJsonObject().getAsJsonArray("deleted"))
        .isEmpty();
  }

  @Test
  void anEmptyStoreSaysSo() {
    Path empty = work.resolve("empty");

    RunnerFixture.Result result = runner.run("--store", empty.toString(), "backup", "gc");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("No backups in " + empty + "\n");
  }

  private RunnerFixture.Result run(String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "--store";
    command[1] = storeRoot.toString();
    System.arraycopy(args, 0, command, 2, args.length);
    return runner.run(command);
  }

  private static void publish(BackupCatalog catalog, String name, String metadata)
      throws IOException {
    catalog.publish(
        name,
        body("archive of " + name),
        Map.of(StoreLayout.backupLogs(name), body("log")),
        body(metadata));
  }

  private void restore(String name, String backup) throws IOException {
    store.write(StoreLayout.restoreLogs(name), body("log"));
    store.write(
        StoreLayout.restoreSummary(name),
        new RestoreSummary(
            name,
            backup,
            "Completed",
            false,
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:01:00Z",
            Map.of("created", 3L),
            0,
            0,
            Map.of(),
            "none",
            "run-1"));
  }

  /**
   * A velero-backup.json as Velero writes it; without an expiration when {@code expiration} is
   * null.
   */
  private static String metadata(String name, String phase, String expiration) {
    String status =
        expiration == null
            ? "{\"phase\":\"%s\"}".formatted(phase)
            : "{\"phase\":\"%s\",\"expiration\":\"%s\"}".formatted(phase, expiration);
    return """
        {"apiVersion":"velero.io/v1","kind":"Backup","metadata":{"name":"%s"},"status":%s}
        """
        .formatted(name, status);
  }

  private static BodyWriter body(String text) {
    return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
