package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests and limits of one container, as resource lists still in Kubernetes' quantity text so
 * that a resource set to zero stays distinct from one not set.
 *
 * @param sidecar an init container with {@code restartPolicy: Always}, which keeps running beside
 *     the regular containers
 */
record ContainerResources(String name, JsonObject requests, JsonObject limits, boolean sidecar) {

  /** The regular containers of a pod spec, in order. */
  static List<ContainerResources> regular(JsonObject podSpec) {
    return read(podSpec, "containers", false);
  }

  /** The init containers of a pod spec, sidecars included, in start order. */
  static List<ContainerResources> init(JsonObject podSpec) {
    return read(podSpec, "initContainers", true);
  }

  private static List<ContainerResources> read(JsonObject podSpec, String field, boolean init) {
    List<ContainerResources> containers = new ArrayList<>();
    for (JsonObject container : JsonPaths.objects(podSpec, field)) {
      JsonObject requests = resourceList(container, "requests");
      JsonObject limits = resourceList(container, "limits");
      // The API server's own defaulting, done before any admission plugin sees the pod.
      limits.entrySet().forEach(limit -> fillMissing(requests, limit.getKey(), limit.getValue()));
      boolean sidecar =
          init && JsonPaths.string(container, "restartPolicy").filter("Always"::equals).isPresent();
      containers.add(
          new ContainerResources(
              JsonPaths.string(container, "name").orElse("(unnamed)"), requests, limits, sidecar));
    }
    return containers;
  }

  private static JsonObject resourceList(JsonObject container, String field) {
    return JsonPaths.object(container, "resources", field)
        .map(JsonObject::deepCopy)
        .orElseGet(JsonObject::new);
  }

  static void fillMissing(JsonObject resourceList, String resource, JsonElement value) {
    if (!resourceList.has(resource)) {
      resourceList.add(resource, value.deepCopy());
    }
  }

  ResourceVector requestVector() {
    return ResourceVector.parse(requests);
  }
}
