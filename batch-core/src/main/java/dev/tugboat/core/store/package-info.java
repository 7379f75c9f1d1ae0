/**
 * Where backups are kept: a {@link dev.tugboat.core.store.BackupStore} of objects in Velero's
 * BackupStorageLocation layout, in a local folder ({@link dev.tugboat.core.store.LocalBackupStore})
 * or an S3 bucket ({@link dev.tugboat.core.store.S3BackupStore}), opened from a store URI by {@link
 * dev.tugboat.core.store.BackupStores}. {@link dev.tugboat.core.store.StoreLayout} names the keys;
 * {@link dev.tugboat.core.store.BackupCatalog} publishes, lists, reads and deletes whole backups in
 * an order that never shows an incomplete one.
 */
package dev.tugboat.core.store;
