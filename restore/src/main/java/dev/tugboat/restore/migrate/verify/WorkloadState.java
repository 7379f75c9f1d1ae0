package dev.tugboat.restore.migrate.verify;

import java.util.Objects;

/**
 * One workload's readiness at one look.
 *
 * @param reason why it is not available, e.g. {@code 1 of 3 available} or {@code 1 pod
 *     unschedulable: 0/3 nodes are available: 3 Insufficient cpu.}; empty when available
 */
public record WorkloadState(WatchedWorkload workload, Readiness readiness, String reason) {

  public WorkloadState {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(reason, "reason");
  }

  static WorkloadState available(WatchedWorkload workload) {
    return new WorkloadState(workload, Readiness.AVAILABLE, "");
  }

  /** e.g. {@code Deployment shop/web: 1 of 3 available}. */
  public String describe() {
    return reason.isEmpty() ? workload.describe() : workload.describe() + ": " + reason;
  }
}
