package dev.tugboat.restore.rollback;

/**
 * A restore that cannot be rolled back, for a reason that running again will not fix: it does not
 * exist, it has no item ledger (a Velero restore, or records missing), or it is still running. The
 * message is one line naming the restore and the reason.
 */
public class RollbackRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RollbackRefusedException(String message) {
    super(message);
  }

  public RollbackRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
