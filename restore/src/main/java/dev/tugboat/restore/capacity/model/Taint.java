package dev.tugboat.restore.capacity.model;

import java.util.Objects;

/**
 * A node taint.
 *
 * @param key e.g. {@code dedicated}
 * @param value may be empty
 * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
 */
public record Taint(String key, String value, String effect) {

  public Taint {
    Objects.requireNonNull(key, "key");
    value = value == null ? "" : value;
    Objects.requireNonNull(effect, "effect");
  }

  /** Whether the scheduler keeps pods that do not tolerate it off the node. */
  public boolean repels() {
    return effect.equals("NoSchedule") || effect.equals("NoExecute");
  }
}
