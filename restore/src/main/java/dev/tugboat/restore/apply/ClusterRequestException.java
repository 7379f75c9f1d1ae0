package dev.tugboat.restore.apply;

/**
 * A request about one object got no usable answer: no answer at all, a 5xx or a 429 after the
 * client's retries. Unlike a refusal of the object (403, 422: a failed item), this says the cluster
 * cannot be worked with right now, so the restore stops and can be restarted.
 */
public class ClusterRequestException extends RuntimeException {

  public ClusterRequestException(String message) {
    super(message);
  }
}
