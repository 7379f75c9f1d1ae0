package dev.tugboat.restore.migrate;

/** The applications do not fit in the target, and the plan says to stop. */
public class CapacityShortfallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CapacityShortfallException(String message) {
    super(message);
  }
}
