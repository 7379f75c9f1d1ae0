package dev.tugboat.restore.migrate;

import java.util.Objects;

/**
 * One step of an application's migration, with its reason: what an operator's runbook would say.
 *
 * @param at when (ISO-8601)
 * @param action e.g. {@code restored 12 objects (restore demo-shop)} or {@code replicas 4 -> 3
 *     (ladder 0.75)}
 * @param reason why, e.g. {@code Deployment shop/web: 2 pods unschedulable: ... Insufficient cpu}
 */
public record Decision(String at, String action, String reason) {

  public Decision {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
  }
}
