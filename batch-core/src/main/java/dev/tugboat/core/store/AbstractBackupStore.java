package dev.tugboat.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks keys and prefixes once for every store, so implementations only ever see valid ones, and
 * keeps listings sorted and free of objects that are not valid keys (such as the local store's
 * partial files or folder markers left in a bucket by other tools).
 */
abstract class AbstractBackupStore implements BackupStore {

  @Override
  public final void write(String key, BodyWriter body) throws IOException {
    StoreKeys.requireValidKey(key);
    Objects.requireNonNull(body, "body");
    writeObject(key, body);
  }

  @Override
  public final InputStream read(String key) {
    StoreKeys.requireValidKey(key);
    return readObject(key);
  }

  @Override
  public final boolean exists(String key) {
    StoreKeys.requireValidKey(key);
    return objectExists(key);
  }

  @Override
  public final List<String> list(String prefix) {
    StoreKeys.requireValidPrefix(prefix);
    List<String> prefixes = prefix.isEmpty() ? StoreKeys.TOP_LEVEL_FOLDERS : List.of(prefix);
    List<String> keys = new ArrayList<>();
    for (String each : prefixes) {
      for (String key : listObjects(each)) {
        if (StoreKeys.isValidKey(key)) {
          keys.add(key);
        }
      }
    }
    keys.sort(null);
    return List.copyOf(keys);
  }

  @Override
  public final void delete(String key) {
    StoreKeys.requireValidKey(key);
    deleteObject(key);
  }

  protected abstract void writeObject(String key, BodyWriter body) throws IOException;

  protected abstract InputStream readObject(String key);

  protected abstract boolean objectExists(String key);

  /** Keys starting with {@code prefix} (a non-empty, valid prefix), in any order. */
  protected abstract List<String> listObjects(String prefix);

  protected abstract void deleteObject(String key);
}
