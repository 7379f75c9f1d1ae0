package dev.tugboat.backup.related;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Optional;
import java.util.Set;

/** What an object refers to that a restore needs too: the rules of Velero's backup actions. */
final class ObjectReferences {

  private static final String BOUND = "Bound";

  private ObjectReferences() {}

  /** A pod needs its claims (same namespace) and its priority class. */
  static void ofPod(String namespace, String name, JsonObject pod, WantedObjects wanted) {
    String referrer = "pod " + namespace + "/" + name;
    for (JsonObject volume : JsonPaths.objects(pod, "spec", "volumes")) {
      String claim = JsonPaths.string(volume, "persistentVolumeClaim", "claimName").orElse("");
      if (!claim.isEmpty()) {
        wanted.add(
            RelatedType.PERSISTENT_VOLUME_CLAIMS, namespace, claim, "claimed by " + referrer);
      }
    }
    String priorityClass = JsonPaths.string(pod, "spec", "priorityClassName").orElse("");
    if (!priorityClass.isEmpty()) {
      wanted.add(RelatedType.PRIORITY_CLASSES, "", priorityClass, "priority class of " + referrer);
    }
  }

  /**
   * A claim needs its volume once bound (before that the name may point to a volume not yet
   * reserved for it) and its storage class.
   */
  static void ofClaim(String namespace, String name, JsonObject claim, WantedObjects wanted) {
    String referrer = "persistentvolumeclaim " + namespace + "/" + name;
    String volume = JsonPaths.string(claim, "spec", "volumeName").orElse("");
    if (!volume.isEmpty() && BOUND.equals(JsonPaths.string(claim, "status", "phase").orElse(""))) {
      wanted.add(RelatedType.PERSISTENT_VOLUMES, "", volume, "bound to " + referrer);
    }
    String storageClass = JsonPaths.string(claim, "spec", "storageClassName").orElse("");
    if (!storageClass.isEmpty()) {
      wanted.add(RelatedType.STORAGE_CLASSES, "", storageClass, "storage class of " + referrer);
    }
  }

  /**
   * Whether a ClusterRoleBinding grants its role to one of the service accounts.
   *
   * @param serviceAccounts as {@code serviceaccounts} refs
   */
  static boolean bindsAnyOf(JsonObject binding, Set<ObjectRef> serviceAccounts) {
    return JsonPaths.objects(binding, "subjects").stream()
        .filter(subject -> JsonPaths.string(subject, "kind").orElse("").equals("ServiceAccount"))
        .map(
            subject ->
                new ObjectRef(
                    "serviceaccounts",
                    JsonPaths.string(subject, "namespace").orElse(""),
                    JsonPaths.string(subject, "name").orElse("")))
        .anyMatch(serviceAccounts::contains);
  }

  /** The ClusterRole a binding grants; empty when it grants a Role. */
  static Optional<String> clusterRoleOf(JsonObject binding) {
    return JsonPaths.string(binding, "roleRef", "kind").orElse("").equals("ClusterRole")
        ? Optional.of(JsonPaths.string(binding, "roleRef", "name").orElse(""))
            .filter(name -> !name.isEmpty())
        : Optional.empty();
  }
}
