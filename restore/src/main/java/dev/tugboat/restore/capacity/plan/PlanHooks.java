package dev.tugboat.restore.capacity.plan;

import java.util.List;

/**
 * The plan's {@code hooks}: what runs around each application's migration and around the cutover,
 * each list in file order.
 *
 * @param beforeApplication run before an application's objects are restored
 * @param afterApplication run once an application is verified or has failed
 * @param beforeCutover run before the cutover of the source
 * @param afterCutover run after the cutover of the source
 */
public record PlanHooks(
    List<Hook> beforeApplication,
    List<Hook> afterApplication,
    List<Hook> beforeCutover,
    List<Hook> afterCutover) {

  /** No hooks at all, the default. */
  public static final PlanHooks NONE = new PlanHooks(List.of(), List.of(), List.of(), List.of());

  public PlanHooks {
    beforeApplication = List.copyOf(beforeApplication);
    afterApplication = List.copyOf(afterApplication);
    beforeCutover = List.copyOf(beforeCutover);
    afterCutover = List.copyOf(afterCutover);
  }

  /** The hooks that run at a point. */
  public List<Hook> at(HookPoint point) {
    return switch (point) {
      case BEFORE_APPLICATION -> beforeApplication;
      case AFTER_APPLICATION -> afterApplication;
      case BEFORE_CUTOVER -> beforeCutover;
      case AFTER_CUTOVER -> afterCutover;
    };
  }
}
