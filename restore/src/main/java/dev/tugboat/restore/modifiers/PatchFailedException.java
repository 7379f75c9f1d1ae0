package dev.tugboat.restore.modifiers;

/**
 * A patch that cannot be applied to one item (a path it needs is missing, a value has the wrong
 * type...). Velero reports it as an error of the item and leaves the item as the rule found it.
 */
final class PatchFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  PatchFailedException(String message) {
    super(message);
  }
}
