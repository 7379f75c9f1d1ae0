package dev.tugboat.restore.modifiers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lists that a strategic merge patch merges element by element, and the field that identifies
 * an element (Kubernetes' {@code patchMergeKey}). Kubernetes reads these from the Go types of
 * built-in kinds; without them, this table holds the pod and service lists people patch on restore.
 * Every other list is replaced by the patch's list.
 *
 * <p>A list is named by the field names leading to it from the item's root, list elements adding no
 * name: a Deployment's containers are {@code spec, template, spec, containers}.
 */
final class MergeKeys {

  private static final Set<String> CONTAINER_LISTS =
      Set.of("containers", "initContainers", "ephemeralContainers");

  /** Lists of a pod spec (found under any field named {@code spec}). */
  private static final Map<String, String> POD_SPEC_LISTS =
      Map.of(
          "containers", "name",
          "initContainers", "name",
          "ephemeralContainers", "name",
          "volumes", "name",
          "imagePullSecrets", "name");

  /** Lists of one container. */
  private static final Map<String, String> CONTAINER_FIELD_LISTS =
      Map.of(
          "ports", "containerPort",
          "env", "name",
          "volumeMounts", "mountPath",
          "volumeDevices", "devicePath");

  private static final List<String> SERVICE_PORTS = List.of("spec", "ports");

  private MergeKeys() {}

  /** The merge key of the list at this field path, or empty when the list is replaced whole. */
  static Optional<String> forList(List<String> fieldPath) {
    if (fieldPath.equals(SERVICE_PORTS)) {
      return Optional.of("port");
    }
    if (fieldPath.size() < 2) {
      return Optional.empty();
    }
    String field = fieldPath.get(fieldPath.size() - 1);
    String parent = fieldPath.get(fieldPath.size() - 2);
    if (parent.equals("spec")) {
      return Optional.ofNullable(POD_SPEC_LISTS.get(field));
    }
    if (CONTAINER_LISTS.contains(parent)) {
      return Optional.ofNullable(CONTAINER_FIELD_LISTS.get(field));
    }
    return Optional.empty();
  }
}
