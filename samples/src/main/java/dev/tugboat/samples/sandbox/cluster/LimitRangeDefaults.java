package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.Admission;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes' LimitRanger admission for containers: a new pod's containers get the default limits
 * ({@code default}) and requests ({@code defaultRequest}) of the namespace's LimitRanges of {@code
 * type: Container} where they set none, and a pod whose containers then fall outside a range's
 * {@code min} or {@code max} is refused with 403 Forbidden and Kubernetes' wording. Pod-level and
 * PVC ranges and {@code maxLimitRequestRatio} are not checked.
 *
 * <p>Register it before {@link ResourceQuotaAdmission}, as Kubernetes orders them, so that quota
 * counts the defaulted requests.
 */
public final class LimitRangeDefaults implements Admission {

  private static final String ANNOTATION = "kubernetes.io/limit-ranger";

  @Override
  public void admit(Operation operation, JsonObject object, JsonObject old, ClusterState state) {
    if (operation != Operation.CREATE
        || !"v1".equals(JsonFields.string(object, "apiVersion"))
        || !"Pod".equals(JsonFields.string(object, "kind"))) {
      return;
    }
    List<JsonObject> containerRanges = new ArrayList<>();
    for (JsonObject limitRange : state.list("v1", "LimitRange", JsonFields.namespace(object))) {
      for (JsonObject item : JsonFields.objects(limitRange, "spec", "limits")) {
        if ("Container".equals(JsonFields.string(item, "type"))) {
          containerRanges.add(item);
        }
      }
    }
    if (containerRanges.isEmpty()) {
      return;
    }
    try {
      limit(object, containerRanges);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(e.getMessage());
    }
  }

  private static void limit(JsonObject object, List<JsonObject> containerRanges) {
    for (JsonObject range : containerRanges) {
      applyDefaults(object, range);
    }
    List<String> violations = new ArrayList<>();
    for (JsonObject range : containerRanges) {
      for (JsonObject container : containers(object)) {
        violations.addAll(violations(container, range));
      }
    }
    if (!violations.isEmpty()) {
      // Kubernetes joins several errors as an aggregate: [first, second]
      String reason =
          violations.size() == 1 ? violations.get(0) : "[" + String.join(", ", violations) + "]";
      throw Refusals.forbidden("pods", object, reason);
    }
  }

  /**
   * Fills in one range's defaults and records them in the {@code kubernetes.io/limit-ranger}
   * annotation, which (as in Kubernetes) the last range that set something writes.
   */
  private static void applyDefaults(JsonObject pod, JsonObject range) {
    // A range's own defaulting: default limits from max, default requests from default then min.
    ResourceList defaultLimits =
        ResourceList.parse(JsonFields.object(range, "default"))
            .withDefaults(ResourceList.parse(JsonFields.object(range, "max")));
    ResourceList defaultRequests =
        ResourceList.parse(JsonFields.object(range, "defaultRequest"))
            .withDefaults(defaultLimits)
            .withDefaults(ResourceList.parse(JsonFields.object(range, "min")));
    List<String> notes = new ArrayList<>();
    for (JsonObject container : JsonFields.objects(pod, "spec", "containers")) {
      notes.addAll(fill(container, "container", defaultLimits, defaultRequests));
    }
    for (JsonObject container : JsonFields.objects(pod, "spec", "initContainers")) {
      notes.addAll(fill(container, "init container", defaultLimits, defaultRequests));
    }
    if (!notes.isEmpty()) {
      JsonObject annotations = JsonFields.child(JsonFields.child(pod, "metadata"), "annotations");
      annotations.addProperty(ANNOTATION, "LimitRanger plugin set: " + String.join("; ", notes));
    }
  }

  /**
   * Sets the missing limits and requests of one container; returns the annotation notes, e.g.
   * {@code cpu, memory request for container app}.
   */
  private static List<String> fill(
      JsonObject container, String what, ResourceList defaultLimits, ResourceList defaultRequests) {
    JsonObject resources = JsonFields.child(container, "resources");
    ResourceList limits = ResourceList.parse(JsonFields.object(resources, "limits"));
    // The API server defaults a request from the container's own limit before admission runs.
    ResourceList requests =
        ResourceList.parse(JsonFields.object(resources, "requests")).withDefaults(limits);
    List<String> setRequests = missing(requests, defaultRequests);
    List<String> setLimits = missing(limits, defaultLimits);
    limits = limits.withDefaults(defaultLimits);
    requests = requests.withDefaults(defaultRequests);
    if (!limits.isEmpty()) {
      resources.add("limits", limits.toJson());
    }
    if (!requests.isEmpty()) {
      resources.add("requests", requests.toJson());
    }
    String name = JsonFields.string(container, "name");
    List<String> notes = new ArrayList<>();
    if (!setRequests.isEmpty()) {
      notes.add(String.join(", ", setRequests) + " request for " + what + " " + name);
    }
    if (!setLimits.isEmpty()) {
      notes.add(String.join(", ", setLimits) + " limit for " + what + " " + name);
    }
    return notes;
  }

  private static List<String> missing(ResourceList present, ResourceList defaults) {
    return defaults.names().stream().filter(resource -> !present.has(resource)).toList();
  }

  private static List<JsonObject> containers(JsonObject pod) {
    List<JsonObject> all = new ArrayList<>(JsonFields.objects(pod, "spec", "containers"));
    all.addAll(JsonFields.objects(pod, "spec", "initContainers"));
    return all;
  }

  /** Kubernetes' {@code minConstraint} and {@code maxConstraint} messages for one container. */
  private static List<String> violations(JsonObject container, JsonObject range) {
    ResourceList requests =
        ResourceList.parse(JsonFields.object(container, "resources", "requests"));
    ResourceList limits = ResourceList.parse(JsonFields.object(container, "resources", "limits"));
    ResourceList min = ResourceList.parse(JsonFields.object(range, "min"));
    ResourceList max = ResourceList.parse(JsonFields.object(range, "max"));
    List<String> violations = new ArrayList<>();
    for (String resource : min.names()) {
      String prefix = "minimum " + resource + " usage per Container is " + min.format(resource);
      if (!requests.has(resource)) {
        violations.add(prefix + ".  No request is specified");
      } else if (requests.amount(resource).compareTo(min.amount(resource)) < 0) {
        violations.add(prefix + ", but request is " + requests.format(resource));
      } else if (limits.has(resource)
          && limits.amount(resource).compareTo(min.amount(resource)) < 0) {
        violations.add(prefix + ", but limit is " + limits.format(resource));
      }
    }
    for (String resource : max.names()) {
      String prefix = "maximum " + resource + " usage per Container is " + max.format(resource);
      if (!limits.has(resource)) {
        violations.add(prefix + ".  No limit is specified");
      } else if (limits.amount(resource).compareTo(max.amount(resource)) > 0) {
        violations.add(prefix + ", but limit is " + limits.format(resource));
      } else if (requests.has(resource)
          && requests.amount(resource).compareTo(max.amount(resource)) > 0) {
        violations.add(prefix + ", but request is " + requests.format(resource));
      }
    }
    return violations;
  }
}
