/**
 * Where a restore reads a backup from ({@link dev.tugboat.restore.source.BackupSource}), and the
 * one streaming pass that verifies the whole archive and spools its items to a local folder by type
 * ({@link dev.tugboat.restore.source.ArchiveSpooler}), so that nothing is written to a cluster from
 * an archive that later turns out to be bad, and the restore can read types back in its own order.
 * Restores that run side by side from one backup, such as a migration's, read one {@link
 * dev.tugboat.restore.source.SharedSpool} instead of each spooling the backup again.
 */
package dev.tugboat.restore.source;
