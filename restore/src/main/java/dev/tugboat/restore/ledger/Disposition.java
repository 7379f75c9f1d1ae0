package dev.tugboat.restore.ledger;

import dev.tugboat.restore.apply.ItemOutcome.Action;
import dev.tugboat.restore.report.ItemOutcome;
import java.util.Locale;
import java.util.Optional;

/** What a restore did with one archived item it selected. */
public enum Disposition {
  /** Created; the name was free. */
  CREATED,
  /** It existed and differed; patched to the backed-up state. */
  UPDATED,
  /** It existed and differed; deleted and created again. */
  RECREATED,
  /** It existed and was equal; not written. */
  UNCHANGED,
  /** It existed and differed; left as it is, with a warning. */
  SKIPPED,
  /** Left out by a rule: a completed pod, an object its restored controller recreates... */
  NOT_RESTORED,
  /** It could not be restored: an error of the restore. */
  FAILED;

  /** The disposition of an applied object. */
  public static Disposition of(Action action) {
    return switch (action) {
      case CREATED -> CREATED;
      case UPDATED -> UPDATED;
      case RECREATED -> RECREATED;
      case UNCHANGED -> UNCHANGED;
      case SKIPPED -> SKIPPED;
      case FAILED -> FAILED;
    };
  }

  /**
   * The entry in Velero's restored resource list: equal objects are {@code skipped} there, and a
   * recreated object was {@code created}; objects left out by a rule are not listed.
   */
  public Optional<ItemOutcome> veleroOutcome() {
    return switch (this) {
      case CREATED, RECREATED -> Optional.of(ItemOutcome.CREATED);
      case UPDATED -> Optional.of(ItemOutcome.UPDATED);
      case UNCHANGED, SKIPPED -> Optional.of(ItemOutcome.SKIPPED);
      case FAILED -> Optional.of(ItemOutcome.FAILED);
      case NOT_RESTORED -> Optional.empty();
    };
  }

  /** E.g. {@code not-restored}, as printed and in JSON output. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
