package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.samples.sandbox.Admission;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Kubernetes' ResourceQuota admission and quota controller in one: refuses a create that would take
 * a namespace over a quota's {@code spec.hard} with 403 Forbidden and Kubernetes' message ({@code
 * pods "web-1" is forbidden: exceeded quota: compute, requested: requests.cpu=2, used:
 * requests.cpu=3, limited: requests.cpu=4}), refuses pods that leave a quota-tracked cpu or memory
 * unspecified ({@code failed quota: compute: must specify limits.cpu for: app}), and keeps every
 * quota's {@code status.hard} and {@code status.used} current.
 *
 * <p>A quota's usage is counted in full when its {@code spec.hard} is written, then kept up to date
 * by the difference each stored write makes, so that a write costs the same however many objects
 * the namespace holds. Quota scopes and scope selectors are not supported: every quota covers its
 * whole namespace.
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
    List<JsonObject> quotas = state.list("v1", "ResourceQuota", namespace);
    ApiResource resource = resourceOf(object);
    if (resource == null || quotas.isEmpty()) {
      return;
    }
    try {
      check(object, resource, quotas, state);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(e.getMessage());
    }
  }

  private void check(
      JsonObject object, ApiResource resource, List<JsonObject> quotas, ClusterState state) {
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
    for (JsonObject quota : quotas) {
      ResourceList hard = hard(quota).only(requested.names());
      ResourceList used = used(state, quota, hard.names());
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

  /** The quota's recorded usage of these names, counted afresh when it has not recorded them. */
  private ResourceList used(ClusterState state, JsonObject quota, Collection<String> names) {
    ResourceList recorded = ResourceList.parse(JsonFields.object(quota, "status", "used"));
    return recorded.names().containsAll(names)
        ? recorded.only(names)
        : usage.inNamespace(state, JsonFields.namespace(quota), names);
  }

  /**
   * Kubernetes' pod quota constraint: when a quota tracks cpu or memory, every container must
   * request (or limit) it. Returns e.g. {@code limits.cpu for: app,sidecar; requests.cpu for: app},
   * or null when nothing is missing.
   */
  private static String missingRequests(JsonObject pod, Collection<String> hardNames) {
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
   * Keeps {@code status.used} current: counts a quota in full when its {@code spec.hard} changes,
   * and otherwise adds what a write in its namespace adds to the usage and subtracts what it
   * removes.
   */
  @Override
  public void stored(JsonObject object, JsonObject old, ClusterState state) {
    JsonObject changed = object != null ? object : old;
    String namespace = JsonFields.namespace(changed);
    if (namespace == null) {
      return;
    }
    if (isQuota(changed)) {
      if (object != null && (old == null || !Objects.equals(hard(object), hard(old)))) {
        Writes.ignoringRaces(() -> recount(state, object));
      }
      return;
    }
    List<JsonObject> quotas = state.list("v1", "ResourceQuota", namespace);
    ApiResource resource = resourceOf(changed);
    if (quotas.isEmpty() || resource == null) {
      return;
    }
    ResourceList added = object == null ? ResourceList.empty() : QuotaUsage.of(object, resource);
    ResourceList removed = old == null ? ResourceList.empty() : QuotaUsage.of(old, resource);
    for (JsonObject quota : quotas) {
      Collection<String> names = hard(quota).names();
      if (!added.only(names).equals(removed.only(names))) {
        Writes.ignoringRaces(
            () -> addUsage(state, quota, added.only(names).minus(removed.only(names))));
      }
    }
  }

  private void addUsage(ClusterState state, JsonObject quota, ResourceList difference) {
    ResourceList recorded = ResourceList.parse(JsonFields.object(quota, "status", "used"));
    if (!recorded.names().containsAll(difference.names())) {
      recount(state, quota); // never counted: a full count includes this write
      return;
    }
    JsonObject status = Writes.statusCopy(quota);
    status.add("used", recorded.plus(difference).toJson());
    try {
      Writes.statusIfChanged(state, quota, status);
    } catch (ApiError e) {
      if (e.code() != 409) {
        throw e;
      }
      // another write changed the quota meanwhile, so its usage may not include this one
      state
          .get("v1", "ResourceQuota", JsonFields.namespace(quota), JsonFields.name(quota))
          .ifPresent(fresh -> recount(state, fresh));
    }
  }

  /** Counts the quota's usage from every object of its namespace. */
  private void recount(ClusterState state, JsonObject quota) {
    ResourceList hard = hard(quota);
    JsonObject status = Writes.statusCopy(quota);
    status.add("hard", hard.toJson());
    status.add(
        "used", usage.inNamespace(state, JsonFields.namespace(quota), hard.names()).toJson());
    Writes.statusIfChanged(state, quota, status);
  }

  private ApiResource resourceOf(JsonObject object) {
    return catalog
        .byKind(JsonFields.string(object, "apiVersion"), JsonFields.string(object, "kind"))
        .orElse(null);
  }

  private static boolean isQuota(JsonObject object) {
    return "v1".equals(JsonFields.string(object, "apiVersion"))
        && "ResourceQuota".equals(JsonFields.string(object, "kind"));
  }

  private static ResourceList hard(JsonObject quota) {
    return ResourceList.parse(JsonFields.object(quota, "spec", "hard"));
  }
}
