package dev.tugboat.restore.capacity.plan;

import java.util.Objects;

/**
 * Applications derived from a label rather than listed: every source object carrying the label, and
 * not claimed by a listed application, joins the application named by the label's value, in the
 * tier {@code defaultTier}.
 *
 * @param label the label key, e.g. {@code app.kubernetes.io/part-of}
 * @param defaultTier the tier of the derived applications
 */
public record Grouping(String label, int defaultTier) {

  public Grouping {
    Objects.requireNonNull(label, "label");
  }
}
