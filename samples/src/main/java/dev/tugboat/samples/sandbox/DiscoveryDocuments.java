package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The discovery documents of the sandbox's API ({@code /version}, {@code /api}, {@code /apis},
 * {@code /apis/<group>}, {@code /api/v1}, {@code /apis/<group>/<version>}), built from the current
 * {@link ResourceTypes}, so CRDs appear as soon as they are created.
 */
final class DiscoveryDocuments {

  /** The Kubernetes version the sandbox imitates. */
  static final String KUBERNETES_VERSION = "v1.32.0";

  private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

  private final ResourceTypes types;

  DiscoveryDocuments(ResourceTypes types) {
    this.types = types;
  }

  JsonObject version() {
    JsonObject version = new JsonObject();
    version.addProperty("major", "1");
    version.addProperty("minor", "32");
    version.addProperty("gitVersion", KUBERNETES_VERSION + "-sandbox");
    version.addProperty("gitCommit", "0000000000000000000000000000000000000000");
    version.addProperty("gitTreeState", "clean");
    version.addProperty("buildDate", "2024-12-11T00:00:00Z");
    version.addProperty("goVersion", "go1.23.4");
    version.addProperty("compiler", "gc");
    version.addProperty("platform", "linux/amd64");
    return version;
  }

  /** {@code /api}: the core group's versions. */
  JsonObject coreVersions(String serverAddress) {
    JsonObject document = new JsonObject();
    document.addProperty("kind", "APIVersions");
    JsonArray versions = new JsonArray();
    versions.add("v1");
    document.add("versions", versions);
    JsonObject address = new JsonObject();
    address.addProperty("clientCIDR", "0.0.0.0/0");
    address.addProperty("serverAddress", serverAddress);
    JsonArray addresses = new JsonArray();
    addresses.add(address);
    document.add("serverAddressByClientCIDRs", addresses);
    return document;
  }

  /** {@code /apis}: every named group. */
  JsonObject groupList() {
    JsonObject document = new JsonObject();
    document.addProperty("kind", "APIGroupList");
    document.addProperty("apiVersion", "v1");
    JsonArray groups = new JsonArray();
    types.groups().forEach((name, versions) -> groups.add(group(name, versions)));
    document.add("groups", groups);
    return document;
  }

  /** {@code /apis/<group>}. */
  Optional<JsonObject> group(String name) {
    List<String> versions = types.groups().get(name);
    if (versions == null) {
      return Optional.empty();
    }
    JsonObject document = group(name, versions);
    document.addProperty("kind", "APIGroup");
    document.addProperty("apiVersion", "v1");
    return Optional.of(document);
  }

  /** {@code /api/v1} or {@code /apis/<group>/<version>}. */
  Optional<JsonObject> resourceList(String group, String version) {
    List<ResourceType> served = types.inGroupVersion(group, version);
    if (served.isEmpty()) {
      return Optional.empty();
    }
    JsonObject document = new JsonObject();
    document.addProperty("kind", "APIResourceList");
    document.addProperty("apiVersion", "v1");
    document.addProperty("groupVersion", group.isEmpty() ? version : group + "/" + version);
    JsonArray resources = new JsonArray();
    for (ResourceType type : served) {
      resources.add(resource(type));
      if (type.hasScale()) {
        JsonObject scale = subresource(type, "scale", "Scale");
        scale.addProperty("group", "autoscaling");
        scale.addProperty("version", "v1");
        resources.add(scale);
      }
      if (type.hasStatus()) {
        resources.add(subresource(type, "status", type.kind()));
      }
    }
    document.add("resources", resources);
    return Optional.of(document);
  }

  private static JsonObject group(String name, List<String> versions) {
    JsonObject group = new JsonObject();
    group.addProperty("name", name);
    JsonArray versionList = new JsonArray();
    versions.forEach(version -> versionList.add(groupVersion(name, version)));
    group.add("versions", versionList);
    group.add("preferredVersion", groupVersion(name, versions.get(0)));
    return group;
  }

  private static JsonObject groupVersion(String group, String version) {
    JsonObject entry = new JsonObject();
    entry.addProperty("groupVersion", group + "/" + version);
    entry.addProperty("version", version);
    return entry;
  }

  private static JsonObject resource(ResourceType type) {
    JsonObject resource = new JsonObject();
    resource.addProperty("name", type.plural());
    resource.addProperty("singularName", type.singular());
    resource.addProperty("namespaced", type.namespaced());
    resource.addProperty("kind", type.kind());
    resource.add("verbs", strings(ResourceType.VERBS));
    if (!type.shortNames().isEmpty()) {
      resource.add("shortNames", strings(type.shortNames()));
    }
    return resource;
  }

  private static JsonObject subresource(ResourceType type, String subresource, String kind) {
    JsonObject resource = new JsonObject();
    resource.addProperty("name", type.plural() + "/" + subresource);
    resource.addProperty("singularName", "");
    resource.addProperty("namespaced", type.namespaced());
    resource.addProperty("kind", kind);
    resource.add("verbs", strings(SUBRESOURCE_VERBS));
    return resource;
  }

  private static JsonArray strings(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }
}
