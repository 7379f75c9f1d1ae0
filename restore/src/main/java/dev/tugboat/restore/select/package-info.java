/**
 * Which archived items a restore brings back: the request's filters over the backup, with Velero's
 * rules for cluster-scoped items and Namespace objects (velero.md 3.7).
 */
package dev.tugboat.restore.select;
