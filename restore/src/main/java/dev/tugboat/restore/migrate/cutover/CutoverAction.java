package dev.tugboat.restore.migrate.cutover;

import java.util.Objects;

/**
 * What the cutover did to one source object.
 *
 * @param kind the object's kind, e.g. {@code Deployment}
 * @param namespace its namespace
 * @param name its name
 * @param outcome what was done
 * @param detail the change made (e.g. {@code replicas 3 -> 0}), or for {@link
 *     CutoverOutcome#FAILED} the request and the API server's answer (e.g. {@code patch failed:
 *     HTTP 403: ...})
 */
public record CutoverAction(
    String kind, String namespace, String name, CutoverOutcome outcome, String detail) {

  public CutoverAction {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }
}
