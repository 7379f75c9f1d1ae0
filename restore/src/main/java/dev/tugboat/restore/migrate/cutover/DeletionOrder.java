package dev.tugboat.restore.migrate.cutover;

import java.util.Comparator;
import java.util.List;

/**
 * The order in which the cutover deletes an application's objects: owners before what they own
 * (top-down, as Kosmos detaches), so that with orphan propagation no controller is left to recreate
 * what was just deleted.
 *
 * <ol>
 *   <li>CronJob (it creates Jobs)
 *   <li>Deployment (it creates ReplicaSets)
 *   <li>StatefulSet, DaemonSet, Job, ReplicaSet (they create Pods), in that order
 *   <li>Pod (it uses the ConfigMaps, Secrets, claims and ServiceAccounts that follow)
 *   <li>every other object
 * </ol>
 *
 * Objects of one rank keep the order of the application's list.
 */
final class DeletionOrder {

  private static final List<String> CONTROLLERS_THEN_PODS =
      List.of(
          "batch/CronJob",
          "apps/Deployment",
          "apps/StatefulSet",
          "apps/DaemonSet",
          "batch/Job",
          "apps/ReplicaSet",
          "Pod");

  private DeletionOrder() {}

  /** The objects in deletion order; the sort is stable. */
  static List<ObjectRef> sort(List<ObjectRef> objects) {
    return objects.stream().sorted(Comparator.comparingInt(DeletionOrder::rank)).toList();
  }

  private static int rank(ObjectRef object) {
    int rank = CONTROLLERS_THEN_PODS.indexOf(object.groupKind());
    return rank < 0 ? CONTROLLERS_THEN_PODS.size() : rank;
  }
}
