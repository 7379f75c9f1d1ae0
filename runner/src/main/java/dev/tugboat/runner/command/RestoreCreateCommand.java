package dev.tugboat.runner.command;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BackupStores;
import dev.tugboat.restore.apply.ExistingResourcePolicy;
import dev.tugboat.restore.job.RestoreJobFactory;
import dev.tugboat.restore.job.RestoreProgress;
import dev.tugboat.restore.job.RestoreRequest;
import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.report.RestorePhase;
import dev.tugboat.restore.report.RestoreSummary;
import dev.tugboat.runner.BackgroundRun;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.ProgressReporter;
import dev.tugboat.runner.Stores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tugboat restore create}: runs the restore job, or resumes it after a crash. */
@Command(
    name = "create",
    description = {
      "Restore a backup of the store into the cluster of --kubeconfig/--context, as Velero would: CRDs first"
          + " (waiting until they are Established), then the other types in Velero's priority order, with"
          + " server-assigned fields and status dropped. Backups made by Velero can be restored too.",
      "Objects that a restored controller recreates (ReplicaSets of Deployments, Pods of ReplicaSets,"
          + " StatefulSets and Jobs) are left to it unless --include-owned is given. Objects that already"
          + " exist and are equal are left alone; those that differ follow --existing-resource-policy.",
      "The whole backup is read and checked before anything is written: a bad archive fails with exit code"
          + " 4 and the entry named.",
      "The records (results, resource list, log) are written to the store under restores/NAME/, where"
          + " `tugboat restore describe NAME` reads them.",
      "After a crash, run the same command with the same NAME again: it resumes where the last run"
          + " stopped and creates no object twice. Without NAME each run gets a new name, so note"
          + " the one printed.",
      ""
    })
public class RestoreCreateCommand implements Callable<Integer> {

  /** The restore job's first step, whose failures mean the restore could not start. */
  static final String VALIDATE_STEP = "validate";

  /** The time suffix of a generated name, as Velero makes it: {@code <backup>-20260131235959}. */
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description =
          "The restore's name (a lowercase DNS name; default: <backup>-<yyyyMMddHHmmss>, UTC). A crashed"
              + " restore resumes only when run again with the same NAME.")
  String name;

  @Option(
      names = "--from-backup",
      required = true,
      paramLabel = "BACKUP",
      description = "The backup of the store to restore.")
  String backup;

  @Mixin SelectionOptions selection;

  @Option(
      names = "--namespace-mappings",
      split = ",",
      paramLabel = "SOURCE:TARGET",
      description =
          "Restore the objects of namespace SOURCE into TARGET, comma-separated, e.g."
              + " shop:shop-copy,db:db-copy. RoleBinding subjects follow the mapping.")
  List<String> namespaceMappings = new ArrayList<>();

  @Option(
      names = "--existing-resource-policy",
      paramLabel = "POLICY",
      defaultValue = "none",
      description =
          "What to do with an object that exists and differs: none (leave it, with a warning), update"
              + " (patch it to the backed-up state) or recreate (delete it and create it again)"
              + " (default: ${DEFAULT-VALUE}).")
  String existingResourcePolicy;

  @Option(
      names = "--resource-modifiers",
      paramLabel = "FILE",
      description =
          "A Velero resource-modifier file (YAML: rules with conditions and JSON, merge or strategic"
              + " patches) applied to objects before they are restored. Its text is kept with the run, so"
              + " a resumed run applies the same rules.")
  Path resourceModifiers;

  @Option(
      names = "--restore-status",
      split = ",",
      paramLabel = "RESOURCE",
      description =
          "Resource types whose status is restored too, e.g. workflows.argoproj.io (default: none,"
              + " as the controllers rebuild it).")
  List<String> restoreStatus = new ArrayList<>();

  @Option(
      names = "--preserve-node-ports",
      description = "Keep the node ports of every Service (default: only those set explicitly).")
  boolean preserveNodePorts;

  @Option(
      names = "--include-owned",
      description =
          "Also restore objects whose controller is restored too (ReplicaSets, Pods...), as Velero"
              + " does.")
  boolean includeOwned;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "" + RestoreRun.DEFAULT_PARALLELISM,
      description =
          "Objects of one priority tier applied at once (default: ${DEFAULT-VALUE}; 1 restores one"
              + " at a time, as Velero does).")
  int parallelism;

  @Mixin RateOptions rate;

  @Option(
      names = "--dry-run",
      description =
          "Only read the cluster and print what a restore would do with each item (create, update,"
              + " skip, fail...) and the totals; nothing is written, to the cluster or the store. Exit"
              + " code 3 when an item would fail.")
  boolean dryRun;

  @Mixin WaitOption waitOption;

  private final RestoreJobFactory jobs;
  private final JobRunStarter starter;
  private final JobRepository jobRepository;
  private final Path home;

  /**
   * @param home Tugboat's home folder; restores unpack their backup under its {@code work} folder,
   *     and log to its {@code logs} folder when run in the background
   */
  public RestoreCreateCommand(
      RestoreJobFactory jobs,
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
    if (dryRun && !waitOption.waits()) {
      // Printed here rather than thrown: picocli would add the whole usage to the one line.
      spec.commandLine()
          .getErr()
          .println(
              "tugboat: --dry-run cannot be combined with --no-wait: a dry run only prints its"
                  + " plan, so it must run in the foreground");
      return ExitCodes.USAGE;
    }
    Globals globals = Globals.of(spec);
    String restore = name != null ? name : defaultName(backup, Instant.now());
    RestoreRun run =
        new RestoreRun(
            request(restore),
            Stores.uri(globals),
            globals.kubeconfig(),
            globals.context(),
            parallelism,
            rate.qps(),
            rate.burst(),
            RestoreRun.DEFAULT_CHUNK_SIZE,
            home.resolve("work"));
    JobParameters parameters = run.toJobParameters();
    BackupStore store = BackupStores.open(run.store());
    // Checked before the cluster is reached; the job checks it again when it reads the backup.
    PublishedBackup.find(store, backup);
    if (!dryRun) {
      requireNewOrResumed(store, run, parameters);
    }
    // After the checks, so that what can be refused at once is refused here, not in a log.
    if (!waitOption.waits()) {
      // A generated name is passed on, so that the child restores under the name printed here.
      List<String> appended = name == null ? List.of(restore) : List.of();
      return BackgroundRun.start(spec, "restore", restore, appended, home);
    }
    PrintWriter err = spec.commandLine().getErr();
    // A dry run is never resumed: each one is a run of its own.
    if (name == null && !dryRun) {
      err.println(
          "tugboat: restore '"
              + restore
              + "'; after a crash, run the command again with this NAME to resume it");
    }
    RestoreProgress progress = new RestoreProgress();
    JobExecution execution;
    ProgressReporter reporter = ProgressReporter.start(err, "restore " + restore, progress);
    try {
      execution = starter.run(jobs.create(run, progress), parameters);
    } finally {
      reporter.close();
    }
    Optional<RestoreSummary> summary = RestoreJobFactory.summaryOf(execution);
    if (execution.getStatus() != BatchStatus.COMPLETED || summary.isEmpty()) {
      return reportFailure(restore, execution);
    }
    return dryRun
        ? reportDryRun(run, execution, summary.get())
        : reportRestore(summary.get(), execution.getId());
  }

  /** Velero's name for a restore of {@code backup} made at {@code now}. */
  static String defaultName(String backup, Instant now) {
    return backup + "-" + NAME_TIME.format(now);
  }

  /**
   * Refuses to overwrite the records of a finished restore, unless this is its job instance run
   * again, which the job runner then reports as already completed.
   */
  private void requireNewOrResumed(BackupStore store, RestoreRun run, JobParameters parameters) {
    String restore = run.request().name();
    boolean resuming = jobRepository.getJobInstance(RestoreJobFactory.JOB_NAME, parameters) != null;
    if (!resuming && PublishedRestore.exists(store, restore)) {
      throw new IllegalArgumentException(
          "restore '"
              + restore
              + "' already exists in "
              + Stores.describe(run.store())
              + "; choose another name");
    }
  }

  private RestoreRequest request(String restore) throws IOException {
    return new RestoreRequest(
        restore,
        backup,
        selection.includeNamespaces(),
        selection.excludeNamespaces(),
        selection.includeResources(),
        selection.excludeResources(),
        selection.clusterResources(),
        selection.selector(),
        selection.orSelectors(),
        NamespaceMappings.parse(namespaceMappings),
        ExistingResourcePolicy.parse(existingResourcePolicy),
        resourceModifiersText(),
        restoreStatus,
        preserveNodePorts,
        includeOwned,
        dryRun);
  }

  private String resourceModifiersText() throws IOException {
    if (resourceModifiers == null) {
      return "";
    }
    try {
      return Files.readString(resourceModifiers);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "--resource-modifiers: " + resourceModifiers + " does not exist", e);
    }
  }

  /**
   * A run that did not finish. A failed {@code validate} step means the restore could not start
   * (the backup is missing or its archive is bad): exit code 4, since running again will not help.
   * Any other failure may be passing: running the same command again resumes the run.
   */
  private int reportFailure(String restore, JobExecution execution) {
    Optional<Throwable> precondition = preconditionFailure(execution);
    String reason =
        precondition.map(ExitCodes::message).orElseGet(() -> ExitCodes.failureOf(execution));
    if (Globals.of(spec).output() == OutputFormat.json) {
      new Printer(spec)
          .json(new Failure(restore, execution.getStatus().toString(), reason, execution.getId()));
    }
    PrintWriter err = spec.commandLine().getErr();
    if (precondition.isPresent()) {
      err.println("tugboat: restore '" + restore + "' cannot run: " + reason);
      return ExitCodes.PRECONDITION;
    }
    err.println(
        "tugboat: restore '"
            + restore
            + "' "
            + execution.getStatus().toString().toLowerCase(Locale.ROOT)
            + ": "
            + reason
            + "; run the same command again to resume it");
    return ExitCodes.FAILED;
  }

  /**
   * The failure of the {@code validate} step that retrying cannot fix, searched through each
   * failure's causes with the rule the command line applies to every error ({@link
   * ExitCodes#forException}): a bad archive, a missing backup, an invalid request.
   */
  static Optional<Throwable> preconditionFailure(JobExecution execution) {
    return ExitCodes.preconditionFailure(execution, Set.of(VALIDATE_STEP));
  }

  private int reportRestore(RestoreSummary summary, long jobExecutionId) {
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      JsonObject json = JsonParser.parseString(summary.toJson()).getAsJsonObject();
      json.addProperty("jobExecutionId", jobExecutionId);
      printer.json(json);
    } else {
      printer.line(summaryLine(summary));
      if (summary.errors() > 0 || summary.warnings() > 0) {
        printer.line(
            "See `tugboat restore describe %s --details` and `tugboat restore logs %s`.",
            summary.name(), summary.name());
      }
    }
    return summary.phase().equals(RestorePhase.COMPLETED.veleroName())
        ? ExitCodes.OK
        : ExitCodes.PARTIAL;
  }

  /** Prints the plan item by item, then the totals, and deletes the dry run's local ledger. */
  private int reportDryRun(RestoreRun run, JobExecution execution, RestoreSummary summary)
      throws IOException {
    Printer printer = new Printer(spec);
    try {
      if (Globals.of(spec).output() == OutputFormat.json) {
        List<PlannedItem> items = new ArrayList<>();
        jobs.readLedger(run, execution, entry -> items.add(PlannedItem.of(entry)));
        printer.json(new DryRun(JsonParser.parseString(summary.toJson()).getAsJsonObject(), items));
      } else {
        // Streamed: a plan has a line per item of the backup.
        jobs.readLedger(run, execution, entry -> printer.line(PlannedItem.of(entry).line()));
        printer.line(
            "Dry run of restore %s (nothing written); the items would be: %s; %d errors, %d warnings",
            summary.name(), itemCounts(summary), summary.errors(), summary.warnings());
      }
    } finally {
      RestoreJobFactory.discardDryRun(run, execution);
    }
    return summary.count(Disposition.FAILED.word()) > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
  }

  /**
   * E.g. {@code Restore web-1 Completed: 12 created, 1 skipped, 0 failed; 0 errors, 1 warnings}.
   */
  static String summaryLine(RestoreSummary summary) {
    return String.format(
        Locale.ROOT,
        "Restore %s %s: %s; %d errors, %d warnings",
        summary.name(),
        summary.phase(),
        itemCounts(summary),
        summary.errors(),
        summary.warnings());
  }

  /**
   * The count of every disposition that occurred, in the order of {@link Disposition}; failures
   * always, so that "0 failed" says so.
   */
  private static String itemCounts(RestoreSummary summary) {
    List<String> counts = new ArrayList<>();
    for (Disposition disposition : Disposition.values()) {
      long count = summary.count(disposition.word());
      if (count > 0 || disposition == Disposition.FAILED) {
        counts.add(count + " " + disposition.word());
      }
    }
    return String.join(", ", counts);
  }

  /** The JSON result of a dry run: its totals and its plan. */
  record DryRun(JsonObject summary, List<PlannedItem> items) {}

  /** The JSON result of a restore that did not finish. */
  record Failure(String name, String status, String reason, long jobExecutionId) {}
}
