package dev.tugboat.samples.sandbox.bench;

import java.util.OptionalLong;

/**
 * One side of the backup benchmark at one size: the floor or Tugboat.
 *
 * @param objects the objects backed up (Tugboat) or listed (the floor)
 * @param nanos wall-clock time of the whole backup
 * @param requests API requests the sandbox served meanwhile
 * @param archiveBytes the gzipped bytes written
 * @param peakLiveHeapBytes the most heap in use after a full collection, when measured; only
 *     Tugboat's is
 */
record BackupMeasurement(
    long objects, long nanos, long requests, long archiveBytes, OptionalLong peakLiveHeapBytes) {

  BackupMeasurement withPeakLiveHeap(OptionalLong bytes) {
    return new BackupMeasurement(objects, nanos, requests, archiveBytes, bytes);
  }

  double seconds() {
    return nanos / 1e9;
  }

  double objectsPerSecond() {
    return objects / seconds();
  }
}
