package dev.tugboat.backup.related;

/**
 * A related object the backup should hold but does not, for the backup's results: a warning when
 * the object no longer exists, an error when it could not be read.
 *
 * @param error whether it is an error (the backup ends partially failed) rather than a warning
 * @param namespace the missing object's namespace; empty for a cluster-scoped object
 * @param message names the object and what refers to it
 */
public record Problem(boolean error, String namespace, String message) {}
