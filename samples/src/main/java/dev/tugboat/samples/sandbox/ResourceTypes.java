package dev.tugboat.samples.sandbox;

import dev.tugboat.core.cluster.KubeVersionOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource types the sandbox serves: the built-in ones and those of the custom resource
 * definitions created so far. Thread-safe; reads see a consistent snapshot.
 */
final class ResourceTypes {

  private final List<ResourceType> builtIn;

  /** Types registered by each CRD, by the CRD's name. */
  private volatile Map<String, List<ResourceType>> custom = Map.of();

  private ResourceTypes(List<ResourceType> builtIn) {
    this.builtIn = builtIn;
  }

  static ResourceTypes withBuiltIns() {
    return new ResourceTypes(BuiltInResources.load());
  }

  /** Every type: built-in ones in table order, then custom ones. */
  List<ResourceType> all() {
    List<ResourceType> all = new ArrayList<>(builtIn);
    custom.values().forEach(all::addAll);
    return all;
  }

  Optional<ResourceType> find(String group, String version, String plural) {
    return all().stream()
        .filter(
            type ->
                type.group().equals(group)
                    && type.version().equals(version)
                    && type.plural().equals(plural))
        .findFirst();
  }

  Optional<ResourceType> findByKind(String apiVersion, String kind) {
    return all().stream()
        .filter(type -> type.apiVersion().equals(apiVersion) && type.kind().equals(kind))
        .findFirst();
  }

  /** All versions of the type with this group and plural: they share one storage. */
  List<ResourceType> versionsOf(String group, String plural) {
    return all().stream()
        .filter(type -> type.group().equals(group) && type.plural().equals(plural))
        .toList();
  }

  /** A type stored under {@link ResourceType#groupResource()}, in any of its versions. */
  Optional<ResourceType> byGroupResource(String groupResource) {
    return all().stream().filter(type -> type.groupResource().equals(groupResource)).findFirst();
  }

  /** One type per storage: the first version of each group resource. */
  List<ResourceType> storages() {
    Map<String, ResourceType> storages = new LinkedHashMap<>();
    all().forEach(type -> storages.putIfAbsent(type.groupResource(), type));
    return List.copyOf(storages.values());
  }

  /** The named API groups with their versions, preferred version first. */
  Map<String, List<String>> groups() {
    Map<String, Set<String>> versions = new LinkedHashMap<>();
    for (ResourceType type : all()) {
      if (!type.group().isEmpty()) {
        versions.computeIfAbsent(type.group(), g -> new LinkedHashSet<>()).add(type.version());
      }
    }
    Map<String, List<String>> groups = new LinkedHashMap<>();
    versions.forEach((group, set) -> groups.put(group, set.stream().sorted(preference()).toList()));
    return groups;
  }

  /** The types of one group version, in table order. */
  List<ResourceType> inGroupVersion(String group, String version) {
    return all().stream()
        .filter(type -> type.group().equals(group) && type.version().equals(version))
        .toList();
  }

  /** Registers (or replaces) the types a CRD defines. */
  synchronized void register(String crdName, List<ResourceType> types) {
    Map<String, List<ResourceType>> next = new LinkedHashMap<>(custom);
    next.put(crdName, List.copyOf(types));
    custom = Collections.unmodifiableMap(next);
  }

  synchronized void unregister(String crdName) {
    Map<String, List<ResourceType>> next = new LinkedHashMap<>(custom);
    next.remove(crdName);
    custom = Collections.unmodifiableMap(next);
  }

  /** Orders versions as Kubernetes prefers them: GA over beta over alpha, higher first. */
  static Comparator<String> preference() {
    return KubeVersionOrder.INSTANCE.reversed();
  }
}
