package dev.tugboat.core.jobs;

/**
 * The run asked for is already running in a live process, named in the message. The CLI maps this
 * to exit code 5: retry later, or stop the other run first.
 */
public class RunInProgressException extends RuntimeException {

  public RunInProgressException(String message) {
    super(message);
  }

  public RunInProgressException(String message, Throwable cause) {
    super(message, cause);
  }
}
