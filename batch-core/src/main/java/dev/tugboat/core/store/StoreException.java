package dev.tugboat.core.store;

/**
 * A backup store operation failed. Messages name the object or bucket and the store's location,
 * never credentials.
 */
public class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
