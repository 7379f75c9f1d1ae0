package dev.tugboat.samples.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The objects of a backed-up cluster that a default restore does not create, found from the source
 * objects alone, independently of the restore's code: completed pods and Jobs (Velero skips them),
 * and objects whose controller owner is restored too (left to that controller, which recreates
 * them).
 */
final class LeftOutByRestore {

  private static final Set<String> COMPLETED_PHASES = Set.of("Succeeded", "Failed");

  private LeftOutByRestore() {}

  /**
   * @param source every backed-up object, as the source cluster listed it
   * @return the objects left out, each with words its reason in the restore log contains
   */
  static Map<ItemKey, String> of(Map<ItemKey, JsonObject> source) {
    Map<String, ItemKey> byIdentity = new HashMap<>();
    source.forEach(
        (key, object) ->
            byIdentity.put(
                identity(
                    object.get("kind").getAsString(),
                    key.namespace(),
                    key.name(),
                    object.getAsJsonObject("metadata").get("uid").getAsString()),
                key));
    Map<ItemKey, String> leftOut = new TreeMap<>();
    source.forEach(
        (key, object) -> {
          if (isCompletedPod(key, object)) {
            leftOut.put(key, "the pod is complete");
            return;
          }
          if (isCompletedJob(key, object)) {
            leftOut.put(key, "the job is complete");
            return;
          }
          JsonObject metadata = object.getAsJsonObject("metadata");
          if (!metadata.has("ownerReferences")) {
            return;
          }
          for (JsonElement element : metadata.getAsJsonArray("ownerReferences")) {
            JsonObject owner = element.getAsJsonObject();
            boolean controller = owner.has("controller") && owner.get("controller").getAsBoolean();
            String kind = owner.get("kind").getAsString();
            String name = owner.get("name").getAsString();
            if (controller
                && byIdentity.containsKey(
                    identity(kind, key.namespace(), name, owner.get("uid").getAsString()))) {
              leftOut.put(key, "controlled by " + kind + " " + key.namespace() + "/" + name);
            }
          }
        });
    return leftOut;
  }

  private static boolean isCompletedPod(ItemKey key, JsonObject object) {
    JsonObject status = object.getAsJsonObject("status");
    return key.groupResource().equals("pods")
        && status != null
        && status.has("phase")
        && COMPLETED_PHASES.contains(status.get("phase").getAsString());
  }

  private static boolean isCompletedJob(ItemKey key, JsonObject object) {
    JsonObject status = object.getAsJsonObject("status");
    return key.groupResource().equals("jobs.batch")
        && status != null
        && status.has("completionTime")
        && !status.get("completionTime").getAsString().isEmpty();
  }

  private static String identity(String kind, String namespace, String name, String uid) {
    return kind + "/" + namespace + "/" + name + "/" + uid;
  }
}
