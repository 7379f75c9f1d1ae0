package dev.tugboat.samples.sandbox;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out service cluster IPs from 10.96.0.0/16, as kubeadm clusters do, never twice. Callers
 * hold the store's write lock.
 */
final class ClusterIpAllocator {

  private static final int HOSTS = 1 << 16;

  private final Set<String> taken = new HashSet<>();
  private int next = 1;

  /** Records an address a client chose, so it is not handed out again. */
  void reserve(String address) {
    taken.add(address);
  }

  /**
   * @throws ApiError 500 when the range is exhausted
   */
  String allocate() {
    while (next < HOSTS - 1) {
      String address = "10.96." + (next >> 8) + "." + (next & 0xff);
      next++;
      if (taken.add(address)) {
        return address;
      }
    }
    throw new ApiError(500, "InternalError", "the service cluster IP range 10.96.0.0/16 is full");
  }
}
