/**
 * Applies one transformed object to the target cluster under the restore's policy for objects that
 * already exist ({@link dev.tugboat.restore.apply.ExistingResourcePolicy}): create first, and only
 * when the name is taken, read the object in the cluster, compare it after normalisation ({@link
 * dev.tugboat.restore.apply.Normaliser}) and skip, patch or recreate it ({@link
 * dev.tugboat.restore.apply.ItemApplier}).
 */
package dev.tugboat.restore.apply;
