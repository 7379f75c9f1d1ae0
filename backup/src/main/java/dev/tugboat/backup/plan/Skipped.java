package dev.tugboat.backup.plan;

/**
 * Something the backup leaves out, and why, for the backup log.
 *
 * @param what a resource type ({@code events.events.k8s.io}) or a namespace ({@code namespace
 *     shop})
 * @param reason why, e.g. {@code excluded by the resource filter}
 */
public record Skipped(String what, String reason) {

  /** E.g. {@code bindings: the API does not allow list, get, delete}. */
  @Override
  public String toString() {
    return what + ": " + reason;
  }
}
