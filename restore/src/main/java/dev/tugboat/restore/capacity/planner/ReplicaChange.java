package dev.tugboat.restore.capacity.planner;

/** The planned replicas of one application before and after a ladder step. */
public record ReplicaChange(String application, int from, int to) {}
