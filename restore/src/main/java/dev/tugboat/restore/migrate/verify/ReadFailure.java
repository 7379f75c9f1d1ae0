package dev.tugboat.restore.migrate.verify;

/**
 * A read of the target that did not succeed. Transient failures (no answer, 429, 5xx) are worth
 * another look later; the others (403, 404, 400) will not change by waiting.
 */
final class ReadFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  /**
   * @param httpStatus the answer's status, 0 when no answer came
   * @param message what failed, e.g. {@code could not list pods (HTTP 403): ...}
   */
  ReadFailure(int httpStatus, String message) {
    super(message);
    this.httpStatus = httpStatus;
  }

  boolean isTransient() {
    return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500;
  }

  boolean isNotFound() {
    return httpStatus == 404;
  }
}
