/**
 * How long backups live and what they are called: the names of scheduled backups, as Velero's
 * schedules make them, and which backups of a store have expired and may be garbage-collected.
 */
package dev.tugboat.backup.retention;
