/**
 * Restore, capacity planning, migration and rollback: reads a backup from the store (or a live
 * cluster), orders and transforms its items, and applies them to a target cluster (store -> archive
 * reader -> ordering/transforms -> applier -> cluster).
 */
package dev.tugboat.restore;
