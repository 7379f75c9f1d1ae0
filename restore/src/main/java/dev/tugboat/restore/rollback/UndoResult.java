package dev.tugboat.restore.rollback;

import java.util.Locale;

/** How the rollback of one item ended. */
public enum UndoResult {
  /** The object the restore created is gone (deleted now, or already gone). */
  DELETED,
  /** The object is its before-image again (replaced or created now, or already equal). */
  PUT_BACK,
  /** Not touched: the restore did not change it, or it no longer carries the restore's label. */
  LEFT_ALONE,
  /** The cluster refused a request: the item is listed with the server's answer. */
  FAILED;

  /** E.g. {@code put-back}, as printed and in JSON. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
