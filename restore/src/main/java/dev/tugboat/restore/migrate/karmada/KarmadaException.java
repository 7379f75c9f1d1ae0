package dev.tugboat.restore.migrate.karmada;

import dev.tugboat.core.cluster.ApplyResult;

/**
 * A request to the Karmada control plane that failed, or a write Tugboat refused (to leave someone
 * else's policy alone). The message names the object and the reason.
 */
public final class KarmadaException extends Exception {

  private static final long serialVersionUID = 1L;

  public KarmadaException(String message) {
    super(message);
  }

  /**
   * The result when it succeeded.
   *
   * @param action what was tried, e.g. {@code create PropagationPolicy shop/tugboat-web}
   * @throws KarmadaException naming the action, the outcome and the server's message otherwise
   */
  static ApplyResult requireSuccess(ApplyResult result, String action) throws KarmadaException {
    if (!result.isSuccess()) {
      throw new KarmadaException(
          "could not "
              + action
              + " ("
              + result.outcome()
              + (result.httpStatus() == 0 ? "" : ", HTTP " + result.httpStatus())
              + "): "
              + result.message());
    }
    return result;
  }
}
