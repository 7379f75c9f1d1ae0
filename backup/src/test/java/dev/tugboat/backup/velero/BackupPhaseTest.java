package dev.tugboat.backup.velero;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BackupPhaseTest {

  @Test
  void offersOnlyVelerosTwoFinalUsablePhases() {
    assertThat(Arrays.stream(BackupPhase.values()).map(BackupPhase::veleroName))
        .containsExactly("Completed", "PartiallyFailed");
  }

  @Test
  void anErrorMakesTheBackupPartiallyFailed() {
    assertThat(BackupPhase.forErrorCount(0)).isEqualTo(BackupPhase.COMPLETED);
    assertThat(BackupPhase.forErrorCount(1)).isEqualTo(BackupPhase.PARTIALLY_FAILED);
    assertThat(BackupPhase.forErrorCount(7)).isEqualTo(BackupPhase.PARTIALLY_FAILED);
  }
}
