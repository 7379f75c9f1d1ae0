package dev.tugboat.runner;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BackupStores;
import dev.tugboat.core.store.StoreLocation;

/** Opens the backup store the global {@code --store} option names, or the default one. */
public final class Stores {

  private Stores() {}

  /** The store of {@code --store}, else {@link StoreLocation#defaultLocation()}. */
  public static BackupStore open(Globals globals) {
    if (globals.store() == null) {
      return BackupStores.open(StoreLocation.defaultLocation(), System.getenv());
    }
    return BackupStores.open(globals.store());
  }
}
