package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a CustomResourceDefinition does to the API: checks its names, gives it the status a real API
 * server reaches once the definition is accepted ({@code NamesAccepted} and {@code Established}
 * true), and turns its served versions into {@link ResourceType}s.
 */
final class CustomResourceDefinitions {

  static final String GROUP = "apiextensions.k8s.io";

  private CustomResourceDefinitions() {}

  static boolean isDefinition(ResourceType type) {
    return type.group().equals(GROUP) && type.plural().equals("customresourcedefinitions");
  }

  /**
   * @throws ResourceError 422 Invalid when the name is not {@code <plural>.<group>} or no version
   *     is served
   */
  static void validate(ResourceType crdType, JsonObject crd) {
    String name = JsonFields.string(crd, "metadata", "name");
    JsonObject spec = JsonFields.object(crd, "spec");
    String group = JsonFields.string(spec, "group");
    String plural = JsonFields.string(crd, "spec", "names", "plural");
    if (group == null
        || plural == null
        || JsonFields.string(crd, "spec", "names", "kind") == null) {
      throw ResourceError.invalid(
          crdType,
          name,
          "spec",
          "Required value: spec.group, spec.names.plural and spec.names.kind");
    }
    if (!(plural + "." + group).equals(name)) {
      throw ResourceError.invalid(
          crdType,
          name,
          "metadata.name",
          "Invalid value: \"" + name + "\": must be spec.names.plural+\".\"+spec.group");
    }
    if (servedVersions(crd).isEmpty()) {
      throw ResourceError.invalid(
          crdType, name, "spec.versions", "Invalid value: must have at least one served version");
    }
  }

  /** Sets the status conditions, accepted names and stored versions of an accepted definition. */
  static void accept(JsonObject crd, Instant now) {
    JsonObject spec = JsonFields.object(crd, "spec");
    JsonObject status = new JsonObject();
    JsonArray conditions = new JsonArray();
    conditions.add(condition("NamesAccepted", "NoConflicts", "no conflicts found", now));
    conditions.add(
        condition(
            "Established", "InitialNamesAccepted", "the initial names have been accepted", now));
    status.add("conditions", conditions);
    status.add("acceptedNames", JsonFields.object(spec, "names").deepCopy());
    JsonArray stored = new JsonArray();
    for (JsonElement version : versions(crd)) {
      JsonObject entry = version.getAsJsonObject();
      if (entry.has("storage") && entry.get("storage").getAsBoolean()) {
        stored.add(JsonFields.string(entry, "name"));
      }
    }
    status.add("storedVersions", stored);
    crd.add("status", status);
  }

  /** The resource types of the definition's served versions. */
  static List<ResourceType> types(JsonObject crd) {
    JsonObject spec = JsonFields.object(crd, "spec");
    JsonObject names = JsonFields.object(spec, "names");
    List<String> shortNames = JsonFields.strings(names, "shortNames");
    String singular = JsonFields.string(names, "singular");
    String kind = JsonFields.string(names, "kind");
    List<ResourceType> types = new ArrayList<>();
    for (JsonObject version : servedVersions(crd)) {
      Set<String> subresources = new HashSet<>();
      JsonObject declared = JsonFields.object(version, "subresources");
      if (declared != null) {
        subresources.addAll(declared.keySet());
      }
      // the sandbox scales only its built-in workloads
      subresources.remove("scale");
      types.add(
          new ResourceType(
              JsonFields.string(spec, "group"),
              JsonFields.string(version, "name"),
              JsonFields.string(names, "plural"),
              singular == null ? kind.toLowerCase(java.util.Locale.ROOT) : singular,
              kind,
              !"Cluster".equals(JsonFields.string(spec, "scope")),
              shortNames,
              subresources,
              List.of(),
              true));
    }
    return types;
  }

  private static List<JsonObject> servedVersions(JsonObject crd) {
    List<JsonObject> served = new ArrayList<>();
    for (JsonElement version : versions(crd)) {
      if (version.isJsonObject()) {
        JsonObject entry = version.getAsJsonObject();
        JsonElement flag = entry.get("served");
        if (JsonFields.string(entry, "name") != null && flag != null && flag.getAsBoolean()) {
          served.add(entry);
        }
      }
    }
    return served;
  }

  private static JsonArray versions(JsonObject crd) {
    JsonElement versions = JsonFields.object(crd, "spec").get("versions");
    return versions != null && versions.isJsonArray() ? versions.getAsJsonArray() : new JsonArray();
  }

  private static JsonObject condition(String type, String reason, String message, Instant now) {
    JsonObject condition = new JsonObject();
    condition.addProperty("type", type);
    condition.addProperty("status", "True");
    condition.addProperty("lastTransitionTime", now.toString());
    condition.addProperty("reason", reason);
    condition.addProperty("message", message);
    return condition;
  }
}
