package dev.tugboat.runner;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BackupStores;
import dev.tugboat.core.store.StoreLocation;

/** The backup store the global {@code --store} option names, or the default one. */
public final class Stores {

  private Stores() {}

  /** The store of {@code --store}, else {@link StoreLocation#defaultLocation()}. */
  public static BackupStore open(Globals globals) {
    return BackupStores.open(uri(globals));
  }

  /** The URI of {@code --store}, else of the local default ({@code $TUGBOAT_HOME/store}). */
  public static String uri(Globals globals) {
    return globals.store() != null
        ? globals.store()
        : StoreLocation.defaultLocation().root().toUri().toString();
  }

  /** A store URI in words, for messages, without credentials. */
  public static String describe(String uri) {
    StoreLocation location = StoreLocation.parse(uri);
    return location instanceof StoreLocation.S3 s3
        ? s3.describe()
        : ((StoreLocation.Local) location).root().toString();
  }
}
