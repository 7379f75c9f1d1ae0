package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares an object as the source cluster listed it with the object a restore left in the target
 * cluster. Written independently of the restore's own {@code Normaliser}: a test that reused it
 * could not catch a field it wrongly ignores.
 *
 * <p>{@link #normalised} removes exactly these fields, and nothing else:
 *
 * <ul>
 *   <li>{@code metadata.uid, resourceVersion, creationTimestamp, generation, managedFields,
 *       selfLink}: the API server sets them anew on every create;
 *   <li>{@code metadata.ownerReferences}: the restore drops them (Velero's metadata reset), and a
 *       controller of the target cluster adds them back when it adopts the object;
 *   <li>{@code status}: written by controllers through the status subresource; a restore leaves it
 *       to them unless asked to restore it;
 *   <li>the labels {@code velero.io/backup-name} and {@code velero.io/restore-name} (and {@code
 *       metadata.labels} when nothing else is left): the restore adds them to say where an object
 *       came from;
 *   <li>Service {@code spec.clusterIP}, {@code spec.clusterIPs} (unless headless, {@code None}) and
 *       {@code spec.ports[].nodePort}: allocated by the target cluster; the restore drops them so
 *       that it allocates its own;
 *   <li>PersistentVolume {@code spec.claimRef.uid, spec.claimRef.resourceVersion}: they name the
 *       source cluster's claim, so the restore drops them and the target binds the restored claim.
 * </ul>
 */
final class RestoredObjects {

  private static final List<String> SERVER_METADATA =
      List.of(
          "uid",
          "resourceVersion",
          "creationTimestamp",
          "generation",
          "managedFields",
          "selfLink",
          "ownerReferences");

  private static final List<String> RESTORE_LABELS =
      List.of("velero.io/backup-name", "velero.io/restore-name");

  private RestoredObjects() {}

  /** A copy of {@code object} without the fields listed in the class comment. */
  static JsonObject normalised(JsonObject object) {
    JsonObject copy = object.deepCopy();
    copy.remove("status");
    JsonObject metadata = copy.getAsJsonObject("metadata");
    SERVER_METADATA.forEach(metadata::remove);
    JsonObject labels = metadata.getAsJsonObject("labels");
    if (labels != null) {
      RESTORE_LABELS.forEach(labels::remove);
      if (labels.size() == 0) {
        metadata.remove("labels");
      }
    }
    String kind = copy.get("kind").getAsString();
    JsonObject spec = copy.getAsJsonObject("spec");
    if (spec != null && copy.get("apiVersion").getAsString().equals("v1")) {
      if (kind.equals("Service")) {
        withoutAllocatedAddresses(spec);
      } else if (kind.equals("PersistentVolume") && spec.has("claimRef")) {
        spec.getAsJsonObject("claimRef").remove("uid");
        spec.getAsJsonObject("claimRef").remove("resourceVersion");
      }
    }
    return copy;
  }

  private static void withoutAllocatedAddresses(JsonObject spec) {
    JsonElement clusterIp = spec.get("clusterIP");
    if (clusterIp == null || !clusterIp.getAsString().equals("None")) {
      spec.remove("clusterIP");
      spec.remove("clusterIPs");
    }
    if (spec.has("ports")) {
      spec.getAsJsonArray("ports").forEach(port -> port.getAsJsonObject().remove("nodePort"));
    }
  }

  /**
   * Asserts that the target holds exactly the expected objects (same keys), each equal after
   * normalisation, and names the first one that differs.
   */
  static void assertSameObjects(
      Map<ItemKey, JsonObject> target, Map<ItemKey, JsonObject> expected) {
    assertThat(target.keySet()).containsExactlyElementsOf(new TreeMap<>(expected).keySet());
    expected.forEach(
        (key, object) ->
            assertThat(normalised(target.get(key)))
                .as(key.toString())
                .isEqualTo(normalised(object)));
  }
}
