package dev.tugboat.restore.capacity.plan;

/** A migration plan that cannot be used; the message names the field, e.g. {@code parallelism}. */
public final class InvalidMigrationPlanException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InvalidMigrationPlanException(String message) {
    super(message);
  }

  InvalidMigrationPlanException(String message, Throwable cause) {
    super(message, cause);
  }
}
