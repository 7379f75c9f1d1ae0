package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.store.LocalBackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.restore.report.ItemOutcome;
import dev.tugboat.restore.report.RestoreRecords;
import dev.tugboat.restore.report.RestoreReport;
import dev.tugboat.restore.report.RestoreResourceList;
import dev.tugboat.restore.report.RestoreSummary;
import dev.tugboat.restore.rollback.RollbackReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-side {@code tugboat restore} commands against a local store holding three restores:
 * {@code shop-copy} (completed with a warning, every record written), {@code partial} (partially
 * failed, only its summary, rolled back with a failed item) and {@code broken} (its
 * tugboat-restore.json is not JSON).
 */
class RestoreCommandsTest {

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();

  @TempDir Path work;

  Path storeRoot;

  @BeforeEach
  void publishRestores() throws IOException {
    storeRoot = work.resolve("store");
    LocalBackupStore store = new LocalBackupStore(storeRoot);

    RestoreReport report =
        new RestoreReport(
            "shop-copy", Clock.fixed(Instant.parse("2026-03-01T10:00:05Z"), ZoneOffset.UTC));
    report.info("Restoring backup nightly");
    report.warning("shop-copy", "ConfigMap shop-copy/settings exists and differs; left as it is");
    RestoreResourceList resources = new RestoreResourceList();
    resources.record("apps/v1", "Deployment", "shop-copy", "web", ItemOutcome.CREATED);
    resources.record("v1", "ConfigMap", "shop-copy", "settings", ItemOutcome.SKIPPED);
    resources.record("v1", "Namespace", null, "shop-copy", ItemOutcome.CREATED);
    RestoreRecords.publish(store, "shop-copy", report, resources);
    store.write(
        StoreLayout.restoreSummary("shop-copy"),
        new RestoreSummary(
            "shop-copy",
            "nightly",
            "Completed",
            false,
            "2026-03-01T10:00:00Z",
            "2026-03-01T10:00:07Z",
            Map.of("created", 2L, "skipped", 1L),
            1,
            0,
            Map.of("shop", "shop-copy"),
            "none",
            "run-1"));

    store.write(
        StoreLayout.restoreSummary("partial"),
        new RestoreSummary(
            "partial",
            "weekly",
            "PartiallyFailed",
            false,
            "2026-02-01T08:00:00Z",
            "2026-02-01T08:01:00Z",
            Map.of("created", 8L, "failed", 2L),
            0,
            2,
            Map.of(),
            "update",
            "run-2"));
    store.write(
        RollbackReport.key("partial"),
        new RollbackReport(
            "partial",
            "FailedRollback",
            false,
            "2026-02-02T09:00:00Z",
            "2026-02-02T09:00:04Z",
            Map.of("deleted", 7L, "failed", 1L, "left-alone", 2L),
            List.of()));

    store.write(
        StoreLayout.restoreSummary("broken"),
        out -> out.write("{not json".getBytes(StandardCharsets.UTF_8)));
  }

  // --- list

  @Test
  void listShowsOneRowPerRestoreSortedByNameWithUnreadableOnesAndExitCode3() {
    RunnerFixture.Result result = run("restore", "list");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(result.out())
        .isEqualTo(
            """
            NAME        BACKUP    PHASE             STARTED                ERRORS   WARNINGS   COMPLETED              ROLLBACK
            broken      -         Unreadable        -                      -        -          -                      -
            partial     weekly    PartiallyFailed   2026-02-01T08:00:00Z   2        0          2026-02-01T08:01:00Z   FailedRollback
            shop-copy   nightly   Completed         2026-03-01T10:00:00Z   0        1          2026-03-01T10:00:07Z   -
            """);
    assertThat(result.err())
        .isEqualTo(
            "tugboat: warning: restore 'broken': tugboat-restore.json is not a restore summary\n");
  }

  @Test
  void listAsJson() {
    RunnerFixture.Result result = run("restore", "list", "--output", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    JsonObject listing = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(listing.get("store").getAsString()).isEqualTo(storeRoot.toString());
    JsonObject partial = listing.getAsJsonArray("restores").get(1).getAsJsonObject();
    assertThat(partial)
        .isEqualTo(
            JsonParser.parseString(
                """
                {"name":"partial","backup":"weekly","phase":"PartiallyFailed",
                 "started":"2026-02-01T08:00:00Z","completed":"2026-02-01T08:01:00Z",
                 "errors":2,"warnings":0,"rollback":"FailedRollback"}
                """));
    assertThat(listing.getAsJsonArray("restores")).hasSize(3);
  }

  @Test
  void listOfAStoreWithoutRestoresSaysSo() {
    RunnerFixture.Result result =
        runner.run("restore", "list", "--store", work.resolve("empty").toUri().toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).isEqualTo("No restores in " + work.resolve("empty") + "\n");
  }

  // --- describe

  @Test
  void describeShowsTheSummary() {
    RunnerFixture.Result result = run("restore", "describe", "shop-copy");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .isEqualTo(
            """
            Name:  shop-copy
            Phase:  Completed

            Backup:  nightly

            Namespace mappings:  shop:shop-copy

            Existing resource policy:  none

            Started:    2026-03-01T10:00:00Z
            Completed:  2026-03-01T10:00:07Z

            Items:
              created:  2
              skipped:  1

            Errors:    0
            Warnings:  1
            """);
  }

  @Test
  void describeWithDetailsAddsTheResourceListAndTheMessages() {
    RunnerFixture.Result result = run("restore", "describe", "shop-copy", "--details");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .endsWith(
            """
            Warnings:  1

            Resource List:
              apps/v1/Deployment:
                - shop-copy/web(created)
              v1/ConfigMap:
                - shop-copy/settings(skipped)
              v1/Namespace:
                - shop-copy(created)

            Errors:
              Velero:  <none>
              Cluster:  <none>
              Namespaces:  <none>

            Warnings:
              Velero:  <none>
              Cluster:  <none>
              Namespaces:
                shop-copy:
                  - ConfigMap shop-copy/settings exists and differs; left as it is
            """);
  }

  @Test
  void describeWithDetailsOfARestoreWithoutRecordsSaysWhatIsMissing() {
    RunnerFixture.Result result = run("restore", "describe", "partial", "--details");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .endsWith(
            """
            Resource List:  <error getting restore resource list: restore-partial-resource-list.json.gz is absent>

            Errors and warnings:  <error getting restore results: restore-partial-results.gz is absent>
            """);
  }

  @Test
  void describeAsJsonHoldsTheSummary() {
    RunnerFixture.Result result = run("restore", "describe", "partial", "--output", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    JsonObject description = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(description.get("details").getAsBoolean()).isFalse();
    assertThat(description.getAsJsonObject("restore"))
        .isEqualTo(
            JsonParser.parseString(
                """
                {"name":"partial","backup":"weekly","phase":"PartiallyFailed","dryRun":false,
                 "started":"2026-02-01T08:00:00Z","completed":"2026-02-01T08:01:00Z",
                 "items":{"created":8,"failed":2},"warnings":0,"errors":2,"namespaceMapping":{},
                 "existingResourcePolicy":"update","ledgerRun":"run-2"}
                """));
    assertThat(description.getAsJsonObject("rollback"))
        .isEqualTo(
            JsonParser.parseString(
                """
                {"phase":"FailedRollback","started":"2026-02-02T09:00:00Z",
                 "completed":"2026-02-02T09:00:04Z",
                 "items":{"deleted":7,"failed":1,"left-alone":2}}
                """));
  }

  @Test
  void describeShowsTheRollback() {
    RunnerFixture.Result result = run("restore", "describe", "partial");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .endsWith(
            """
            Warnings:  0

            Rollback:  FailedRollback
              Started:    2026-02-02T09:00:00Z
              Completed:  2026-02-02T09:00:04Z
              deleted:  7
              failed:  1
              left-alone:  2
            """);
  }

  @Test
  void describeOfAMissingRestoreIsExitCode4() {
    RunnerFixture.Result result = run("restore", "describe", "nope");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("tugboat: restore 'nope' not found in " + storeRoot + "\n");
  }

  // --- logs

  @Test
  void logsPrintsTheGunzippedLog() {
    RunnerFixture.Result result = run("restore", "logs", "shop-copy");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .isEqualTo(
            """
            time="2026-03-01T10:00:05Z" level=info msg="Restoring backup nightly" restore=velero/shop-copy
            time="2026-03-01T10:00:05Z" level=warning msg="ConfigMap shop-copy/settings exists and differs; left as it is" restore=velero/shop-copy
            """);
  }

  @Test
  void logsOfARestoreWithoutThemIsExitCode4() {
    RunnerFixture.Result result = run("restore", "logs", "partial");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .isEqualTo(
            "tugboat: restore 'partial' in " + storeRoot + ": restore-partial-logs.gz is absent\n");
  }

  @Test
  void logsOfAMissingRestoreIsExitCode4() {
    RunnerFixture.Result result = run("restore", "logs", "nope");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).isEqualTo("tugboat: restore 'nope' not found in " + storeRoot + "\n");
  }

  private RunnerFixture.Result run(String... args) {
    String[] command = new String[args.length + 2];
    System.arraycopy(args, 0, command, 0, args.length);
    command[args.length] = "--store";
    command[args.length + 1] = storeRoot.toUri().toString();
    return runner.run(command);
  }
}
