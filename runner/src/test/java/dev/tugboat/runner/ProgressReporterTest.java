package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.backup.job.BackupProgress.Phase;
import dev.tugboat.backup.job.BackupProgress.Snapshot;
import dev.tugboat.restore.job.RestoreProgress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  @Test
  void aLineShowsPhasePartitionsItemsMebibytesAndRate() {
    Snapshot snapshot = new Snapshot(Phase.LISTING, 12, 40, 10_240, 13_107_200);

    assertThat(ProgressReporter.line("backup nightly", snapshot, Duration.ofSeconds(5)))
        .isEqualTo(
            "backup nightly: listing, 12/40 partitions, 10240 items, 12.5 MiB, 2048 items/s");
  }

  @Test
  void aPhaseOfTwoWordsIsWrittenWithASpace() {
    Snapshot snapshot = new Snapshot(Phase.COLLECTING_RELATED, 40, 40, 3, 1_572_864);

    assertThat(ProgressReporter.line("backup nightly", snapshot, Duration.ofMillis(1500)))
        .isEqualTo(
            "backup nightly: collecting related, 40/40 partitions, 3 items, 1.5 MiB, 2 items/s");
  }

  @Test
  void noTimeElapsedDoesNotDivideByZero() {
    Snapshot snapshot = new Snapshot(Phase.PLANNING, 0, 0, 0, 0);

    assertThat(ProgressReporter.line("backup nightly", snapshot, Duration.ZERO))
        .isEqualTo("backup nightly: planning, 0/0 partitions, 0 items, 0.0 MiB, 0 items/s");
  }

  @Test
  void aRestoreLineShowsPhaseItemsOfPlannedAndFailures() {
    RestoreProgress.Snapshot snapshot =
        new RestoreProgress.Snapshot(RestoreProgress.Phase.RESTORING, 1200, 10_000, 3);

    assertThat(ProgressReporter.line("restore web-1", snapshot))
        .isEqualTo("restore web-1: restoring, 1200/10000 items, 3 failed");
  }

  @Test
  void aRestorePhaseOfSeveralWordsIsWrittenWithSpaces() {
    RestoreProgress.Snapshot snapshot =
        new RestoreProgress.Snapshot(RestoreProgress.Phase.WAITING_FOR_CRDS, 0, 12, 0);

    assertThat(ProgressReporter.line("restore web-1", snapshot))
        .isEqualTo("restore web-1: waiting for crds, 0/12 items, 0 failed");
  }
}
