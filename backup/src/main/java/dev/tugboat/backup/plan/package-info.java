/**
 * The backup's plan: which LIST requests to make, computed once from the resource catalog, the
 * selection and the cluster's namespaces, without talking to the cluster. Entry point: {@link
 * dev.tugboat.backup.plan.BackupPlanner#plan}.
 */
package dev.tugboat.backup.plan;
