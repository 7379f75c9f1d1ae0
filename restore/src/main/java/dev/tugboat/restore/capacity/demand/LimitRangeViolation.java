package dev.tugboat.restore.capacity.demand;

/**
 * A container that the target namespace's LimitRange admission would reject, so the pod could not
 * be created there at all, whatever room the nodes have.
 */
public final class LimitRangeViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LimitRangeViolation(String message) {
    super(message);
  }
}
