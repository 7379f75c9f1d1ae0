package dev.tugboat.core.cluster;

/**
 * The cluster's API cannot be discovered at all: {@code /api}, {@code /apis} or {@code /version}
 * failed.
 */
public class DiscoveryException extends RuntimeException {

  public DiscoveryException(String message) {
    super(message);
  }
}
