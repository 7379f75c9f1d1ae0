package dev.tugboat.core.jobs;

/**
 * The run asked for completed earlier; Spring Batch never runs a completed job instance again, so
 * running it again needs a new name or run id.
 */
public class RunAlreadyCompletedException extends RuntimeException {

  public RunAlreadyCompletedException(String message) {
    super(message);
  }
}
