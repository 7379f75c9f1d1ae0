/**
 * What the capacity planner reads: the target cluster as it is now ({@link
 * dev.tugboat.restore.capacity.snapshot.TargetSnapshot}: nodes, the room bound pods already hold,
 * pending pods, quotas and LimitRanges) and the source objects the demand is computed from ({@link
 * dev.tugboat.restore.capacity.snapshot.SourceObjects}), from a live cluster or a backup.
 */
package dev.tugboat.restore.capacity.snapshot;
