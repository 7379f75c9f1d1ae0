/**
 * What a restore applies and in which order, decided without a cluster: the order of resource types
 * ({@link dev.tugboat.restore.plan.RestoreOrder}), the items Velero never restores ({@link
 * dev.tugboat.restore.plan.RestoreSkips}) and the objects left to their controllers ({@link
 * dev.tugboat.restore.plan.OwnedObjects}).
 */
package dev.tugboat.restore.plan;
