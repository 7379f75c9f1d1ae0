package dev.tugboat.runner.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.archive.ArchiveFormatException;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.report.RestoreSummary;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/** What {@code tugboat restore create} makes of a run: its name, its result line, its plan. */
class RestoreCreateResultsTest {

  @Test
  void aDefaultNameIsTheBackupAndTheUtcTimeAsVeleroMakesIt() {
    assertThat(
            RestoreCreateCommand.defaultName("nightly", Instant.parse("2026-01-31T23:59:58.750Z")))
        .isEqualTo("nightly-20260131235958");
  }

  @Test
  void theSummaryLineCountsEveryDispositionThatOccurredAndAlwaysFailures() {
    RestoreSummary summary =
        summary("Completed", Map.of("created", 12L, "unchanged", 3L, "skipped", 1L), 0, 1);

    assertThat(RestoreCreateCommand.summaryLine(summary))
        .isEqualTo(
            "Restore web-1 Completed: 12 created, 3 unchanged, 1 skipped, 0 failed; 0 errors, 1"
                + " warnings");
  }

  @Test
  void aPartiallyFailedSummaryLineShowsItsFailures() {
    RestoreSummary summary =
        summary("PartiallyFailed", Map.of("not-restored", 4L, "failed", 2L, "updated", 1L), 2, 0);

    assertThat(RestoreCreateCommand.summaryLine(summary))
        .isEqualTo(
            "Restore web-1 PartiallyFailed: 1 updated, 4 not-restored, 2 failed; 2 errors, 0"
                + " warnings");
  }

  @Test
  void aPlannedItemSaysWhatARealRunWouldDo() {
    assertThat(plan(Disposition.CREATED, "shop", "").line())
        .isEqualTo("create deployments.apps shop/web");
    assertThat(plan(Disposition.UPDATED, "shop", "differs in spec.replicas").line())
        .isEqualTo("update deployments.apps shop/web  differs in spec.replicas");
    assertThat(plan(Disposition.RECREATED, "shop", "").action()).isEqualTo("recreate");
    assertThat(plan(Disposition.UNCHANGED, "shop", "").action()).isEqualTo("unchanged");
    assertThat(plan(Disposition.SKIPPED, "shop", "exists and differs").line())
        .isEqualTo("skip deployments.apps shop/web  exists and differs");
    assertThat(plan(Disposition.NOT_RESTORED, "shop", "owned by ReplicaSet web-1").action())
        .isEqualTo("not-restored");
    assertThat(plan(Disposition.FAILED, "", "forbidden").line())
        .isEqualTo("fail deployments.apps web  forbidden");
  }

  @Test
  void aBadArchiveInTheValidateStepIsAPreconditionFailureFoundThroughItsCauses() {
    ArchiveFormatException bad =
        new ArchiveFormatException("resources/pods/namespaces/a/p.json is not a JSON object");
    JobExecution execution = execution("validate", new UncheckedIOException(bad));

    assertThat(RestoreCreateCommand.preconditionFailure(execution)).containsSame(bad);
  }

  @Test
  void anInvalidRequestInTheValidateStepIsAPreconditionFailure() {
    IllegalArgumentException invalid = new IllegalArgumentException("bad selector");

    assertThat(RestoreCreateCommand.preconditionFailure(execution("validate", invalid)))
        .containsSame(invalid);
  }

  @Test
  void aFailureOfAnotherStepIsNotAPreconditionFailure() {
    JobExecution execution = execution("apply", new IllegalArgumentException("bad item"));

    assertThat(RestoreCreateCommand.preconditionFailure(execution)).isEmpty();
  }

  @Test
  void aPassingFailureOfTheValidateStepIsNotAPreconditionFailure() {
    JobExecution execution = execution("validate", new IllegalStateException("connection reset"));

    assertThat(RestoreCreateCommand.preconditionFailure(execution)).isEmpty();
  }

  private static JobExecution execution(String failedStep, Throwable failure) {
    JobExecution execution =
        new JobExecution(1, new JobInstance(1, "restore"), new JobParameters());
    StepExecution step = new StepExecution(1, failedStep, execution);
    step.setStatus(BatchStatus.FAILED);
    step.addFailureException(failure);
    execution.addStepExecution(step);
    return execution;
  }

  private static PlannedItem plan(Disposition disposition, String namespace, String message) {
    return PlannedItem.of(
        new LedgerEntry(
            "deployments.apps",
            "apps/v1",
            "Deployment",
            namespace,
            "web",
            disposition,
            message,
            null));
  }

  private static RestoreSummary summary(
      String phase, Map<String, Long> items, int errors, int warnings) {
    return new RestoreSummary(
        "web-1",
        "nightly",
        phase,
        false,
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:01:00Z",
        items,
        warnings,
        errors,
        Map.of(),
        "none",
        "run-1");
  }
}
