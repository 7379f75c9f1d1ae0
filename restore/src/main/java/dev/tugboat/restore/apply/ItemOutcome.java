package dev.tugboat.restore.apply;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * What applying one object did, or in a dry run what it would do.
 *
 * @param action what happened to the object
 * @param dryRun whether this is a plan: nothing was written, {@code action} says what a real run
 *     would do
 * @param message why, for the restore's results: empty for a plain create; Velero's warning for a
 *     {@link Action#SKIPPED} object; the fields that differ for an update or a recreate; the
 *     server's message for a {@link Action#FAILED} one
 * @param before the object as read from the cluster when it already existed, kept so that a
 *     rollback can return an updated or recreated object to it; {@code null} when the object was
 *     created fresh or could not be read. Set for every outcome that read it ({@link
 *     Action#UPDATED}, {@link Action#RECREATED}, {@link Action#UNCHANGED}, {@link Action#SKIPPED},
 *     and a {@link Action#FAILED} update or recreate), in a dry run too
 * @param applied the object as the server returned it after the last write (the status write when a
 *     kept status was restored); {@code null} when nothing was written
 */
public record ItemOutcome(
    Action action, boolean dryRun, String message, JsonObject before, JsonObject applied) {

  /** The outcome of one object, as listed in the restore's results. */
  public enum Action {
    /** Created; the name was free. */
    CREATED,
    /** It existed and differed; patched to the backed-up state (policy {@code update}). */
    UPDATED,
    /** It existed and differed; deleted and created again (policy {@code recreate}). */
    RECREATED,
    /** It existed and was equal after normalisation; not written. */
    UNCHANGED,
    /** It existed and differed; left as it is with a warning (policy {@code none}). */
    SKIPPED,
    /** The server refused a request for it; an error of the restore, {@code message} says why. */
    FAILED
  }

  public ItemOutcome {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(message, "message");
  }

  /** Whether the restore counts this object as an error. */
  public boolean isFailure() {
    return action == Action.FAILED;
  }
}
