package dev.tugboat.core.store;

/** The object a caller asked to read is not in the store. */
public class StoreObjectNotFoundException extends StoreException {

  private final String key;

  public StoreObjectNotFoundException(String key, String location) {
    super("object '" + key + "' not found in " + location);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
