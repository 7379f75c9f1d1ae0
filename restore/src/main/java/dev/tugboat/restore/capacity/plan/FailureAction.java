package dev.tugboat.restore.capacity.plan;

import java.util.Locale;

/** What a migration does with an application that failed (issue 8's {@code onFailure}). */
public enum FailureAction {
  /** Undo what the migration did to that application in the target, from its recorded ledger. */
  ROLLBACK,
  /** Leave the target as the failure left it, for an operator to inspect. */
  KEEP;

  /** The value in the plan file, e.g. {@code keep}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
