package dev.tugboat.backup.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduledBackupNameTest {

  @Test
  void theNameIsTheScheduleAndTheScheduledTimeInUtcToTheSecond() {
    ScheduledBackupName name =
        new ScheduledBackupName("nightly", Instant.parse("2025-11-18T02:00:07.900Z"));

    assertThat(name.backupName()).isEqualTo("nightly-20251118020007");
  }

  @Test
  void theJobOfACronJobRunNamesItsScheduledMinute() {
    Instant scheduled = ScheduledTime.parse("job:tugboat-nightly-29390520");

    assertThat(scheduled).isEqualTo(Instant.parse("2025-11-18T02:00:00Z"));
    assertThat(new ScheduledBackupName("nightly", scheduled).backupName())
        .isEqualTo("nightly-20251118020000");
  }

  @Test
  void aScheduleNameOf63CharactersFitsTheLabelButNotOneMore() {
    Instant time = Instant.parse("2026-01-02T03:04:05Z");

    assertThat(new ScheduledBackupName("s".repeat(63), time).backupName())
        .isEqualTo("s".repeat(63) + "-20260102030405");
    assertThatThrownBy(() -> new ScheduledBackupName("s".repeat(64), time))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid schedule name '"
                + "s".repeat(64)
                + "': it has 64 characters, at most 63 fit in the label velero.io/schedule-name");
  }

  @Test
  void aScheduleNameThatIsNotADnsNameIsRefused() {
    assertThatThrownBy(
            () -> new ScheduledBackupName("Nightly_1", Instant.parse("2026-01-02T03:04:05Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "invalid schedule name 'Nightly_1': it must be a lowercase RFC 1123");
  }
}
