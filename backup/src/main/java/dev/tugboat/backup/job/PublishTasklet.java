package dev.tugboat.backup.job;

import dev.tugboat.backup.plan.Skipped;
import dev.tugboat.backup.publish.ArchiveAssembly;
import dev.tugboat.backup.publish.BackupReport;
import dev.tugboat.backup.related.Problem;
import dev.tugboat.backup.staging.StagedSegment;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.backup.velero.BackupMetadata;
import dev.tugboat.backup.velero.BackupOutcome;
import dev.tugboat.backup.velero.BackupPhase;
import dev.tugboat.backup.velero.VeleroBackupDocument;
import dev.tugboat.core.jobs.CrashPoint;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BodyWriter;
import dev.tugboat.core.store.StoreLayout;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: assembles the staged segments into the archive and publishes the backup, the
 * archive first and {@code velero-backup.json} last, then deletes the staging area. It starts from
 * scratch when rerun (an archive cannot be resumed); the Backup object carries the run's id, so a
 * rerun after a crash that came after the metadata was written recognises its own backup instead of
 * refusing a name that is taken.
 */
final class PublishTasklet implements Tasklet {

  /** Reached just before {@code velero-backup.json} is written. */
  static final String BEFORE_METADATA = "backup.before-metadata";

  /** The exit code of a backup that completed with errors. */
  static final String PARTIALLY_FAILED = "PARTIALLY_FAILED";

  private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

  private final JobRepository jobRepository;
  private final BackupStore store;
  private final BackupRequest request;
  private final Clock clock;

  PublishTasklet(
      JobRepository jobRepository, BackupStore store, BackupRequest request, Clock clock) {
    this.jobRepository = jobRepository;
    this.store = store;
    this.request = request;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws IOException {
    JobExecution jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
    BackupJobContext job = BackupJobContext.from(jobExecution.getExecutionContext());
    String name = request.name();
    BackupCatalog catalog = new BackupCatalog(store);
    StagingArea staging = StagingArea.ofBackup(store, name, job.run());
    if (catalog.exists(name)) {
      requirePublishedBy(job.run(), catalog.readMetadata(name));
      log.info("Backup {} was published before this attempt; removing its staging area", name);
    } else {
      publish(catalog, staging, jobExecution, job);
    }
    staging.deleteAll();
    BackupMetadata published = BackupMetadata.parse(catalog.readMetadata(name));
    if (BackupPhase.PARTIALLY_FAILED.veleroName().equals(published.phase())) {
      contribution.setExitStatus(
          new ExitStatus(
              PARTIALLY_FAILED,
              published.errors() + " errors, " + published.warnings() + " warnings"));
    }
    return RepeatStatus.FINISHED;
  }

  private void publish(
      BackupCatalog catalog, StagingArea staging, JobExecution jobExecution, BackupJobContext job)
      throws IOException {
    BackupReport report = new BackupReport(request.name(), clock);
    report.info("Backing up " + request.selection());
    job.plan().skipped().stream().map(Skipped::toString).forEach(s -> report.info("Skipping " + s));
    job.discoveryWarnings().forEach(report::backupWarning);

    List<StagedSegment> segments = new ArrayList<>();
    for (StagedPartitions.Outcome outcome : StagedPartitions.of(jobRepository, jobExecution, job)) {
      if (outcome.segment().chunks() > 0) {
        segments.add(outcome.segment());
        report.info("Listed " + outcome.items() + " items of " + outcome.partition().key());
      }
      String namespace = outcome.partition().namespaceToList();
      outcome
          .problem()
          .ifPresent(problem -> report.problem(problem.error(), namespace, problem.message()));
    }
    RelatedOutcome related =
        RelatedOutcome.from(
            jobRepository
                .getLastStepExecution(jobExecution.getJobInstance(), RelatedItemsTasklet.NAME)
                .getExecutionContext());
    segments.add(related.segment());
    report.info("Added " + related.items() + " related items");
    for (Problem problem : related.problems()) {
      String namespace = problem.namespace().isEmpty() ? null : problem.namespace();
      report.problem(problem.error(), namespace, problem.message());
    }

    ArchiveAssembly archive = new ArchiveAssembly(staging, segments, clock);
    BodyWriter logs =
        out -> {
          report.info(
              "Backed up "
                  + archive.itemCount()
                  + " items: "
                  + report.errors()
                  + " errors, "
                  + report.warnings()
                  + " warnings");
          report.log().writeTo(out);
        };
    BodyWriter metadata =
        out -> {
          CrashPoint.reach(BEFORE_METADATA);
          veleroBackup(job, archive, report).writeTo(out);
        };
    catalog.publish(
        request.name(),
        archive,
        Map.of(
            StoreLayout.backupResourceList(request.name()), archive.resourceList(),
            StoreLayout.backupResults(request.name()), report.results(),
            StoreLayout.backupLogs(request.name()), logs),
        metadata);
    log.info("Backup {} published: {} items", request.name(), archive.itemCount());
  }

  private VeleroBackupDocument veleroBackup(
      BackupJobContext job, ArchiveAssembly archive, BackupReport report) {
    int items = Math.toIntExact(archive.itemCount());
    BackupOutcome outcome =
        new BackupOutcome(
            job.started(), clock.instant(), items, items, report.warnings(), report.errors());
    return new VeleroBackupDocument(
        request.name(),
        request.spec(),
        job.serverVersion(),
        outcome,
        Map.of(
            BackupMetadata.SHA256_ANNOTATION,
            archive.sha256(),
            BackupMetadata.RUN_ANNOTATION,
            job.run()));
  }

  /**
   * @throws IllegalStateException when another run published a backup of that name meanwhile
   */
  private void requirePublishedBy(String run, byte[] metadata) {
    if (!run.equals(BackupMetadata.parse(metadata).run())) {
      throw new IllegalStateException(
          "backup '"
              + request.name()
              + "' was published by another run while this one ran; use another name");
    }
  }
}
