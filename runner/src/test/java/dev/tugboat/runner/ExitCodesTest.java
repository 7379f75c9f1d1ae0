package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.archive.UnsafeArchiveEntryException;
import dev.tugboat.core.cluster.ClusterAccessException;
import dev.tugboat.core.jobs.RunAlreadyCompletedException;
import dev.tugboat.core.jobs.RunInProgressException;
import dev.tugboat.core.store.BackupNotFoundException;
import dev.tugboat.runner.command.BackupFileException;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

  @Test
  void mapsEachKindOfFailure() {
    assertThat(ExitCodes.forException(new RunInProgressException("x"))).isEqualTo(5);
    assertThat(ExitCodes.forException(new RunAlreadyCompletedException("x"))).isEqualTo(4);
    assertThat(ExitCodes.forException(new ClusterAccessException("x"))).isEqualTo(4);
    assertThat(ExitCodes.forException(new UnsafeArchiveEntryException("x"))).isEqualTo(4);
    assertThat(ExitCodes.forException(new IllegalArgumentException("x"))).isEqualTo(4);
    assertThat(ExitCodes.forException(new BackupNotFoundException("nightly", "file:///b")))
        .isEqualTo(4);
    assertThat(
            ExitCodes.forException(
                new BackupFileException("nightly", "/b", "nightly-logs.gz is absent")))
        .isEqualTo(4);
    assertThat(ExitCodes.forException(new IOException("connection reset"))).isEqualTo(1);
    assertThat(ExitCodes.forException(new IllegalStateException("x"))).isEqualTo(1);
  }

  @Test
  void aLockedJobRepositoryMeansAnotherRunIsInProgress() {
    Exception startup =
        new IllegalStateException(
            "Error creating bean",
            new SQLException("Database may be already in use: \"/x/tugboat.mv.db\""));

    assertThat(ExitCodes.forStartupFailure(startup)).isEqualTo(ExitCodes.IN_PROGRESS);
    assertThat(ExitCodes.forStartupFailure(new IllegalStateException("bad url"))).isEqualTo(4);
  }

  @Test
  void reasonIsTheFirstLineOfTheInnermostMessage() {
    Exception e = new IllegalStateException("outer", new IOException("inner\nsecond line"));

    assertThat(ExitCodes.reason(e)).isEqualTo("inner");
    assertThat(ExitCodes.message(e)).isEqualTo("outer");
  }
}
