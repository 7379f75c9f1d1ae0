package dev.tugboat.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Wraps a store, recording the writes and deletes made through it ({@code "write <key>"}, {@code
 * "delete <key>"}) and failing the writes of chosen keys before they reach the store.
 */
final class RecordingBackupStore implements BackupStore {

  private final BackupStore store;
  private final List<String> calls = new ArrayList<>();
  private final Set<String> failingWrites = new HashSet<>();

  RecordingBackupStore(BackupStore store) {
    this.store = store;
  }

  RecordingBackupStore failWritesOf(String key) {
    failingWrites.add(key);
    return this;
  }

  List<String> calls() {
    return calls;
  }

  @Override
  public void write(String key, BodyWriter body) throws IOException {
    calls.add("write " + key);
    if (failingWrites.contains(key)) {
      throw new StoreException("injected failure writing " + key);
    }
    store.write(key, body);
  }

  @Override
  public InputStream read(String key) {
    return store.read(key);
  }

  @Override
  public boolean exists(String key) {
    return store.exists(key);
  }

  @Override
  public List<String> list(String prefix) {
    return store.list(prefix);
  }

  @Override
  public void delete(String key) {
    calls.add("delete " + key);
    store.delete(key);
  }

  @Override
  public String location() {
    return store.location();
  }
}
