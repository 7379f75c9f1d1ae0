package dev.tugboat.restore.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestorePhaseTest {

  @Test
  void aRestoreWithoutErrorsCompletesAndOneErrorMakesItPartiallyFailed() {
    assertThat(RestorePhase.forErrorCount(0)).isEqualTo(RestorePhase.COMPLETED);
    assertThat(RestorePhase.forErrorCount(1)).isEqualTo(RestorePhase.PARTIALLY_FAILED);
    assertThat(RestorePhase.forErrorCount(250)).isEqualTo(RestorePhase.PARTIALLY_FAILED);
  }

  @Test
  void phasesCarryVelerosNames() {
    assertThat(RestorePhase.COMPLETED.veleroName()).isEqualTo("Completed");
    assertThat(RestorePhase.PARTIALLY_FAILED.veleroName()).isEqualTo("PartiallyFailed");
    assertThat(RestorePhase.FAILED.veleroName()).isEqualTo("Failed");
  }
}
