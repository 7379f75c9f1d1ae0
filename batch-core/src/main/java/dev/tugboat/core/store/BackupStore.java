package dev.tugboat.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An object store holding backups in the layout of a Velero BackupStorageLocation.
 *
 * <p>Keys are relative to the store's root (a folder, or a bucket and prefix) and use {@code /}
 * between segments. Every key starts with {@code backups/} or {@code restores/}, the only top-level
 * folders a store ever gets (any other one makes Velero mark the location Unavailable); no segment
 * is empty, {@code .} or {@code ..}, or starts with a dot. Invalid keys are refused with an {@link
 * IllegalArgumentException} before anything is touched.
 *
 * <p>Store failures are {@link StoreException}s whose messages name the key and the {@link
 * #location()}.
 */
public interface BackupStore {

  /**
   * Stores an object whose content the body streams, size unknown in advance. The object becomes
   * visible (to {@link #read}, {@link #exists}, {@link #list}) only once the body has returned
   * normally; it then replaces any previous object with that key.
   *
   * @throws IOException the body's own exception, rethrown unchanged after the partial object has
   *     been discarded (a previous object with that key stays as it was)
   */
  void write(String key, BodyWriter body) throws IOException;

  /**
   * Opens an object for reading; the caller closes the stream.
   *
   * @throws StoreObjectNotFoundException if there is no such object
   */
  InputStream read(String key);

  boolean exists(String key);

  /**
   * Keys of all objects whose key starts with {@code prefix}, at any depth, sorted. An empty prefix
   * lists the whole store. A non-empty prefix follows the key rules, except that it may end with
   * {@code /} and its last segment may be a partial name.
   */
  List<String> list(String prefix);

  /** Deletes an object; deleting a missing object is not an error. */
  void delete(String key);

  /** Where the store is, for messages: a path or {@code s3://bucket/prefix at <endpoint>}. */
  String location();
}
