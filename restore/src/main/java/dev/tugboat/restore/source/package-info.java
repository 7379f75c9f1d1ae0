/**
 * Where a restore reads a backup from ({@link dev.tugboat.restore.source.BackupSource}), and the
 * one streaming pass that verifies the whole archive and spools its items to a local folder by type
 * ({@link dev.tugboat.restore.source.ArchiveSpooler}), so that nothing is written to a cluster from
 * an archive that later turns out to be bad, and the restore can read types back in its own order.
 */
package dev.tugboat.restore.source;
