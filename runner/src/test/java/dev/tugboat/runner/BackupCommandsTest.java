package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.velero.BackupOutcome;
import dev.tugboat.backup.velero.BackupSpec;
import dev.tugboat.backup.velero.ResourceListDocument;
import dev.tugboat.backup.velero.ResultsDocument;
import dev.tugboat.backup.velero.VeleroBackupDocument;
import dev.tugboat.core.archive.ArchiveWriter;
import dev.tugboat.core.cluster.ServerVersion;
import dev.tugboat.core.selection.LabelSelector;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BodyWriter;
import dev.tugboat.core.store.LocalBackupStore;
import dev.tugboat.core.store.StoreLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-side {@code tugboat backup} commands against a local store holding three backups: {@code
 * nightly} (complete, with every extra file, expiring in 2099), {@code old} (partially failed,
 * expired in 2020, without resource list, results or logs) and {@code broken} (its
 * velero-backup.json is not JSON).
 */
class BackupCommandsTest {

  private static final String SHA256 =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();

  @TempDir Path work;

  Path storeRoot;
  byte[] nightlyArchive;

  @BeforeEach
  void publishBackups() throws IOException {
    storeRoot = work.resolve("store");
    BackupCatalog catalog = new BackupCatalog(new LocalBackupStore(storeRoot));

    nightlyArchive = archiveOf("web", "frontend");
    ResourceListDocument resourceList = new ResourceListDocument();
    resourceList.add("apps/v1", "Deployment", "web", "frontend");
    resourceList.add("v1", "ConfigMap", "web", "settings");
    resourceList.add("v1", "Namespace", null, "web");
    ResultsDocument results = new ResultsDocument();
    results.warnings().addNamespace("web", "ConfigMap web/settings has no data");
    results.warnings().addCluster("the Namespace web is terminating");
    VeleroBackupDocument nightly =
        new VeleroBackupDocument(
            "nightly",
            spec(
                List.of("web"),
                LabelSelector.parse("app=web,tier in (front,back),!legacy"),
                Duration.ofHours(720)),
            new ServerVersion("v1.30.4", "1", "30"),
            new BackupOutcome(
                Instant.parse("2099-06-01T10:00:00Z"),
                Instant.parse("2099-06-01T10:00:21Z"),
                3,
                3,
                2,
                0));
    catalog.publish(
        "nightly",
        out -> out.write(nightlyArchive),
        Map.of(
            StoreLayout.backupResourceList("nightly"), resourceList,
            StoreLayout.backupResults("nightly"), results,
            StoreLayout.backupLogs("nightly"),
                body(
                    gzip(
                        "level=info msg=\"backup started\"\nlevel=info msg=\"backup completed\"\n"))),
        body(withSha256Annotation(nightly.toJson())));

    VeleroBackupDocument old =
        new VeleroBackupDocument(
            "old",
            spec(List.of(), LabelSelector.everything(), Duration.ofHours(24)),
            new ServerVersion("v1.28.2", "1", "28"),
            new BackupOutcome(
                Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-01-01T00:01:00Z"),
                10,
                8,
                0,
                2));
    catalog.publish("old", out -> out.write(archiveOf("db", "postgres")), Map.of(), old);

    catalog.publish(
        "broken",
        out -> out.write(archiveOf("a", "b")),
        Map.of(),
        body("{not json".getBytes(StandardCharsets.UTF_8)));
  }

  // --- list

  @Test
  void listShowsOneRowPerBackupSortedByNameWithUnreadableOnesAndExitCode3() {
    RunnerFixture.Result result = run("backup", "list");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(result.out())
        .isEqualTo(
            """
            NAME      PHASE             ITEMS   ERRORS   WARNINGS   CREATED                EXPIRES
            broken    Unreadable        -       -        -          -                      -
            nightly   Completed         3       0        2          2099-06-01T10:00:00Z   2099-07-01T10:00:00Z
            old       PartiallyFailed   8       2        0          2020-01-01T00:00:00Z   2020-01-02T00:00:00Z (expired)
            """);
    assertThat(result.err())
        .isEqualTo("tugboat: warning: backup 'broken': velero-backup.json is not valid JSON\n");
  }

  @Test
  void listAsJson() {
    RunnerFixture.Result result = run("backup", "list", "--output", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    JsonObject listing = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(listing.get("store").getAsString()).isEqualTo(storeRoot.toString());
    assertThat(listing.get("backups"))
        .isEqualTo(
            JsonParser.parseString(
                """
                [
                  {"name":"broken","phase":"Unreadable","expired":false,
                   "reason":"velero-backup.json is not valid JSON"},
                  {"name":"nightly","phase":"Completed","itemsBackedUp":3,"errors":0,"warnings":2,
                   "created":"2099-06-01T10:00:00Z","expires":"2099-07-01T10:00:00Z","expired":false},
                  {"name":"old","phase":"PartiallyFailed","itemsBackedUp":8,"errors":2,"warnings":0,
                   "created":"2020-01-01T00:00:00Z","expires":"2020-01-02T00:00:00Z","expired":true}
                ]
                """));
  }

  @Test
  void listOfAnEmptyStoreSaysSo() {
    Path empty = work.resolve("empty");

    RunnerFixture.Result result = runner.run("backup", "list", "--store", empty.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("No backups in " + empty + "\n");
  }

  @Test
  void listNamesAnInvalidKindAsTheReason() throws IOException {
    Files.writeString(
        storeRoot.resolve("backups/broken/velero-backup.json"),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"broken\"}}");

    RunnerFixture.Result result = run("backup", "list", "--output", "json");

    JsonObject broken =
        JsonParser.parseString(result.out())
            .getAsJsonObject()
            .getAsJsonArray("backups")
            .get(0)
            .getAsJsonObject();
    assertThat(broken.get("reason").getAsString())
        .isEqualTo("velero-backup.json: not a velero.io/v1 Backup (apiVersion v1, kind ConfigMap)");
  }

  @Test
  void listNamesAFieldOfTheWrongTypeAsTheReason() throws IOException {
    Files.writeString(
        storeRoot.resolve("backups/broken/velero-backup.json"),
        """
        {"apiVersion":"velero.io/v1","kind":"Backup","metadata":{"name":"broken"},
         "status":{"phase":"Completed","progress":{"itemsBackedUp":"many"}}}
        """);

    RunnerFixture.Result result = run("backup", "list");

    assertThat(result.out().lines())
        .contains(
            "broken    Unreadable        -       -        -          -                      -");
    assertThat(result.err())
        .isEqualTo(
            "tugboat: warning: backup 'broken': velero-backup.json:"
                + " status.progress.itemsBackedUp is not a number\n");
  }

  // --- describe

  @Test
  void describeShowsTheBackupAsVeleroDoes() {
    RunnerFixture.Result result = run("backup", "describe", "nightly");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(NIGHTLY_DESCRIPTION);
  }

  @Test
  void describeWithDetailsAddsTheResourceListAndTheMessages() {
    RunnerFixture.Result result = run("backup", "describe", "nightly", "--details");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            NIGHTLY_DESCRIPTION
                + """

                Resource List:
                  apps/v1/Deployment:
                    - web/frontend
                  v1/ConfigMap:
                    - web/settings
                  v1/Namespace:
                    - web

                Errors:
                  Velero:  <none>
                  Cluster:  <none>
                  Namespaces:  <none>

                Warnings:
                  Velero:  <none>
                  Cluster:
                    - the Namespace web is terminating
                  Namespaces:
                    web:
                      - ConfigMap web/settings has no data
                """);
  }

  @Test
  void describeWithDetailsSaysWhatIsMissing() {
    RunnerFixture.Result result = run("backup", "describe", "old", "--details");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains(
            """
            Namespaces:
              Included:  *
              Excluded:  <none>
            """,
            "Label selector:  <none>\n",
            "Expiration:  2020-01-02T00:00:00Z (expired)\n",
            "Errors:    2\n",
            """
            Source cluster version:  v1.28.2 (major 1, minor 28)

            Resource List:  <error getting backup resource list: old-resource-list.json.gz is absent>

            Errors and warnings:  <error getting backup results: old-results.gz is absent>
            """)
        .doesNotContain("SHA-256");
  }

  @Test
  void describeAsJson() {
    RunnerFixture.Result result =
        run("backup", "describe", "nightly", "--details", "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(JsonParser.parseString(result.out()))
        .isEqualTo(
            JsonParser.parseString(
                """
                {
                  "backup": {
                    "name": "nightly", "phase": "Completed", "formatVersion": "1.1.0",
                    "includedNamespaces": ["web"], "excludedNamespaces": [],
                    "includedResources": [], "excludedResources": [],
                    "labelSelector": "app=web,!legacy,tier in (back,front)", "orLabelSelectors": [],
                    "ttl": "720h0m0s", "storageLocation": "default",
                    "started": "2099-06-01T10:00:00Z", "completed": "2099-06-01T10:00:21Z",
                    "expiration": "2099-07-01T10:00:00Z",
                    "totalItems": 3, "itemsBackedUp": 3, "errors": 0, "warnings": 2,
                    "sourceCluster": {"gitVersion": "v1.30.4", "major": "1", "minor": "30"},
                    "sha256": "%s"
                  },
                  "expired": false,
                  "details": true,
                  "resourceList": {
                    "apps/v1/Deployment": ["web/frontend"],
                    "v1/ConfigMap": ["web/settings"],
                    "v1/Namespace": ["web"]
                  },
                  "results": {
                    "errors": {"velero": [], "cluster": [], "namespaces": {}},
                    "warnings": {
                      "velero": [],
                      "cluster": ["the Namespace web is terminating"],
                      "namespaces": {"web": ["ConfigMap web/settings has no data"]}
                    }
                  }
                }
                """
                    .formatted(SHA256)));
  }

  @Test
  void describeOfAnUnreadableBackupIsAPreconditionErrorWithTheReason() {
    RunnerFixture.Result result = run("backup", "describe", "broken");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .isEqualTo(
            "tugboat: backup 'broken' in "
                + storeRoot
                + ": velero-backup.json is not valid JSON\n");
  }

  @Test
  void describeOfAMissingBackupIsAPreconditionError() {
    RunnerFixture.Result result = run("backup", "describe", "ghost");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).isEqualTo("tugboat: backup 'ghost' not found in " + storeRoot + "\n");
  }

  @Test
  void anInvalidNameIsAPreconditionErrorThatSaysWhy() {
    RunnerFixture.Result result = run("backup", "describe", "Nightly_1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .startsWith("tugboat: invalid backup name 'Nightly_1': it must be a lowercase RFC 1123");
  }

  // --- logs

  @Test
  void logsPrintsTheGunzippedLog() {
    RunnerFixture.Result result = run("backup", "logs", "nightly");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo("level=info msg=\"backup started\"\nlevel=info msg=\"backup completed\"\n");
  }

  @Test
  void logsAsJsonAreLines() {
    RunnerFixture.Result result = run("backup", "logs", "nightly", "--output", "json");

    assertThat(JsonParser.parseString(result.out()))
        .isEqualTo(
            JsonParser.parseString(
                """
                {"backup":"nightly","lines":[
                  "level=info msg=\\"backup started\\"","level=info msg=\\"backup completed\\""]}
                """));
  }

  @Test
  void logsOfABackupWithoutLogsIsAPreconditionError() {
    RunnerFixture.Result result = run("backup", "logs", "old");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo("tugboat: backup 'old' in " + storeRoot + ": old-logs.gz is absent\n");
  }

  @Test
  void logsOfAMissingBackupIsAPreconditionError() {
    RunnerFixture.Result result = run("backup", "logs", "ghost");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).isEqualTo("tugboat: backup 'ghost' not found in " + storeRoot + "\n");
  }

  // --- download

  @Test
  void downloadCopiesTheArchiveAndLeavesNoTemporaryFile() throws IOException {
    Path target = work.resolve("out/nightly.tar.gz");

    RunnerFixture.Result result = run("backup", "download", "nightly", "-o", target.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.readAllBytes(target)).isEqualTo(nightlyArchive);
    assertThat(result.out())
        .isEqualTo(
            "Downloaded backup 'nightly' to "
                + target
                + " ("
                + nightlyArchive.length
                + " bytes)\n");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void downloadRefusesToOverwriteWithoutForce() throws IOException {
    Path target = work.resolve("nightly.tar.gz");
    Files.writeString(target, "keep me");

    RunnerFixture.Result refused = run("backup", "download", "nightly", "-o", target.toString());

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(refused.err())
        .isEqualTo(
            "tugboat: "
                + target
                + " already exists; pass --force to replace it, or -o to choose another file\n");
    assertThat(Files.readString(target)).isEqualTo("keep me");

    RunnerFixture.Result forced =
        run(
            "backup",
            "download",
            "nightly",
            "-o",
            target.toString(),
            "--force",
            "--output",
            "json");

    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readAllBytes(target)).isEqualTo(nightlyArchive);
    assertThat(JsonParser.parseString(forced.out()))
        .isEqualTo(
            JsonParser.parseString(
                "{\"backup\":\"nightly\",\"file\":\"%s\",\"bytes\":%d}"
                    .formatted(target, nightlyArchive.length)));
  }

  @Test
  void downloadOfAMissingBackupWritesNothing() throws IOException {
    Path target = work.resolve("out/ghost.tar.gz");

    RunnerFixture.Result result = run("backup", "download", "ghost", "-o", target.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).isEqualTo("tugboat: backup 'ghost' not found in " + storeRoot + "\n");
    assertThat(target.getParent()).doesNotExist();
  }

  // --- delete

  @Test
  void deleteWithoutConfirmIsAUsageErrorAndKeepsTheBackup() {
    RunnerFixture.Result result = run("backup", "delete", "nightly");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().lines().findFirst())
        .contains(
            "backup delete removes backup 'nightly' from the store for good; pass --confirm to do"
                + " it");
    assertThat(storeRoot.resolve("backups/nightly/velero-backup.json")).exists();
  }

  @Test
  void deleteWithConfirmRemovesEveryFileOfTheBackup() {
    RunnerFixture.Result result = run("backup", "delete", "nightly", "--confirm");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Deleted backup 'nightly' from " + storeRoot + "\n");
    assertThat(storeRoot.resolve("backups/nightly")).doesNotExist();
    assertThat(run("backup", "describe", "nightly").exitCode()).isEqualTo(ExitCodes.PRECONDITION);
  }

  @Test
  void deleteAsJson() {
    RunnerFixture.Result result = run("backup", "delete", "old", "--confirm", "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(JsonParser.parseString(result.out()))
        .isEqualTo(
            JsonParser.parseString("{\"deleted\":\"old\",\"store\":\"%s\"}".formatted(storeRoot)));
  }

  @Test
  void deleteOfAMissingBackupIsAPreconditionError() {
    RunnerFixture.Result result = run("backup", "delete", "ghost", "--confirm");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).isEqualTo("tugboat: backup 'ghost' not found in " + storeRoot + "\n");
  }

  private static final String NIGHTLY_DESCRIPTION =
      """
      Name:  nightly
      Phase:  Completed

      Namespaces:
        Included:  web
        Excluded:  <none>

      Resources:
        Included:        *
        Excluded:        <none>
        Cluster-scoped:  auto

      Label selector:  app=web,!legacy,tier in (back,front)

      Or label selector:  <none>

      Storage Location:  default

      TTL:  720h0m0s

      Backup Format Version:  1.1.0

      Started:    2099-06-01T10:00:00Z
      Completed:  2099-06-01T10:00:21Z

      Expiration:  2099-07-01T10:00:00Z

      Total items to be backed up:  3
      Items backed up:              3

      Errors:    0
      Warnings:  2

      Source cluster version:  v1.30.4 (major 1, minor 30)
      Archive SHA-256:  %s
      """
          .formatted(SHA256);

  private RunnerFixture.Result run(String... args) {
    String[] withStore = new String[args.length + 2];
    System.arraycopy(args, 0, withStore, 0, args.length);
    withStore[args.length] = "--store";
    withStore[args.length + 1] = storeRoot.toString();
    return runner.run(withStore);
  }

  private static BackupSpec spec(List<String> namespaces, LabelSelector selector, Duration ttl) {
    return new BackupSpec(
        namespaces,
        List.of(),
        List.of(),
        List.of(),
        null,
        selector,
        List.of(),
        ttl,
        "default",
        Map.of());
  }

  private static byte[] archiveOf(String namespace, String configMap) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Clock clock = Clock.fixed(Instant.parse("2099-06-01T10:00:00Z"), ZoneOffset.UTC);
    try (ArchiveWriter writer = ArchiveWriter.open(out, clock)) {
      JsonObject item = new JsonObject();
      item.addProperty("apiVersion", "v1");
      item.addProperty("kind", "ConfigMap");
      writer.writeItem("configmaps", "v1", namespace, configMap, item);
      writer.finish();
    }
    return out.toByteArray();
  }

  private static byte[] withSha256Annotation(String veleroBackupJson) {
    JsonObject backup = JsonParser.parseString(veleroBackupJson).getAsJsonObject();
    backup
        .getAsJsonObject("metadata")
        .getAsJsonObject("annotations")
        .addProperty("tugboat.dev/sha256", SHA256);
    return backup.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static BodyWriter body(byte[] content) {
    return out -> out.write(content);
  }
}
