package dev.tugboat.core.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The process that runs a job execution, written {@code pid@host} in the lease table.
 *
 * <p>The host lets a later process on the same machine check the PID directly. Two machines that
 * report the same host name would defeat that check, so the host name comes from the {@code
 * HOSTNAME} variable (the pod name in Kubernetes) or the system's name, and a random name is used
 * when neither is known.
 *
 * @param pid the operating system's process id
 * @param host the host name the process saw
 */
public record RunOwner(long pid, String host) {

  private static final RunOwner CURRENT = new RunOwner(ProcessHandle.current().pid(), hostName());

  /** This JVM. */
  public static RunOwner current() {
    return CURRENT;
  }

  /**
   * Reads the {@code pid@host} form.
   *
   * @throws IllegalArgumentException when the text is not in that form
   */
  public static RunOwner parse(String text) {
    int at = text.indexOf('@');
    try {
      if (at > 0 && at < text.length() - 1) {
        return new RunOwner(Long.parseLong(text.substring(0, at)), text.substring(at + 1));
      }
    } catch (NumberFormatException e) {
      // reported below, with the text
    }
    throw new IllegalArgumentException("Not a run owner (expected pid@host): '" + text + "'");
  }

  public boolean isOnSameHostAs(RunOwner other) {
    return host.equals(other.host);
  }

  @Override
  public String toString() {
    return pid + "@" + host;
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // A name no other process has: the PID check is then never used, the heartbeat still is.
      return "unknown-" + UUID.randomUUID();
    }
  }
}
