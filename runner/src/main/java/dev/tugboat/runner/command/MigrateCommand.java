package dev.tugboat.runner.command;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.restore.capacity.CapacityPlans;
import dev.tugboat.restore.capacity.PlanOverrides;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.PlanSource;
import dev.tugboat.restore.migrate.ApplicationOutcome;
import dev.tugboat.restore.migrate.ApplicationStatus;
import dev.tugboat.restore.migrate.MigrationJobFactory;
import dev.tugboat.restore.migrate.MigrationPhase;
import dev.tugboat.restore.migrate.MigrationReport;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tugboat migrate}: runs the migration job of a plan, or resumes it after a crash. */
@Command(
    name = "migrate",
    description = {
      "Move the plan's applications into the target cluster, core tier first, each tier's"
          + " applications in parallel (the plan's parallelism). Online (the source is a context)"
          + " the source is first backed up into a backup named after the migration; offline (the"
          + " source is a backup) the source cluster is never touched.",
      "Each application is restored with the replicas the capacity plan gives it, labelled"
          + " tugboat.dev/migration=ID and tugboat.dev/app=NAME, and checked until its workloads are"
          + " available. When pods cannot be scheduled or a quota refuses them, the application steps"
          + " one rung down its tier's ladder and is checked again, never below its floor; tier 0"
          + " only with allowCoreDegrade. Then the source is cut over as the plan says (none,"
          + " quiesce or delete), only for the applications that run in the target.",
      "The migration's ID is the plan's name. After a crash run the same command, or"
          + " `tugboat migrate --resume ID`: finished applications are left alone and the rest go"
          + " on. The report is written beside the source backup as tugboat-migration-ID.json and"
          + " .html; `tugboat migration describe ID` shows it.",
      ""
    })
public class MigrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description = "The MigrationPlan file (YAML); see the README. Not needed with --resume.")
  Path plan;

  @Option(
      names = "--resume",
      paramLabel = "ID",
      description = "Resume the migration ID with the plan it started with.")
  String resume;

  @Option(
      names = "--dry-run",
      description =
          "Only print the plan: the capacity check with its downgrade, each application's objects"
              + " by type and workloads with their planned replicas, and the cutover; nothing is"
              + " written anywhere. Exits as the migration would start: 0 all fits, 3 some"
              + " replicas would be shed, 4 the plan's onInsufficientCapacity would stop it.")
  boolean dryRun;

  @Option(
      names = "--from-context",
      paramLabel = "CONTEXT",
      description = "Replace the plan's source with this kubeconfig context (online).")
  String fromContext;

  @Option(
      names = "--from-backup",
      paramLabel = "BACKUP",
      description = "Replace the plan's source with this backup of the store (offline).")
  String fromBackup;

  @Option(
      names = "--to-context",
      paramLabel = "CONTEXT",
      description = "Replace the plan's target with this kubeconfig context.")
  String toContext;

  @Option(
      names = "--namespace-mappings",
      split = ",",
      paramLabel = "SOURCE:TARGET",
      description = "Replace the plan's namespace mappings, comma-separated.")
  List<String> namespaceMappings = new ArrayList<>();

  @Option(
      names = "--headroom",
      paramLabel = "PERCENT",
      description = "Replace the plan's headroom, e.g. 10%.")
  String headroom;

  @Mixin RateOptions rate;

  private final MigrationJobFactory jobs;
  private final JobRunStarter starter;
  private final JobRepository jobRepository;
  private final Path home;

  public MigrateCommand(
      MigrationJobFactory jobs,
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
    MigrationRun run = resume != null ? resumed(globals) : fromPlan(globals);
    if (dryRun) {
      return new MigrationDryRun(spec, run).print();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "tugboat: migration '"
            + run.id()
            + "'; after a crash, run `tugboat migrate --resume "
            + run.id()
            + "`");
    JobExecution execution;
    try {
      execution = starter.run(jobs.create(run), run.toJobParameters());
    } catch (RuntimeException e) {
      if (ExitCodes.forException(e) == ExitCodes.PRECONDITION) {
        err.println("tugboat: migration '" + run.id() + "' cannot run: " + ExitCodes.message(e));
        return ExitCodes.PRECONDITION;
      }
      throw e;
    }
    Optional<MigrationReport> report = MigrationJobFactory.reportOf(execution);
    if (execution.getStatus() != BatchStatus.COMPLETED || report.isEmpty()) {
      return reportFailure(run, execution);
    }
    return print(report.get());
  }

  /** The run of a plan file with the flags applied; refused if the id ran with another plan. */
  private MigrationRun fromPlan(Globals globals) throws IOException {
    if (plan == null) {
      throw new IllegalArgumentException("give the plan: --plan FILE, or --resume ID");
    }
    PlanOverrides overrides =
        new PlanOverrides(
            Optional.ofNullable(fromContext),
            Optional.ofNullable(fromBackup),
            Optional.ofNullable(toContext),
            namespaceMappings.isEmpty()
                ? Optional.empty()
                : Optional.of(NamespaceMappings.parse(namespaceMappings)),
            Optional.ofNullable(headroom));
    MigrationPlan migrationPlan;
    try {
      migrationPlan = CapacityPlans.fromFile(Files.readString(plan), overrides);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--plan: " + plan + " does not exist", e);
    }
    MigrationRun run =
        new MigrationRun(
            migrationPlan,
            Stores.uri(globals),
            migrationPlan.source() instanceof PlanSource.Live live
                ? PlanKubeconfigs.of(plan, live.cluster(), globals.kubeconfig())
                : null,
            PlanKubeconfigs.of(plan, migrationPlan.target().cluster(), globals.kubeconfig()),
            rate.qps(),
            rate.burst(),
            home.resolve("work"));
    Optional<MigrationRun> earlier = lastRun(run.id(), run.store());
    if (!dryRun && earlier.isPresent() && !earlier.get().plan().equals(migrationPlan)) {
      throw new IllegalArgumentException(
          "migration '"
              + run.id()
              + "' was started with a different plan; resume it with `tugboat migrate --resume "
              + run.id()
              + "`, or give the new plan another name");
    }
    return run;
  }

  private MigrationRun resumed(Globals globals) {
    if (plan != null) {
      throw new IllegalArgumentException(
          "--resume takes the plan the migration started with; drop --plan");
    }
    return lastRun(resume, Stores.uri(globals))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no migration '" + resume + "' in the job repository of " + home));
  }

  private Optional<MigrationRun> lastRun(String id, String store) {
    JobInstance instance =
        jobRepository.getJobInstance(
            MigrationJobFactory.JOB_NAME, MigrationRun.identity(id, store));
    if (instance == null) {
      return Optional.empty();
    }
    JobExecution last = jobRepository.getLastJobExecution(instance);
    return Optional.ofNullable(last).map(e -> MigrationRun.fromJobParameters(e.getJobParameters()));
  }

  /**
   * A run that did not finish: a refused start (an unreachable cluster, an invalid plan, no room
   * under {@code abort}) is exit 4, nothing was written to the target; any other failure may pass,
   * and resuming goes on.
   */
  private int reportFailure(MigrationRun run, JobExecution execution) {
    Optional<Throwable> refusal =
        ExitCodes.preconditionFailure(execution, Set.of("validate", "capacity"));
    String reason = refusal.map(ExitCodes::message).orElseGet(() -> ExitCodes.failureOf(execution));
    if (Globals.of(spec).output() == OutputFormat.json) {
      new Printer(spec).json(new Failure(run.id(), execution.getStatus().toString(), reason));
    }
    PrintWriter err = spec.commandLine().getErr();
    if (refusal.isPresent()) {
      err.println("tugboat: migration '" + run.id() + "' cannot run: " + reason);
      return ExitCodes.PRECONDITION;
    }
    err.println(
        "tugboat: migration '"
            + run.id()
            + "' "
            + execution.getStatus().toString().toLowerCase(Locale.ROOT)
            + ": "
            + reason
            + "; run `tugboat migrate --resume "
            + run.id()
            + "` to resume it");
    return ExitCodes.FAILED;
  }

  private int print(MigrationReport report) {
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      JsonObject json = JsonParser.parseString(report.toJson()).getAsJsonObject();
      printer.json(json);
    } else {
      MigrationText.print(printer, report);
    }
    boolean whole =
        report.phase() == MigrationPhase.COMPLETED
            && report.applications().stream()
                .map(ApplicationOutcome::status)
                .allMatch(ApplicationStatus.MIGRATED::equals);
    // Degraded, deferred or failed applications: the report says which and why.
    return whole ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  /** The JSON of a run that did not finish. */
  record Failure(String migration, String status, String reason) {}
}
