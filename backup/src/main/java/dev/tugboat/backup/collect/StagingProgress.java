package dev.tugboat.backup.collect;

/** Told how the list step goes, to show the progress of a long backup. Thread-safe. */
public interface StagingProgress {

  /** A chunk of {@code items} objects, {@code bytes} of JSON, is staged. */
  void staged(int items, long bytes);

  /** A partition has listed all its objects. */
  void partitionDone();
}
