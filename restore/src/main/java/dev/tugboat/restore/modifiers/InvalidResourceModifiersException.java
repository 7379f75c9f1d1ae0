package dev.tugboat.restore.modifiers;

/** A resource modifiers file that cannot be used; the message names the rule and the field. */
public final class InvalidResourceModifiersException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InvalidResourceModifiersException(String message) {
    super(message);
  }

  InvalidResourceModifiersException(String message, Throwable cause) {
    super(message, cause);
  }
}
