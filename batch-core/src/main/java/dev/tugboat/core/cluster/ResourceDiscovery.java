package dev.tugboat.core.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the discovery documents of a cluster into a {@link ResourceCatalog}.
 *
 * <p>Unlike client-java's {@code Discovery}, it reads every served version of every group, so a
 * resource that exists only in a non-preferred version is found, and it keeps verbs. A group
 * version whose document fails (an aggregated API whose backend is down, say) is reported in {@link
 * ResourceCatalog#failures()} and skipped. The core group is the exception: without namespaces,
 * secrets and config maps a catalog is no basis for a backup, so its failure is fatal, as is the
 * failure of {@code /api} or {@code /apis}.
 */
public final class ResourceDiscovery {

  private static final Logger log = LoggerFactory.getLogger(ResourceDiscovery.class);

  private final ApiDocumentReader reader;

  public ResourceDiscovery(ApiClient client) {
    this.reader = new ApiDocumentReader(client);
  }

  /**
   * @throws DiscoveryException when {@code /version} cannot be read
   */
  public ServerVersion serverVersion() {
    JsonObject version = readRequired("/version");
    return new ServerVersion(
        stringOrEmpty(version, "gitVersion"),
        stringOrEmpty(version, "major"),
        stringOrEmpty(version, "minor"));
  }

  /**
   * @throws DiscoveryException when {@code /api}, {@code /apis} or a core version cannot be read
   */
  public ResourceCatalog discover() {
    List<DiscoveryFailure> failures = new ArrayList<>();
    List<ApiResource> resources = new ArrayList<>();

    List<String> coreVersions = strings(readRequired("/api"), "versions");
    if (coreVersions.isEmpty()) {
      throw new DiscoveryException("GET /api lists no versions of the core API");
    }
    Map<String, Map<String, JsonObject>> core = new TreeMap<>();
    for (String version : coreVersions) {
      collect(core, version, readRequired("/api/" + version));
    }
    resources.addAll(choose("", coreVersions.get(0), core));

    for (JsonElement element : array(readRequired("/apis"), "groups")) {
      if (element.isJsonObject()) {
        resources.addAll(discoverGroup(element.getAsJsonObject(), failures));
      }
    }
    return new ResourceCatalog(resources, failures);
  }

  private List<ApiResource> discoverGroup(JsonObject group, List<DiscoveryFailure> failures) {
    String name = string(group, "name");
    List<String> versions = new ArrayList<>();
    for (JsonElement version : array(group, "versions")) {
      if (version.isJsonObject()) {
        Optional.ofNullable(string(version.getAsJsonObject(), "version")).ifPresent(versions::add);
      }
    }
    if (name == null || versions.isEmpty()) {
      failures.add(new DiscoveryFailure(String.valueOf(name), "group lists no versions"));
      return List.of();
    }
    JsonElement preferredEntry = group.get("preferredVersion");
    String preferred =
        Optional.ofNullable(preferredEntry)
            .filter(JsonElement::isJsonObject)
            .map(entry -> string(entry.getAsJsonObject(), "version"))
            .orElse(versions.get(0));

    Map<String, Map<String, JsonObject>> byPlural = new TreeMap<>();
    for (String version : versions) {
      String groupVersion = name + "/" + version;
      try {
        collect(byPlural, version, reader.read("/apis/" + groupVersion));
      } catch (ApiDocumentReader.Unavailable e) {
        log.debug("Skipping API {}: {}", groupVersion, e.getMessage());
        failures.add(new DiscoveryFailure(groupVersion, e.getMessage()));
      }
    }
    return choose(name, preferred, byPlural);
  }

  /** Adds the top-level resources of one version's document to {@code byPlural}. */
  private static void collect(
      Map<String, Map<String, JsonObject>> byPlural, String version, JsonObject document) {
    for (JsonElement element : array(document, "resources")) {
      if (!element.isJsonObject()) {
        continue;
      }
      JsonObject entry = element.getAsJsonObject();
      String plural = string(entry, "name");
      // "pods/log", "deployments/scale": subresources are reached through their parent
      if (plural == null || plural.contains("/")) {
        continue;
      }
      if (string(entry, "kind") == null) {
        log.warn("Ignoring resource {} of version {}: discovery gives it no kind", plural, version);
        continue;
      }
      byPlural.computeIfAbsent(plural, p -> new TreeMap<>()).put(version, entry);
    }
  }

  /** One resource per plural: in the preferred version if served there, else the highest. */
  private static List<ApiResource> choose(
      String group, String preferred, Map<String, Map<String, JsonObject>> byPlural) {
    List<ApiResource> chosen = new ArrayList<>();
    byPlural.forEach(
        (plural, byVersion) -> {
          String version =
              byVersion.containsKey(preferred)
                  ? preferred
                  : byVersion.keySet().stream().max(KubeVersionOrder.INSTANCE).orElseThrow();
          JsonObject entry = byVersion.get(version);
          chosen.add(
              new ApiResource(
                  group,
                  version,
                  plural,
                  string(entry, "kind"),
                  "true".equals(string(entry, "namespaced")),
                  new LinkedHashSet<>(strings(entry, "verbs")),
                  strings(entry, "shortNames"),
                  preferred));
        });
    return chosen;
  }

  private JsonObject readRequired(String path) {
    try {
      return reader.read(path);
    } catch (ApiDocumentReader.Unavailable e) {
      throw new DiscoveryException(
          "Cannot discover the cluster's API: GET " + path + " failed: " + e.getMessage());
    }
  }

  private static String string(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  private static String stringOrEmpty(JsonObject object, String field) {
    String value = string(object, field);
    return value == null ? "" : value;
  }

  private static List<String> strings(JsonObject object, String field) {
    List<String> values = new ArrayList<>();
    for (JsonElement element : array(object, field)) {
      if (element.isJsonPrimitive()) {
        values.add(element.getAsString());
      }
    }
    return values;
  }

  private static JsonArray array(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
  }
}
