package dev.tugboat.restore.transform;

/**
 * How a PersistentVolume's data was backed up: Velero's {@code BackupVolumeInfo.backupMethod} in
 * {@code <backup>-volumeinfo.json.gz}, or the same outcome derived from the older files (velero.md
 * 3.5). A volume without one had its data not backed up.
 */
public enum VolumeBackupMethod {
  /** A cloud provider snapshot, taken by a Velero volume snapshotter plugin. */
  NATIVE_SNAPSHOT,
  /** A file-system backup of the pod's volume (restic or kopia). */
  POD_VOLUME_BACKUP,
  /** A CSI VolumeSnapshot, possibly moved to the store by the data mover. */
  CSI_SNAPSHOT
}
