package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.samples.sandbox.Admission;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Kubernetes' ResourceQuota admission and quota controller in one: refuses a create that would take
 * a namespace over a quota's {@code spec.hard} with 403 Forbidden and Kubernetes' message ({@code
 * pods "web-1" is forbidden: exceeded quota: compute, requested: requests.cpu=2, used:
 * requests.cpu=3, limited: requests.cpu=4}), refuses pods that leave a quota-tracked cpu or memory
 * unspecified ({@code failed quota: compute: must specify limits.cpu for: app}), and keeps every
 * quota's {@code status.hard} and {@code status.used} current after each write. Quota scopes and
 * scope selectors are not supported: every quota covers its whole namespace.
 */
public final class ResourceQuotaAdmission implements Admission {

  /**
   * Quota names a pod's every container must request explicitly, a rule Kubernetes keeps for
   * backward compatibility.
   */
  private static final Set<String> MUST_SPECIFY =
      Set.of("cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory");

  private final ResourceCatalog catalog;
  private final QuotaUsage usage;

  /**
   * @param catalog the served resources, to name objects as quota does
   */
  public ResourceQuotaAdmission(ResourceCatalog catalog) {
    this.catalog = catalog;
    this.usage = new QuotaUsage(catalog);
  }

  @Override
  public void admit(Operation operation, JsonObject object, JsonObject old, ClusterState state) {
    String namespace = JsonFields.namespace(object);
    if (operation != Operation.CREATE || namespace == null) {
      return;
    }
    ApiResource resource =
        catalog
            .byKind(JsonFields.string(object, "apiVersion"), JsonFields.string(object, "kind"))
            .orElse(null);
    List<JsonObject> quotas = state.list("v1", "ResourceQuota", namespace);
    if (resource == null || quotas.isEmpty()) {
      return;
    }
    try {
      check(object, resource, quotas, state, namespace);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(e.getMessage());
    }
  }

  private void check(
      JsonObject object,
      ApiResource resource,
      List<JsonObject> quotas,
      ClusterState state,
      String namespace) {
    String groupResource = resource.groupResource();
    if (groupResource.equals("pods")) {
      for (JsonObject quota : quotas) {
        String missing = missingRequests(object, hard(quota).names());
        if (missing != null) {
          throw Refusals.forbidden(
              groupResource,
              object,
              "failed quota: " + JsonFields.name(quota) + ": must specify " + missing);
        }
      }
    }
    ResourceList requested = QuotaUsage.of(object, resource);
    Set<String> tracked = new TreeSet<>();
    for (JsonObject quota : quotas) {
      tracked.addAll(hard(quota).only(requested.names()).names());
    }
    if (tracked.isEmpty()) {
      return;
    }
    ResourceList used = usage.inNamespace(state, namespace, tracked);
    for (JsonObject quota : quotas) {
      ResourceList hard = hard(quota).only(requested.names());
      List<String> exceeded = new ArrayList<>();
      for (String name : hard.names()) {
        if (used.amount(name).add(requested.amount(name)).compareTo(hard.amount(name)) > 0) {
          exceeded.add(name);
        }
      }
      if (!exceeded.isEmpty()) {
        throw Refusals.forbidden(
            groupResource,
            object,
            "exceeded quota: "
                + JsonFields.name(quota)
                + ", requested: "
                + requested.only(exceeded)
                + ", used: "
                + used.only(exceeded)
                + ", limited: "
                + hard.only(exceeded));
      }
    }
  }

  /**
   * Kubernetes' pod quota constraint: when a quota tracks cpu or memory, every container must
   * request (or limit) it. Returns e.g. {@code limits.cpu for: app,sidecar; requests.cpu for: app},
   * or null when nothing is missing.
   */
  private static String missingRequests(JsonObject pod, java.util.Collection<String> hardNames) {
    Set<String> required = new TreeSet<>(hardNames);
    required.retainAll(MUST_SPECIFY);
    Map<String, Set<String>> containersByMissing = new TreeMap<>();
    List<JsonObject> containers = new ArrayList<>(JsonFields.objects(pod, "spec", "containers"));
    containers.addAll(JsonFields.objects(pod, "spec", "initContainers"));
    for (JsonObject container : containers) {
      ResourceList given =
          QuotaUsage.computeNames(
              PodRequests.containerRequests(container),
              ResourceList.parse(JsonFields.object(container, "resources", "limits")));
      for (String name : required) {
        if (!given.has(name)) {
          containersByMissing
              .computeIfAbsent(name, ignored -> new TreeSet<>())
              .add(JsonFields.string(container, "name"));
        }
      }
    }
    if (containersByMissing.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    containersByMissing.forEach(
        (name, names) -> parts.add(name + " for: " + String.join(",", names)));
    return String.join("; ", parts);
  }

  /**
   * Recomputes {@code status.used} of the namespace's quotas after a write that may change it: a
   * quota itself, or an object of a resource some quota there counts.
   */
  @Override
  public void stored(JsonObject object, JsonObject old, ClusterState state) {
    JsonObject changed = object != null ? object : old;
    String namespace = JsonFields.namespace(changed);
    if (namespace == null) {
      return;
    }
    List<JsonObject> quotas = state.list("v1", "ResourceQuota", namespace);
    if (quotas.isEmpty() || !affectsQuota(changed, quotas)) {
      return;
    }
    Set<String> tracked = new TreeSet<>();
    for (JsonObject quota : quotas) {
      tracked.addAll(hard(quota).names());
    }
    ResourceList used = usage.inNamespace(state, namespace, tracked);
    for (JsonObject quota : quotas) {
      Writes.ignoringRaces(
          () -> {
            ResourceList hard = hard(quota);
            JsonObject status = Writes.statusCopy(quota);
            status.add("hard", hard.toJson());
            status.add("used", used.only(hard.names()).toJson());
            Writes.statusIfChanged(state, quota, status);
          });
    }
  }

  private boolean affectsQuota(JsonObject changed, List<JsonObject> quotas) {
    String kind = JsonFields.string(changed, "kind");
    String apiVersion = JsonFields.string(changed, "apiVersion");
    if ("v1".equals(apiVersion) && "ResourceQuota".equals(kind)) {
      return true;
    }
    String groupResource =
        catalog.byKind(apiVersion, kind).map(ApiResource::groupResource).orElse(null);
    for (JsonObject quota : quotas) {
      for (String name : hard(quota).names()) {
        if (groupResource != null && groupResource.equals(QuotaUsage.countedResource(name))) {
          return true;
        }
      }
    }
    return false;
  }

  private static ResourceList hard(JsonObject quota) {
    return ResourceList.parse(JsonFields.object(quota, "spec", "hard"));
  }
}
