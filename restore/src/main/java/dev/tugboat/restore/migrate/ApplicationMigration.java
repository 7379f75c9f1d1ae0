package dev.tugboat.restore.migrate;

import com.google.gson.JsonObject;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.capacity.plan.FailureAction;
import dev.tugboat.restore.capacity.plan.HookPoint;
import dev.tugboat.restore.capacity.plan.InsufficientCapacityAction;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.PlanApplication;
import dev.tugboat.restore.capacity.planner.Rung;
import dev.tugboat.restore.capacity.planner.WorkloadResult;
import dev.tugboat.restore.job.RestoreRequest;
import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.restore.migrate.hooks.HookContext;
import dev.tugboat.restore.migrate.hooks.HookResult;
import dev.tugboat.restore.migrate.hooks.HookRunner;
import dev.tugboat.restore.migrate.karmada.KarmadaException;
import dev.tugboat.restore.migrate.karmada.PolicyWrite;
import dev.tugboat.restore.migrate.karmada.TemplateRef;
import dev.tugboat.restore.migrate.verify.ReadinessWait;
import dev.tugboat.restore.migrate.verify.Verification;
import dev.tugboat.restore.migrate.verify.WatchedWorkload;
import dev.tugboat.restore.report.RestorePhase;
import dev.tugboat.restore.report.RestoreSummary;
import dev.tugboat.restore.select.ApplicationScope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One application's migration, the runbook an operator would follow (issue 7 steps 4 to 6): the
 * before-hooks; a restore of its objects into the target, with the planned replicas; a readiness
 * check; when it fails for lack of room, one rung down its tier's ladder and another check, never
 * below the floors and never for tier 0 unless the plan allows it; the after-hooks. Each step is
 * logged as it happens and recorded with its reason.
 *
 * <p>A tier-3 application out of room at its floor is deferred under {@code partial}: scaled to 0,
 * its objects kept. Any other failure (an object the target refuses, a workload that fails or never
 * becomes available, a hook) fails the application and leaves the others alone.
 *
 * <p>The ladder steps this one application, not its whole tier: the others of the tier may be
 * available already, and shedding their replicas would free room they do not need. The room each
 * application may take is the capacity plan's placement of the whole migration, made once for all
 * of them, so that no two applications are promised the same room; a step down only gives room
 * back.
 */
final class ApplicationMigration {

  private static final Logger RUNBOOK = LoggerFactory.getLogger("dev.tugboat.migration");

  /** Objects applied at once by an application's restore; applications run side by side. */
  static final int RESTORE_PARALLELISM = 8;

  private final MigrationRun run;
  private final RestoreLauncher restores;
  private final Optional<KarmadaAdoption> karmada;
  private final ReadinessWait readiness;
  private final ResourceApplier target;
  private final ResourceCatalog targetTypes;
  private final HookRunner hooks;
  private final FailedRestoreRollback failedRollback;
  private final Clock clock;

  ApplicationMigration(
      MigrationRun run,
      RestoreLauncher restores,
      Optional<KarmadaAdoption> karmada,
      ReadinessWait readiness,
      ResourceApplier target,
      ResourceCatalog targetTypes,
      HookRunner hooks,
      FailedRestoreRollback failedRollback,
      Clock clock) {
    this.run = run;
    this.restores = restores;
    this.karmada = karmada;
    this.readiness = readiness;
    this.target = target;
    this.targetTypes = targetTypes;
    this.hooks = hooks;
    this.failedRollback = failedRollback;
    this.clock = clock;
  }

  /**
   * @throws Exception when the application's restore did not finish or the target stopped
   *     answering: the step fails, and running the migration again resumes here
   */
  ApplicationOutcome migrate(ApplicationPlan application) throws Exception {
    return new Attempt(application).run();
  }

  /** The name of an application's restore. */
  static String restoreName(String migration, String application) {
    return migration + "-" + application;
  }

  /** The state of one application's migration while it runs. */
  private final class Attempt {

    private final ApplicationPlan application;
    private final Instant started = clock.instant();
    private final List<Decision> decisions = new ArrayList<>();
    private final Map<String, Integer> replicas = new LinkedHashMap<>();
    private String restore = "";
    private int attempts;
    private String rung;

    Attempt(ApplicationPlan application) {
      this.application = application;
      this.rung = application.rung();
      application
          .workloads()
          .forEach(w -> replicas.put(ApplicationModifiers.key(w), w.plannedReplicas()));
    }

    ApplicationOutcome run() throws Exception {
      if (application.deferred()) {
        note("deferred", "the capacity plan has no room for it at its floor");
        return end(ApplicationStatus.DEFERRED, "no room in the target at its floor");
      }
      HookResult before =
          hooks.runAll(
              run.plan().hooks().at(HookPoint.BEFORE_APPLICATION),
              HookContext.beforeApplication(run.id(), application.name()));
      if (!before.succeeded()) {
        return end(ApplicationStatus.FAILED, before.summary());
      }
      restore = restoreName(run.id(), application.name());
      RestoreSummary summary = restores.restore(restoreRun());
      note(
          "restored by " + restore + ": " + summary.items(),
          summary.errors() + " errors, " + summary.warnings() + " warnings");
      if (!summary.phase().equals(RestorePhase.COMPLETED.veleroName())) {
        return after(
            ApplicationStatus.FAILED,
            "restore "
                + restore
                + " "
                + summary.phase()
                + " with "
                + summary.errors()
                + " errors; see `tugboat restore describe "
                + restore
                + " --details`");
      }
      if (karmada.isPresent()) {
        return adopted(karmada.get());
      }
      resumeFromTarget();
      while (true) {
        attempts++;
        Verification verification = readiness.await(watched(), run.plan().readinessTimeout());
        switch (verification.outcome()) {
          case AVAILABLE -> {
            return available();
          }
          case SHORT_OF_ROOM -> {
            Optional<Rung> next = nextRung();
            if (next.isEmpty()) {
              return outOfRoom(verification.reason());
            }
            stepDown(next.get(), verification.reason());
          }
          case FAILED -> {
            note("failed", verification.reason());
            return after(ApplicationStatus.FAILED, verification.reason());
          }
          case TIMED_OUT -> {
            String reason =
                "not available within "
                    + run.plan().readinessTimeout()
                    + ": "
                    + verification.reason();
            note("timed out", reason);
            return after(ApplicationStatus.FAILED, reason);
          }
        }
      }
    }

    /**
     * Karmada mode: the restored objects are templates in the control plane; the application is
     * migrated once Karmada accepts its policies and adopts the member cluster's running objects.
     */
    private ApplicationOutcome adopted(KarmadaAdoption adoption) throws Exception {
      List<TemplateRef> templates = new ArrayList<>();
      restores.readLedger(
          restoreRun(),
          entry -> {
            if (KarmadaAdoption.isTemplate(entry)) {
              templates.add(KarmadaAdoption.template(entry));
            }
          });
      attempts++;
      KarmadaAdoption.Result result;
      try {
        result =
            adoption.adopt(run.id(), application.name(), templates, run.plan().readinessTimeout());
      } catch (KarmadaException refused) {
        note("failed", refused.getMessage());
        return after(ApplicationStatus.FAILED, refused.getMessage());
      }
      for (PolicyWrite written : result.written()) {
        note(
            written.kind()
                + " "
                + written.name()
                + ": "
                + written.outcome().name().toLowerCase(Locale.ROOT),
            "places " + application.name() + "'s templates in the member cluster");
      }
      if (!result.acceptance().isAccepted()) {
        String reason = "not accepted by Karmada: " + result.acceptance().summary();
        note("failed", reason);
        return after(ApplicationStatus.FAILED, reason);
      }
      note("adopted", templates.size() + " templates accepted by Karmada");
      return after(ApplicationStatus.MIGRATED, "");
    }

    /**
     * Migrated with every source replica, degraded with fewer; with none left (a floor of 0),
     * deferred: nothing of it runs in the target, so its source must not be cut over.
     */
    private ApplicationOutcome available() {
      int running = total(replicas);
      if (running == 0 && application.sourceReplicas() > 0) {
        note("deferred: scaled to 0", "its floor is 0");
        return after(ApplicationStatus.DEFERRED, "scaled to its floor of 0");
      }
      note("available with " + running + " replicas", "every workload available");
      if (running == application.sourceReplicas()) {
        return after(ApplicationStatus.MIGRATED, "");
      }
      return after(
          ApplicationStatus.DEGRADED,
          running + " of " + application.sourceReplicas() + " replicas");
    }

    /**
     * After a crash the application's restore is done and an earlier attempt may have stepped it
     * down: the target's replica counts, when lower than planned, are where the ladder goes on.
     */
    private void resumeFromTarget() {
      for (WorkloadResult workload : application.workloads()) {
        if (ApplicationModifiers.scalable(workload).isEmpty()) {
          continue;
        }
        ApplyResult found = target.get(type(workload), workload.targetNamespace(), workload.name());
        if (!found.isSuccess()) {
          continue;
        }
        String key = ApplicationModifiers.key(workload);
        JsonPaths.element(found.object(), "spec", "replicas")
            .filter(value -> value.isJsonPrimitive() && value.getAsInt() < replicas.get(key))
            .ifPresent(
                value -> {
                  note(
                      "resumed with "
                          + value.getAsInt()
                          + " replicas for "
                          + key
                          + ", "
                          + replicas.get(key)
                          + " planned",
                      "an earlier attempt stepped it down");
                  replicas.put(key, value.getAsInt());
                });
      }
    }

    private RestoreRun restoreRun() {
      MigrationPlan plan = run.plan();
      RestoreRequest request =
          new RestoreRequest(
              restore,
              run.sourceBackup(),
              application.namespaces(),
              List.of(),
              List.of(),
              plan.excludedResources(),
              IncludeClusterResources.AUTO,
              "",
              List.of(),
              plan.namespaceMappings(),
              plan.conflictPolicy(),
              ApplicationModifiers.of(run.id(), application, replicas),
              List.of(),
              false,
              false,
              false,
              Optional.of(new ApplicationScope(plan, application.name())));
      return new RestoreRun(
          request,
          run.store(),
          run.targetKubeconfig(),
          plan.target().cluster().context(),
          RESTORE_PARALLELISM,
          run.qps(),
          run.burst(),
          RestoreRun.DEFAULT_CHUNK_SIZE,
          run.workFolder());
    }

    /** The next rung of the tier's ladder that changes a replica count, if the plan allows one. */
    private Optional<Rung> nextRung() {
      MigrationPlan plan = run.plan();
      if (application.tier() == PlanApplication.CORE_TIER && !plan.allowCoreDegrade()) {
        return Optional.empty();
      }
      List<Rung> rungs =
          Rung.of(
              application.tier(),
              plan.ladder(),
              plan.onInsufficientCapacity() == InsufficientCapacityAction.PARTIAL);
      int position = -1;
      for (int index = 0; index < rungs.size(); index++) {
        if (rungs.get(index).label().equals(rung)) {
          position = index;
        }
      }
      for (Rung candidate : rungs.subList(position + 1, rungs.size())) {
        if (candidate.defers()) {
          return Optional.empty();
        }
        for (WorkloadResult workload : application.workloads()) {
          if (ApplicationModifiers.scalable(workload).isPresent()
              && candidate.replicas(workload.sourceReplicas(), workload.floor())
                  < replicas.get(ApplicationModifiers.key(workload))) {
            return Optional.of(candidate);
          }
        }
      }
      return Optional.empty();
    }

    /** Scales every workload down to the rung and records why. */
    private void stepDown(Rung next, String reason) {
      int before = total(replicas);
      for (WorkloadResult workload : application.workloads()) {
        if (ApplicationModifiers.scalable(workload).isPresent()) {
          int scaled =
              Math.min(
                  replicas.get(ApplicationModifiers.key(workload)),
                  next.replicas(workload.sourceReplicas(), workload.floor()));
          scale(workload, scaled);
        }
      }
      rung = next.label();
      note("replicas " + before + " -> " + total(replicas) + " (ladder " + rung + ")", reason);
    }

    /**
     * At the last rung and still short of room: a sheddable application under {@code partial} is
     * deferred, scaled to 0; any other fails.
     */
    private ApplicationOutcome outOfRoom(String reason) {
      MigrationPlan plan = run.plan();
      if (application.tier() == PlanApplication.SHEDDABLE_TIER
          && plan.onInsufficientCapacity() == InsufficientCapacityAction.PARTIAL) {
        application.workloads().stream()
            .filter(workload -> ApplicationModifiers.scalable(workload).isPresent())
            .forEach(workload -> scale(workload, 0));
        note("deferred: scaled to 0", reason);
        return after(ApplicationStatus.DEFERRED, "short of room at its floor: " + reason);
      }
      String why =
          application.tier() == PlanApplication.CORE_TIER && !plan.allowCoreDegrade()
              ? "short of room, and tier 0 is never degraded without allowCoreDegrade: "
              : "short of room at its floor: ";
      note("failed", why + reason);
      return after(ApplicationStatus.FAILED, why + reason);
    }

    private void scale(WorkloadResult workload, int count) {
      String kindKey = ApplicationModifiers.key(workload);
      if (replicas.get(kindKey) == count) {
        return;
      }
      ApiResource type = type(workload);
      JsonObject spec = new JsonObject();
      spec.addProperty("replicas", count);
      JsonObject patch = new JsonObject();
      patch.add("spec", spec);
      ApplyResult result =
          target.mergePatch(type, workload.targetNamespace(), workload.name(), patch);
      if (!result.isSuccess()) {
        throw new IllegalStateException(
            "scaling "
                + workload.kind()
                + " "
                + workload.targetNamespace()
                + "/"
                + workload.name()
                + " to "
                + count
                + " failed: HTTP "
                + result.httpStatus()
                + ": "
                + result.message());
      }
      replicas.put(kindKey, count);
    }

    private List<WatchedWorkload> watched() {
      List<WatchedWorkload> watched = new ArrayList<>();
      for (WorkloadResult workload : application.workloads()) {
        watched.add(
            new WatchedWorkload(
                type(workload),
                workload.targetNamespace(),
                workload.name(),
                replicas.get(ApplicationModifiers.key(workload))));
      }
      return watched;
    }

    private ApiResource type(WorkloadResult workload) {
      String group =
          workload.kind().equals("Job") ? "batch" : workload.kind().equals("Pod") ? "" : "apps";
      return targetTypes
          .forKind(group, workload.kind())
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "the target does not serve " + workload.kind() + " (" + group + ")"));
    }

    private ApplicationOutcome after(ApplicationStatus status, String reason) {
      HookResult after =
          hooks.runAll(
              run.plan().hooks().at(HookPoint.AFTER_APPLICATION),
              HookContext.afterApplication(run.id(), application.name(), status.word()));
      if (!after.succeeded()) {
        return end(ApplicationStatus.FAILED, after.summary());
      }
      return end(status, reason);
    }

    private ApplicationOutcome end(ApplicationStatus status, String reason) {
      boolean rolledBack =
          status == ApplicationStatus.FAILED
              && !restore.isEmpty()
              && run.plan().onFailure() == FailureAction.ROLLBACK
              && rollBack();
      int running =
          status == ApplicationStatus.DEFERRED || restore.isEmpty() || rolledBack
              ? 0
              : total(replicas);
      RUNBOOK.info(
          "{} {}: {}{}",
          run.id(),
          application.name(),
          status.word(),
          reason.isEmpty() ? "" : " (" + reason + ")");
      return new ApplicationOutcome(
          application.name(),
          application.tier(),
          status,
          application.sourceReplicas(),
          application.plannedReplicas(),
          running,
          restore,
          attempts,
          decisions,
          started.toString(),
          clock.instant().toString(),
          reason);
    }

    /**
     * {@code onFailure: rollback}: undoes the failed application's restore in the target; a
     * rollback that fails is recorded and leaves the application as the failure left it.
     *
     * @return whether the restore was rolled back
     */
    private boolean rollBack() {
      try {
        note(
            "rolled back restore " + restore + ": " + failedRollback.rollBack(restore),
            "onFailure: rollback");
        return true;
      } catch (Exception e) {
        note("rollback of restore " + restore + " failed", String.valueOf(e.getMessage()));
        return false;
      }
    }

    private void note(String action, String reason) {
      RUNBOOK.info("{} {}: {} ({})", run.id(), application.name(), action, reason);
      decisions.add(new Decision(clock.instant().toString(), action, reason));
    }
  }

  private static int total(Map<String, Integer> replicas) {
    return replicas.values().stream().mapToInt(Integer::intValue).sum();
  }
}
