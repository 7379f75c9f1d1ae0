/**
 * The capacity planner (issue 6; migration.md section 5, "Proposed policy"): which application each
 * workload belongs to ({@link dev.tugboat.restore.capacity.planner.Applications}), whether they fit
 * in the target and what to shed when they do not ({@link
 * dev.tugboat.restore.capacity.planner.CapacityPlanner}), and the report a {@code tugboat capacity}
 * command prints ({@link dev.tugboat.restore.capacity.planner.CapacityReportText}, {@link
 * dev.tugboat.restore.capacity.planner.CapacityPlan#toJson()}). Pure and deterministic: plain
 * values in, a plan out.
 */
package dev.tugboat.restore.capacity.planner;
