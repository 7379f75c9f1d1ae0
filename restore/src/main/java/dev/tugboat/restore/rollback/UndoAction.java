package dev.tugboat.restore.rollback;

import dev.tugboat.restore.ledger.Disposition;

/** What a rollback does with one item of a restore's ledger. */
public enum UndoAction {
  /** The restore created it: delete it, if it still carries the restore's label. */
  DELETE,
  /** The restore patched it: replace it with its before-image. */
  PUT_BACK,
  /** The restore deleted and created it: delete what is there and create the before-image. */
  RECREATE,
  /** The restore did not change it: not touched. */
  LEAVE;

  /** The undo of what the restore did. */
  public static UndoAction undoing(Disposition disposition) {
    return switch (disposition) {
      case CREATED -> DELETE;
      case UPDATED -> PUT_BACK;
      case RECREATED -> RECREATE;
      // A failed item is left as the restore left it, as a skipped one: the rollback undoes
      // only what the restore did.
      case UNCHANGED, SKIPPED, NOT_RESTORED, FAILED -> LEAVE;
    };
  }
}
