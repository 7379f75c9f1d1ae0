package dev.tugboat.backup.collect;

/** Told about every staged chunk, to show how a long backup is going. Thread-safe. */
@FunctionalInterface
public interface StagingProgress {

  /** A chunk of {@code items} objects, {@code bytes} of JSON, is staged. */
  void staged(int items, long bytes);
}
