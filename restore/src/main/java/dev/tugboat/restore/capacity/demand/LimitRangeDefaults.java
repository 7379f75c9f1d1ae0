package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code type: Container} limits of a namespace's LimitRange objects, as the LimitRanger
 * admission plugin applies them to a new pod: first it fills, in every container and init
 * container, each missing limit from {@code default} and each missing request from {@code
 * defaultRequest}; then it rejects the pod if a request or limit is outside {@code min}/{@code
 * max}.
 *
 * <p>Like the API server, a LimitRange item read here is defaulted first: a missing {@code default}
 * takes {@code max}, and a missing {@code defaultRequest} takes {@code default}, else {@code min}.
 *
 * <p>A namespace may hold several LimitRanges. Kubernetes applies each in turn, and a default only
 * fills what is still missing, so for a resource the first LimitRange that defines it wins; the
 * order is the admission plugin's cache order, which Kubernetes does not specify. This class uses
 * the order of their names, so that the answer is deterministic. Every LimitRange's min and max
 * must hold.
 */
public final class LimitRangeDefaults {

  /** No LimitRange: containers keep what their spec says. */
  public static final LimitRangeDefaults NONE = new LimitRangeDefaults(List.of());

  private final List<ContainerLimits> items;

  private LimitRangeDefaults(List<ContainerLimits> items) {
    this.items = List.copyOf(items);
  }

  /**
   * @param limitRanges the LimitRange objects of one namespace, in any order
   */
  public static LimitRangeDefaults from(List<JsonObject> limitRanges) {
    List<JsonObject> byName = new ArrayList<>(limitRanges);
    byName.sort(Comparator.comparing(range -> name(range)));
    List<ContainerLimits> items = new ArrayList<>();
    for (JsonObject range : byName) {
      for (JsonObject item : JsonPaths.objects(range, "spec", "limits")) {
        if (JsonPaths.string(item, "type").filter("Container"::equals).isPresent()) {
          items.add(ContainerLimits.read(name(range), item));
        }
      }
    }
    return new LimitRangeDefaults(items);
  }

  private static String name(JsonObject limitRange) {
    return JsonPaths.string(limitRange, "metadata", "name").orElse("");
  }

  /**
   * The container as admission leaves it: defaults filled in.
   *
   * @throws LimitRangeViolation naming the container, the resource and the LimitRange, when
   *     admission would reject it
   */
  ContainerResources admit(ContainerResources container) {
    JsonObject requests = container.requests().deepCopy();
    JsonObject limits = container.limits().deepCopy();
    for (ContainerLimits item : items) {
      item.defaultLimits.entrySet().forEach(e -> fillMissing(limits, e));
      item.defaultRequests.entrySet().forEach(e -> fillMissing(requests, e));
    }
    ContainerResources admitted =
        new ContainerResources(container.name(), requests, limits, container.sidecar());
    items.forEach(item -> item.check(admitted));
    checkRequestsWithinLimits(admitted);
    return admitted;
  }

  private static void fillMissing(JsonObject resourceList, Map.Entry<String, JsonElement> entry) {
    ContainerResources.fillMissing(resourceList, entry.getKey(), entry.getValue());
  }

  /** API validation, run after admission: a default limit may fall below an explicit request. */
  private static void checkRequestsWithinLimits(ContainerResources container) {
    ResourceVector requests = ResourceVector.parse(container.requests());
    ResourceVector limits = ResourceVector.parse(container.limits());
    for (String resource : container.limits().keySet()) {
      if (container.requests().has(resource) && requests.get(resource) > limits.get(resource)) {
        throw new LimitRangeViolation(
            String.format(
                "container '%s': %s request %s is above its limit %s",
                container.name(),
                resource,
                text(container.requests(), resource),
                text(container.limits(), resource)));
      }
    }
  }

  private static String text(JsonObject resourceList, String resource) {
    return resourceList.get(resource).getAsString();
  }

  /** One {@code type: Container} item of a LimitRange, defaulted as the API server does. */
  private static final class ContainerLimits {

    private final String limitRange;
    private final JsonObject defaultLimits;
    private final JsonObject defaultRequests;
    private final JsonObject min;
    private final JsonObject max;

    private ContainerLimits(
        String limitRange,
        JsonObject defaultLimits,
        JsonObject defaultRequests,
        JsonObject min,
        JsonObject max) {
      this.limitRange = limitRange;
      this.defaultLimits = defaultLimits;
      this.defaultRequests = defaultRequests;
      this.min = min;
      this.max = max;
    }

    static ContainerLimits read(String limitRange, JsonObject item) {
      JsonObject min = field(item, "min");
      JsonObject max = field(item, "max");
      JsonObject defaultLimits = field(item, "default");
      JsonObject defaultRequests = field(item, "defaultRequest");
      max.entrySet().forEach(e -> fillMissing(defaultLimits, e));
      defaultLimits.entrySet().forEach(e -> fillMissing(defaultRequests, e));
      min.entrySet().forEach(e -> fillMissing(defaultRequests, e));
      return new ContainerLimits(limitRange, defaultLimits, defaultRequests, min, max);
    }

    private static JsonObject field(JsonObject item, String name) {
      return JsonPaths.object(item, name).map(JsonObject::deepCopy).orElseGet(JsonObject::new);
    }

    /** The LimitRanger plugin's min and max constraints, with its wording where it has one. */
    void check(ContainerResources container) {
      ResourceVector requests = ResourceVector.parse(container.requests());
      ResourceVector limits = ResourceVector.parse(container.limits());
      ResourceVector minimum = ResourceVector.parse(min);
      ResourceVector maximum = ResourceVector.parse(max);
      for (String resource : min.keySet()) {
        long floor = minimum.get(resource);
        if (!container.requests().has(resource)) {
          refuse(container, resource, "has no request; the minimum is " + text(min, resource));
        }
        if (requests.get(resource) < floor) {
          refuse(container, resource, below("request", container.requests(), resource));
        }
        if (container.limits().has(resource) && limits.get(resource) < floor) {
          refuse(container, resource, below("limit", container.limits(), resource));
        }
      }
      for (String resource : max.keySet()) {
        long ceiling = maximum.get(resource);
        if (!container.limits().has(resource)) {
          refuse(container, resource, "has no limit; the maximum is " + text(max, resource));
        }
        if (limits.get(resource) > ceiling) {
          refuse(container, resource, above("limit", container.limits(), resource));
        }
        if (container.requests().has(resource) && requests.get(resource) > ceiling) {
          refuse(container, resource, above("request", container.requests(), resource));
        }
      }
    }

    private String below(String what, JsonObject values, String resource) {
      return what + " " + text(values, resource) + " is below the minimum " + text(min, resource);
    }

    private String above(String what, JsonObject values, String resource) {
      return what + " " + text(values, resource) + " is above the maximum " + text(max, resource);
    }

    private void refuse(ContainerResources container, String resource, String problem) {
      throw new LimitRangeViolation(
          String.format(
              "container '%s': %s %s (LimitRange '%s')",
              container.name(), resource, problem, limitRange));
    }
  }
}
