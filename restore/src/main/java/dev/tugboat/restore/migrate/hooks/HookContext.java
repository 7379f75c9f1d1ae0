package dev.tugboat.restore.migrate.hooks;

import dev.tugboat.restore.capacity.plan.HookPoint;
import java.util.Objects;

/**
 * What a hook is told about the moment it runs at, as environment variables or a webhook's body.
 *
 * @param migration the migration's name
 * @param point where in the migration the hook runs
 * @param application the application's name; empty at cutover
 * @param status the application's status so far (or the migration's, after cutover), e.g. {@code
 *     Migrated}; empty before
 */
public record HookContext(String migration, HookPoint point, String application, String status) {

  public HookContext {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(status, "status");
    if (point.isPerApplication() == application.isEmpty()) {
      throw new IllegalArgumentException(
          point.yamlName()
              + (point.isPerApplication()
                  ? " hooks run for an application: name it"
                  : " hooks run for the whole migration, not for application " + application));
    }
  }

  /** Before an application's objects are restored. */
  public static HookContext beforeApplication(String migration, String application) {
    return new HookContext(migration, HookPoint.BEFORE_APPLICATION, application, "");
  }

  /** Once an application is verified or has failed, with its status. */
  public static HookContext afterApplication(String migration, String application, String status) {
    return new HookContext(migration, HookPoint.AFTER_APPLICATION, application, status);
  }

  /** Before the cutover of the source. */
  public static HookContext beforeCutover(String migration) {
    return new HookContext(migration, HookPoint.BEFORE_CUTOVER, "", "");
  }

  /** After the cutover of the source, with its status. */
  public static HookContext afterCutover(String migration, String status) {
    return new HookContext(migration, HookPoint.AFTER_CUTOVER, "", status);
  }

  /** For logs, e.g. {@code beforeApplication of shop}. */
  String describe() {
    return point.yamlName() + (application.isEmpty() ? "" : " of " + application);
  }
}
