/**
 * The demand side of the capacity planner: the workloads being moved, each with its replica count,
 * the effective request of one replica, where a replica may run, and the floor below which it must
 * not be degraded. Pure: backed-up objects in, values out.
 */
package dev.tugboat.restore.capacity.demand;
