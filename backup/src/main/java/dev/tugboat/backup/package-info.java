/**
 * The backup job: reads resources from a cluster, selects them, and writes one Velero-compatible
 * backup to the store (cluster -> reader -> selection -> archive writer -> store).
 */
package dev.tugboat.backup;
