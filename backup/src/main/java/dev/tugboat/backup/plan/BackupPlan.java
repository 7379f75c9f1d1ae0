package dev.tugboat.backup.plan;

import java.util.List;

/**
 * What a backup reads: made once by {@link BackupPlanner}, then followed LIST by LIST.
 *
 * @param partitions the LISTs to make, in Velero's resource order (core group first, with pods,
 *     persistentvolumeclaims and persistentvolumes leading; then by group; {@code extensions}
 *     last); within a type, namespaces by name. Keys are distinct.
 * @param namespaceObjects the names, sorted, of the namespaces whose Namespace object the backup
 *     writes (from the namespace LIST the job already made, so there is no {@code namespaces}
 *     partition). Restore reads these to recreate a namespace with its labels and annotations. With
 *     a label selector Velero writes only the namespaces whose labels match or that hold a selected
 *     object; that needs the objects, so narrowing this list is the writer's job.
 * @param skipped the resource types and namespaces left out, with the reason, for the backup log
 */
public record BackupPlan(
    List<ListPartition> partitions, List<String> namespaceObjects, List<Skipped> skipped) {

  public BackupPlan {
    partitions = List.copyOf(partitions);
    namespaceObjects = List.copyOf(namespaceObjects);
    skipped = List.copyOf(skipped);
  }
}
