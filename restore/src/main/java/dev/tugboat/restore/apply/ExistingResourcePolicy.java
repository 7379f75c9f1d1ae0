package dev.tugboat.restore.apply;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a restore does with an object that already exists in the target cluster and differs from the
 * backed-up one ({@code --existing-resource-policy}, velero.md 3.6). An existing object equal to
 * the backed-up one is left alone under every policy.
 */
public enum ExistingResourcePolicy {
  /** Leave it and record Velero's warning (Velero's default). */
  NONE,
  /** Merge-patch it to the backed-up state (Velero's {@code update}). */
  UPDATE,
  /** Delete it, wait until it is gone, and create the backed-up one (beyond Velero, #6033). */
  RECREATE;

  /** The name on the command line, e.g. {@code update}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code none}, {@code update} or {@code recreate} (any case, surrounding blanks ignored).
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static ExistingResourcePolicy parse(String value) {
    String wanted = value == null ? "" : value.trim();
    for (ExistingResourcePolicy policy : values()) {
      if (policy.cliName().equalsIgnoreCase(wanted)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "unknown existing-resource policy \""
            + value
            + "\": expected one of "
            + Arrays.stream(values())
                .map(ExistingResourcePolicy::cliName)
                .collect(Collectors.joining(", ")));
  }
}
