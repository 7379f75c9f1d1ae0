/**
 * The files a backup publishes next to its archive, in Velero's formats: {@code velero-backup.json}
 * ({@link dev.tugboat.backup.velero.VeleroBackupDocument}), {@code <name>-resource-list.json.gz}
 * ({@link dev.tugboat.backup.velero.ResourceListDocument}), {@code <name>-results.gz} ({@link
 * dev.tugboat.backup.velero.ResultsDocument}) and {@code <name>-logs.gz} ({@link
 * dev.tugboat.backup.velero.VeleroLog}). Each is a {@link dev.tugboat.core.store.BodyWriter}, so it
 * can be handed to the store as it is. The results and log formats are a restore's too, which uses
 * these classes for its own records.
 */
package dev.tugboat.backup.velero;
