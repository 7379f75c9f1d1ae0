/**
 * Turns a backed-up object into the object to create in the target cluster, as Velero's restore
 * does (velero.md 3.3 to 3.5 and 3.7): metadata and status reset, per-kind actions, namespace
 * mapping and restore labels. Pure functions: JSON in, JSON or a skip decision out, no cluster
 * access.
 */
package dev.tugboat.restore.transform;
