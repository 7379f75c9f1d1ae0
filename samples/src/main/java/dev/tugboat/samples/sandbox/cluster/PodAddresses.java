package dev.tugboat.samples.sandbox.cluster;

import java.util.Set;

/** Pod IPv4 addresses from a node's {@code spec.podCIDR}, as a CNI plug-in would hand them out. */
final class PodAddresses {

  private PodAddresses() {}

  /**
   * The lowest host address of the range not in {@code used}, or null when the node has no (IPv4)
   * range or it is full.
   */
  static String next(String cidr, Set<String> used) {
    if (cidr == null || !cidr.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+")) {
      return null;
    }
    String[] parts = cidr.split("[./]");
    long base = 0;
    for (int i = 0; i < 4; i++) {
      base = base << 8 | Long.parseLong(parts[i]);
    }
    int prefix = Integer.parseInt(parts[4]);
    if (prefix > 32) {
      return null;
    }
    long size = 1L << (32 - prefix);
    for (long offset = 1; offset < size - 1; offset++) {
      String candidate = format(base + offset);
      if (!used.contains(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Dotted-quad text of an IPv4 address held in the low 32 bits. */
  static String format(long address) {
    return (address >> 24 & 255)
        + "."
        + (address >> 16 & 255)
        + "."
        + (address >> 8 & 255)
        + "."
        + (address & 255);
  }
}
