package dev.tugboat.runner;

import dev.tugboat.core.store.StoreLocation;

/** The store the global {@code --store} option names, or the default one. */
public final class StoreOption {

  private StoreOption() {}

  /** The store URI: {@code --store}, else the local default ({@code $TUGBOAT_HOME/store}). */
  public static String uri(Globals globals) {
    return globals.store() != null
        ? globals.store()
        : StoreLocation.defaultLocation().root().toUri().toString();
  }

  /** The store in words, for messages, without credentials. */
  public static String describe(String uri) {
    StoreLocation location = StoreLocation.parse(uri);
    return location instanceof StoreLocation.S3 s3
        ? s3.describe()
        : ((StoreLocation.Local) location).root().toString();
  }
}
