package dev.tugboat.samples.sandbox;

import dev.tugboat.samples.sandbox.cluster.DaemonSetController;
import dev.tugboat.samples.sandbox.cluster.DeploymentController;
import dev.tugboat.samples.sandbox.cluster.JobController;
import dev.tugboat.samples.sandbox.cluster.Kubelet;
import dev.tugboat.samples.sandbox.cluster.LimitRangeDefaults;
import dev.tugboat.samples.sandbox.cluster.ReplicaSetController;
import dev.tugboat.samples.sandbox.cluster.ResourceQuotaAdmission;
import dev.tugboat.samples.sandbox.cluster.Scheduler;
import dev.tugboat.samples.sandbox.cluster.StatefulSetController;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The plug-ins a sandbox runs: those of the simulated cluster ({@link
 * dev.tugboat.samples.sandbox.cluster}) unless {@link SandboxOptions#simulation()} is off, then
 * those the options add. Every controller gets the sandbox's clock; the runner calls them all on
 * one thread.
 */
final class SimulatedCluster {

  private SimulatedCluster() {}

  static List<Controller> controllers(SandboxOptions options) {
    List<Controller> controllers = new ArrayList<>();
    if (options.simulation()) {
      Clock clock = options.clock();
      controllers.add(new DeploymentController(clock));
      controllers.add(new ReplicaSetController(clock));
      controllers.add(new StatefulSetController(clock));
      controllers.add(new DaemonSetController(clock));
      controllers.add(new JobController(clock));
      controllers.add(new Scheduler(clock));
      controllers.add(
          new Kubelet(clock, options.kubeletStartDelay(), Kubelet.DEFAULT_JOB_POD_RUN_TIME));
    }
    controllers.addAll(options.controllers());
    return controllers;
  }

  /** LimitRange defaults come first, as in Kubernetes, so that quota counts defaulted requests. */
  static List<Admission> admissions(SandboxOptions options, ResourceTypes types) {
    List<Admission> admissions = new ArrayList<>();
    if (options.simulation()) {
      admissions.add(new LimitRangeDefaults());
      admissions.add(new ResourceQuotaAdmission(new ResourceTypeCatalog(types)));
    }
    admissions.addAll(options.admissions());
    return admissions;
  }
}
