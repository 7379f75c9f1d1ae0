package dev.tugboat.backup.related;

import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.Set;

/** What an object refers to that a restore needs too: the rules of Velero's backup actions. */
final class ObjectReferences {

  private static final String BOUND = "Bound";

  private ObjectReferences() {}

  /** A pod needs its claims (same namespace) and its priority class. */
  static void ofPod(String namespace, String name, JsonObject pod, WantedObjects wanted) {
    String referrer = "pod " + namespace + "/" + name;
    for (JsonObject volume : Json.objects(pod, "spec", "volumes")) {
      String claim = Json.string(volume, "persistentVolumeClaim", "claimName");
      if (!claim.isEmpty()) {
        wanted.add(
            RelatedType.PERSISTENT_VOLUME_CLAIMS, namespace, claim, "claimed by " + referrer);
      }
    }
    String priorityClass = Json.string(pod, "spec", "priorityClassName");
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
    String volume = Json.string(claim, "spec", "volumeName");
    if (!volume.isEmpty() && BOUND.equals(Json.string(claim, "status", "phase"))) {
      wanted.add(RelatedType.PERSISTENT_VOLUMES, "", volume, "bound to " + referrer);
    }
    String storageClass = Json.string(claim, "spec", "storageClassName");
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
    return Json.objects(binding, "subjects").stream()
        .filter(subject -> Json.string(subject, "kind").equals("ServiceAccount"))
        .map(
            subject ->
                new ObjectRef(
                    "serviceaccounts",
                    Json.string(subject, "namespace"),
                    Json.string(subject, "name")))
        .anyMatch(serviceAccounts::contains);
  }

  /** The ClusterRole a binding grants; empty when it grants a Role. */
  static Optional<String> clusterRoleOf(JsonObject binding) {
    return Json.string(binding, "roleRef", "kind").equals("ClusterRole")
        ? Optional.of(Json.string(binding, "roleRef", "name")).filter(name -> !name.isEmpty())
        : Optional.empty();
  }
}
