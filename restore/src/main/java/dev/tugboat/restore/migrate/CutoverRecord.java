package dev.tugboat.restore.migrate;

import dev.tugboat.restore.migrate.cutover.CutoverAction;
import java.util.List;
import java.util.Objects;

/**
 * What the cutover did to one application's source objects.
 *
 * @param application the application
 * @param actions one per object touched, in order
 */
public record CutoverRecord(String application, List<CutoverAction> actions) {

  public CutoverRecord {
    Objects.requireNonNull(application, "application");
    actions = List.copyOf(actions);
  }
}
