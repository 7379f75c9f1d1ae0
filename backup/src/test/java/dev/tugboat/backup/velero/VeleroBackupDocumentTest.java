package dev.tugboat.backup.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tugboat.core.cluster.ServerVersion;
import dev.tugboat.core.selection.LabelSelector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VeleroBackupDocumentTest {

  private static final ServerVersion VERSION = new ServerVersion("v1.30.4", "1", "30");
  private static final Instant START = Instant.parse("2026-06-01T10:00:00.750Z");
  private static final Instant END = Instant.parse("2026-06-01T10:00:21.300Z");

  @Test
  void writesTheBackupAsVeleroDoes() {
    BackupSpec spec =
        new BackupSpec(
            List.of("shop", "shop-*"),
            List.of("shop-test"),
            List.of("deployments.apps", "configmaps"),
            List.of("events"),
            true,
            LabelSelector.parse("tier in (web,api),app=shop,!legacy"),
            List.of(),
            Duration.ofHours(72),
            "default",
            Map.of("team", "payments", "env", "prod"));
    VeleroBackupDocument document =
        new VeleroBackupDocument(
            "shop-nightly", spec, VERSION, new BackupOutcome(START, END, 12, 11, 2, 1));

    assertThat(document.toJson())
        .isEqualTo(
            """
            {
              "kind": "Backup",
              "apiVersion": "velero.io/v1",
              "metadata": {
                "name": "shop-nightly",
                "namespace": "velero",
                "labels": {
                  "env": "prod",
                  "team": "payments",
                  "velero.io/storage-location": "default"
                },
                "annotations": {
                  "velero.io/source-cluster-k8s-gitversion": "v1.30.4",
                  "velero.io/source-cluster-k8s-major-version": "1",
                  "velero.io/source-cluster-k8s-minor-version": "30"
                }
              },
              "spec": {
                "metadata": {},
                "includedNamespaces": [
                  "shop",
                  "shop-*"
                ],
                "excludedNamespaces": [
                  "shop-test"
                ],
                "includedResources": [
                  "deployments.apps",
                  "configmaps"
                ],
                "excludedResources": [
                  "events"
                ],
                "labelSelector": {
                  "matchLabels": {
                    "app": "shop"
                  },
                  "matchExpressions": [
                    {
                      "key": "legacy",
                      "operator": "DoesNotExist"
                    },
                    {
                      "key": "tier",
                      "operator": "In",
                      "values": [
                        "api",
                        "web"
                      ]
                    }
                  ]
                },
                "ttl": "72h0m0s",
                "includeClusterResources": true,
                "hooks": {},
                "storageLocation": "default",
                "defaultVolumesToFsBackup": false,
                "csiSnapshotTimeout": "10m0s",
                "itemOperationTimeout": "4h0m0s",
                "snapshotMoveData": false
              },
              "status": {
                "version": 1,
                "formatVersion": "1.1.0",
                "expiration": "2026-06-04T10:00:00Z",
                "phase": "PartiallyFailed",
                "startTimestamp": "2026-06-01T10:00:00Z",
                "completionTimestamp": "2026-06-01T10:00:21Z",
                "warnings": 2,
                "errors": 1,
                "progress": {
                  "totalItems": 12,
                  "itemsBackedUp": 11
                }
              }
            }""");
  }

  @Test
  void leavesOutWhatVeleroLeavesOutAndIncludesEveryNamespaceWhenNoneIsNamed() {
    VeleroBackupDocument document =
        new VeleroBackupDocument(
            "everything",
            everythingFor(BackupSpec.DEFAULT_TTL),
            new ServerVersion("v1.36.1-gke.100", "1", "36+"),
            new BackupOutcome(START, END, 0, 0, 0, 0));

    assertThat(document.toJson())
        .isEqualTo(
            """
            {
              "kind": "Backup",
              "apiVersion": "velero.io/v1",
              "metadata": {
                "name": "everything",
                "namespace": "velero",
                "labels": {
                  "velero.io/storage-location": "default"
                },
                "annotations": {
                  "velero.io/source-cluster-k8s-gitversion": "v1.36.1-gke.100",
                  "velero.io/source-cluster-k8s-major-version": "1",
                  "velero.io/source-cluster-k8s-minor-version": "36+"
                }
              },
              "spec": {
                "metadata": {},
                "includedNamespaces": [
                  "*"
                ],
                "ttl": "720h0m0s",
                "hooks": {},
                "storageLocation": "default",
                "defaultVolumesToFsBackup": false,
                "csiSnapshotTimeout": "10m0s",
                "itemOperationTimeout": "4h0m0s",
                "snapshotMoveData": false
              },
              "status": {
                "version": 1,
                "formatVersion": "1.1.0",
                "expiration": "2026-07-01T10:00:00Z",
                "phase": "Completed",
                "startTimestamp": "2026-06-01T10:00:00Z",
                "completionTimestamp": "2026-06-01T10:00:21Z",
                "progress": {}
              }
            }""");
  }

  @Test
  void convertsEveryKindOfRequirementOfTheOrLabelSelectors() {
    BackupSpec spec =
        new BackupSpec(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            false,
            LabelSelector.everything(),
            List.of(
                LabelSelector.parse("app==web,env!=dev"),
                LabelSelector.parse("tier notin (db,cache),owner")),
            BackupSpec.DEFAULT_TTL,
            "default",
            Map.of());
    String json = document(spec, new BackupOutcome(START, END, 1, 1, 0, 0)).toJson();

    assertThat(json)
        .contains(
            """
                "orLabelSelectors": [
                  {
                    "matchLabels": {
                      "app": "web"
                    },
                    "matchExpressions": [
                      {
                        "key": "env",
                        "operator": "NotIn",
                        "values": [
                          "dev"
                        ]
                      }
                    ]
                  },
                  {
                    "matchExpressions": [
                      {
                        "key": "owner",
                        "operator": "Exists"
                      },
                      {
                        "key": "tier",
                        "operator": "NotIn",
                        "values": [
                          "cache",
                          "db"
                        ]
                      }
                    ]
                  }
                ],
                "ttl": "720h0m0s",
                "includeClusterResources": false,
            """)
        .doesNotContain("\"labelSelector\"");
  }

  @Test
  void expiresTtlAfterTheStartToTheSecond() {
    BackupOutcome outcome =
        new BackupOutcome(
            Instant.parse("2026-12-31T23:10:59.999Z"),
            Instant.parse("2027-01-01T00:00:00Z"),
            1,
            1,
            0,
            0);

    VeleroBackupDocument document =
        document(everythingFor(Duration.ofMinutes(90).plusMillis(1)), outcome);

    assertThat(document.expiration()).isEqualTo(Instant.parse("2027-01-01T00:41:00Z"));
    assertThat(document.toJson())
        .contains("\"ttl\": \"1h30m0.001s\"")
        .contains("\"expiration\": \"2027-01-01T00:41:00Z\"")
        .contains("\"startTimestamp\": \"2026-12-31T23:10:59Z\"");
  }

  @Test
  void phaseIsCompletedWithoutErrorsAndPartiallyFailedWithThem() {
    BackupSpec spec = everythingFor(BackupSpec.DEFAULT_TTL);

    VeleroBackupDocument clean = document(spec, new BackupOutcome(START, END, 3, 3, 5, 0));
    VeleroBackupDocument failing = document(spec, new BackupOutcome(START, END, 3, 2, 0, 1));

    assertThat(clean.phase()).isEqualTo(BackupPhase.COMPLETED);
    assertThat(clean.toJson()).contains("\"phase\": \"Completed\"");
    assertThat(failing.phase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(failing.toJson()).contains("\"phase\": \"PartiallyFailed\"");
  }

  @Test
  void writesTheJsonAsUtf8WithoutAFinalNewline() throws IOException {
    VeleroBackupDocument document =
        document(everythingFor(BackupSpec.DEFAULT_TTL), new BackupOutcome(START, END, 0, 0, 0, 0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    document.writeTo(out);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(document.toJson()).endsWith("}");
  }

  @Test
  void rejectsWhatVeleroWouldMisread() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> everythingFor(Duration.ZERO))
        .withMessage("The backup TTL must be positive, not PT0S");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new BackupSpec(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    LabelSelector.everything(),
                    List.of(),
                    BackupSpec.DEFAULT_TTL,
                    "default",
                    Map.of("velero.io/storage-location", "other")))
        .withMessage(
            "The label velero.io/storage-location is set from the storage location (default);"
                + " remove it from the backup labels");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BackupOutcome(END, START, 0, 0, 0, 0))
        .withMessage(
            "The backup cannot complete (2026-06-01T10:00:00.750Z) before it started"
                + " (2026-06-01T10:00:21.300Z)");
  }

  private static BackupSpec everythingFor(Duration ttl) {
    return new BackupSpec(
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        LabelSelector.everything(),
        List.of(),
        ttl,
        "default",
        Map.of());
  }

  private static VeleroBackupDocument document(BackupSpec spec, BackupOutcome outcome) {
    return new VeleroBackupDocument("nightly", spec, VERSION, outcome);
  }
}
