/**
 * The files a backup publishes next to its archive, in Velero's formats: {@code velero-backup.json}
 * ({@link dev.tugboat.backup.velero.VeleroBackupDocument}), {@code <name>-resource-list.json.gz}
 * ({@link dev.tugboat.backup.velero.ResourceListDocument}) and {@code <name>-results.gz} ({@link
 * dev.tugboat.backup.velero.ResultsDocument}). Each is a {@link dev.tugboat.core.store.BodyWriter},
 * so it can be handed to the store as it is.
 */
package dev.tugboat.backup.velero;
