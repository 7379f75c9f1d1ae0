package dev.tugboat.runner.command;

import dev.tugboat.backup.job.BackupJobFactory;
import dev.tugboat.backup.job.BackupProgress;
import dev.tugboat.backup.job.BackupRequest;
import dev.tugboat.backup.job.BackupRun;
import dev.tugboat.backup.retention.ScheduledBackupName;
import dev.tugboat.backup.retention.ScheduledTime;
import dev.tugboat.backup.velero.BackupMetadata;
import dev.tugboat.backup.velero.GoDuration;
import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupStores;
import dev.tugboat.runner.BackgroundRun;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.ProgressReporter;
import dev.tugboat.runner.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tugboat backup create}: runs the backup job, or resumes it after a crash. */
@Command(
    name = "create",
    description = {
      "Back up namespace- and cluster-scoped resources to the store, in Velero's format: after Velero syncs the"
          + " bucket, `velero restore create --from-backup NAME` restores it.",
      "Resources only: volume contents need Velero's data movers or CSI snapshots.",
      "Events (events, events.events.k8s.io) are left out unless --include-resources names them: they cannot be"
          + " restored. Objects labelled velero.io/exclude-from-backup=true, objects being deleted and"
          + " namespaces with that label are left out too.",
      "A namespace-scoped backup also takes what its objects need: their Namespace objects, the PVs and"
          + " StorageClasses of their PVCs, the PVCs and PriorityClasses of their pods, the ClusterRoleBindings"
          + " (and ClusterRoles) of their ServiceAccounts and the CRDs of their custom resources;"
          + " --include-cluster-resources=false leaves out the cluster-scoped ones.",
      "After a crash, run the same command again: it resumes where the last run stopped.",
      "With --schedule instead of NAME the backup is named as Velero names a schedule's backups,"
          + " <schedule>-<yyyyMMddHHmmss> of the scheduled time in UTC, and labelled"
          + " velero.io/schedule-name=<schedule>, so that Velero lists it as the schedule's.",
      ""
    })
public class BackupCreateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "The backup's name (a lowercase DNS name); not with --schedule.")
  String nameArgument;

  @Option(
      names = "--schedule",
      paramLabel = "SCHEDULE",
      description =
          "Name the backup <SCHEDULE>-<yyyyMMddHHmmss> of --scheduled-time (UTC) and label it"
              + " velero.io/schedule-name=<SCHEDULE>, as a Velero schedule would.")
  String schedule;

  @Option(
      names = "--scheduled-time",
      paramLabel = "TIME",
      description =
          "With --schedule: when the run was due, an ISO-8601 instant or job:<job-name>, the name of"
              + " the Job a Kubernetes CronJob made (it ends in the scheduled minute since the epoch),"
              + " so that every retried pod of one run resumes the same backup. Default: now, to the"
              + " second.")
  String scheduledTime;

  @Mixin SelectionOptions selection;

  @Option(
      names = "--ttl",
      paramLabel = "DURATION",
      defaultValue = "720h",
      description = "How long to keep the backup, as a Go duration (default: ${DEFAULT-VALUE}).")
  String ttl;

  @Option(
      names = "--labels",
      split = ",",
      paramLabel = "KEY=VALUE",
      description = "Labels of the Backup object, comma-separated.")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "" + BackupRun.DEFAULT_PARALLELISM,
      description = "LISTs run at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Mixin RateOptions rate;

  @Mixin WaitOption waitOption;

  private final BackupJobFactory jobs;
  private final JobRunStarter starter;
  private final JobRepository jobRepository;
  private final Path home;

  /**
   * @param home Tugboat's home folder; a backup run in the background logs to its {@code logs}
   *     folder
   */
  public BackupCreateCommand(
      BackupJobFactory jobs,
      JobRunStarter starter,
      JobRepository jobRepository,
      @Value("${tugboat.home}") String home) {
    this.jobs = jobs;
    this.starter = starter;
    this.jobRepository = jobRepository;
    this.home = Path.of(home);
  }

  @Override
  public Integer call() throws Exception {
    Globals globals = Globals.of(spec);
    Instant scheduled = scheduledTime();
    String name = backupName(scheduled);
    BackupRun run =
        new BackupRun(
            request(name),
            Stores.uri(globals),
            globals.kubeconfig(),
            globals.context(),
            parallelism,
            rate.qps(),
            rate.burst(),
            BackupRun.DEFAULT_PAGE_SIZE);
    JobParameters parameters = run.toJobParameters();
    BackupCatalog catalog = new BackupCatalog(BackupStores.open(run.store()));
    boolean resuming = jobRepository.getJobInstance(BackupJobFactory.JOB_NAME, parameters) != null;
    if (!resuming && catalog.exists(name)) {
      throw new IllegalArgumentException(
          "backup '"
              + name
              + "' already exists in "
              + Stores.describe(run.store())
              + "; choose another name");
    }
    // After the checks, so that what can be refused at once is refused here, not in a log.
    if (!waitOption.waits()) {
      // The time is passed on, so that the child backs up under the name printed here.
      List<String> appended =
          schedule != null && scheduledTime == null
              ? List.of("--scheduled-time", scheduled.toString())
              : List.of();
      return BackgroundRun.start(spec, "backup", name, appended, home);
    }
    BackupProgress progress = new BackupProgress();
    JobExecution execution;
    ProgressReporter reporter =
        ProgressReporter.start(spec.commandLine().getErr(), "backup " + name, progress);
    try {
      execution = starter.run(jobs.create(run, progress), parameters);
    } finally {
      reporter.close();
    }
    return report(name, execution, catalog);
  }

  /** When a scheduled run was due; null without --schedule. */
  private Instant scheduledTime() {
    if (schedule == null) {
      if (scheduledTime != null) {
        throw new ParameterException(
            spec.commandLine(), "--scheduled-time names the time of a --schedule run: add one");
      }
      return null;
    }
    if (nameArgument != null) {
      throw new ParameterException(
          spec.commandLine(),
          "give either NAME ("
              + nameArgument
              + ") or --schedule ("
              + schedule
              + "), which names the backup after the schedule, not both");
    }
    if (labels.containsKey(ScheduledBackupName.SCHEDULE_LABEL)) {
      throw new ParameterException(
          spec.commandLine(),
          "--labels must not set "
              + ScheduledBackupName.SCHEDULE_LABEL
              + ": --schedule sets it to the schedule's name");
    }
    if (scheduledTime == null) {
      return ScheduledTime.now(Clock.systemUTC());
    }
    try {
      return ScheduledTime.parse(scheduledTime);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--scheduled-time: " + e.getMessage());
    }
  }

  /** NAME, or the name of the scheduled run. */
  private String backupName(Instant scheduled) {
    if (schedule != null) {
      return new ScheduledBackupName(schedule, scheduled).backupName();
    }
    if (nameArgument == null) {
      throw new ParameterException(
          spec.commandLine(), "give the backup's NAME, or --schedule to name it after a schedule");
    }
    return nameArgument;
  }

  /** The Backup object's labels: --labels, and the schedule's with --schedule. */
  private Map<String, String> backupLabels() {
    if (schedule == null) {
      return labels;
    }
    Map<String, String> withSchedule = new LinkedHashMap<>(labels);
    withSchedule.put(ScheduledBackupName.SCHEDULE_LABEL, schedule);
    return withSchedule;
  }

  private BackupRequest request(String name) {
    Duration keep = GoDuration.parse(ttl);
    // Checked here too, to name the option and the value as the user wrote them.
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("--ttl must be positive, not " + ttl);
    }
    return new BackupRequest(
        name,
        selection.includeNamespaces(),
        selection.excludeNamespaces(),
        selection.includeResources(),
        selection.excludeResources(),
        selection.clusterResources(),
        selection.selector(),
        selection.orSelectors(),
        keep,
        backupLabels());
  }

  private int report(String name, JobExecution execution, BackupCatalog catalog) {
    Printer printer = new Printer(spec);
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      String reason = ExitCodes.failureOf(execution);
      if (Globals.of(spec).output() == OutputFormat.json) {
        printer.json(
            new Failure(name, execution.getStatus().toString(), reason, execution.getId()));
      }
      spec.commandLine()
          .getErr()
          .println(
              "tugboat: backup '"
                  + name
                  + "' "
                  + execution.getStatus().toString().toLowerCase(Locale.ROOT)
                  + ": "
                  + reason
                  + "; run the same command again to resume it");
      return ExitCodes.FAILED;
    }
    BackupMetadata published = BackupMetadata.parse(catalog.readMetadata(name));
    Summary summary =
        new Summary(
            published.name(),
            published.phase(),
            published.itemsBackedUp(),
            published.errors(),
            published.warnings(),
            published.expiration(),
            execution.getId());
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(summary);
    } else {
      printer.line(
          "Backup %s %s: %d items, %d errors, %d warnings; expires %s",
          summary.name(),
          summary.phase(),
          summary.items(),
          summary.errors(),
          summary.warnings(),
          summary.expiration());
      if (summary.errors() > 0) {
        printer.line(
            "See `tugboat backup describe %s --details` and `tugboat backup logs %s`.", name, name);
      }
    }
    return summary.errors() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
  }

  /** The JSON result of a finished backup. */
  record Summary(
      String name,
      String phase,
      long items,
      long errors,
      long warnings,
      String expiration,
      long jobExecutionId) {}

  /** The JSON result of a backup that did not finish. */
  record Failure(String name, String status, String reason, long jobExecutionId) {}
}
