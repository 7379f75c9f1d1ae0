/**
 * The capacity planner's checks over a target snapshot, in the order the issue runs them: the
 * namespace quota ({@link dev.tugboat.restore.capacity.simulate.QuotaCheck}), the aggregate
 * necessary condition ({@link dev.tugboat.restore.capacity.simulate.AggregateCheck}) and the
 * per-node packing ({@link dev.tugboat.restore.capacity.simulate.PackingSimulation}). Plain values
 * in, plain values out; pure and deterministic.
 */
package dev.tugboat.restore.capacity.simulate;
