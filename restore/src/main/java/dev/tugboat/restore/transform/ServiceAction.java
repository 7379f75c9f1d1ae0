package dev.tugboat.restore.transform;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.tugboat.core.json.JsonPaths;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Services (velero.md 3.4, {@code service_action.go}): the cluster IPs, which the target cluster
 * allocates, are cleared unless the Service is headless; node ports and the health-check node port
 * the source cluster assigned are cleared too (they may be taken in the target cluster), unless the
 * restore preserves node ports. A port counts as chosen by the user, and is kept, when the {@code
 * kubectl apply} annotation or a server-side apply managed-fields entry sets it.
 */
final class ServiceAction implements ItemAction {

  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  @Override
  public boolean appliesTo(String groupResource) {
    return groupResource.equals("services");
  }

  @Override
  public Optional<String> apply(JsonObject item, JsonObject backedUp, RestoreContext context) {
    Optional<JsonObject> found = JsonPaths.object(item, "spec");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    JsonObject spec = found.get();
    if (!JsonPaths.string(spec, "clusterIP").filter("None"::equals).isPresent()) {
      spec.remove("clusterIP");
      spec.remove("clusterIPs");
    }
    if (!context.preserveNodePorts()) {
      Optional<JsonObject> lastApplied = lastAppliedConfiguration(item);
      clearAssignedNodePorts(item, spec, lastApplied);
      clearAssignedHealthCheckNodePort(item, spec, lastApplied);
    }
    return Optional.empty();
  }

  private static void clearAssignedNodePorts(
      JsonObject item, JsonObject spec, Optional<JsonObject> lastApplied) {
    if (JsonPaths.string(spec, "type").filter("ExternalName"::equals).isPresent()) {
      return;
    }
    if (lastApplied.isPresent()) {
      // Named ports are matched by name, unnamed ones by their node port value, as Velero does.
      Set<String> explicitNames = new HashSet<>();
      Set<Integer> explicitUnnamedPorts = new HashSet<>();
      for (JsonObject port : JsonPaths.objects(lastApplied.get(), "spec", "ports")) {
        int nodePort = nodePortOf(port, item);
        if (nodePort > 0) {
          if (port.has("name")) {
            explicitNames.add(port.get("name").getAsString());
          } else {
            explicitUnnamedPorts.add(nodePort);
          }
        }
      }
      for (JsonObject port : JsonPaths.objects(spec, "ports")) {
        String name = JsonPaths.string(port, "name").orElse("");
        boolean explicit =
            name.isEmpty()
                ? explicitUnnamedPorts.contains(nodePortOf(port, item))
                : explicitNames.contains(name);
        if (!explicit) {
          port.remove("nodePort");
        }
      }
      return;
    }
    Set<String> explicitKeys = new HashSet<>();
    for (JsonObject fields : managedFields(item)) {
      JsonPaths.object(fields, "f:spec", "f:ports")
          .ifPresent(
              ports ->
                  ports.entrySet().stream()
                      .filter(entry -> entry.getValue().isJsonObject())
                      .filter(entry -> entry.getValue().getAsJsonObject().has("f:nodePort"))
                      .forEach(entry -> explicitKeys.add(entry.getKey())));
    }
    for (JsonObject port : JsonPaths.objects(spec, "ports")) {
      if (!explicitKeys.contains(managedFieldsKey(port, item))) {
        port.remove("nodePort");
      }
    }
  }

  private static void clearAssignedHealthCheckNodePort(
      JsonObject item, JsonObject spec, Optional<JsonObject> lastApplied) {
    boolean applies =
        JsonPaths.string(spec, "type").filter("LoadBalancer"::equals).isPresent()
            && JsonPaths.string(spec, "externalTrafficPolicy").filter("Local"::equals).isPresent();
    if (!applies || intOf(spec.get("healthCheckNodePort"), item) == 0) {
      return;
    }
    boolean inLastApplied =
        lastApplied
            .flatMap(config -> JsonPaths.element(config, "spec", "healthCheckNodePort"))
            .filter(value -> intOf(value, item) != 0)
            .isPresent();
    boolean inManagedFields =
        managedFields(item).stream()
            .anyMatch(
                fields -> JsonPaths.object(fields, "f:spec", "f:healthCheckNodePort").isPresent());
    if (!inLastApplied && !inManagedFields) {
      spec.remove("healthCheckNodePort");
    }
  }

  private static Optional<JsonObject> lastAppliedConfiguration(JsonObject item) {
    Optional<String> text = JsonPaths.string(item, "metadata", "annotations", LAST_APPLIED);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonElement parsed = JsonParser.parseString(text.get());
      if (!parsed.isJsonObject()) {
        throw new JsonParseException("not a JSON object");
      }
      return Optional.of(parsed.getAsJsonObject());
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "Service "
              + ItemTransformer.describe(item)
              + ": annotation "
              + LAST_APPLIED
              + " is not a JSON object: "
              + e.getMessage(),
          e);
    }
  }

  /** The {@code fieldsV1} of every managed-fields entry that has one. */
  private static List<JsonObject> managedFields(JsonObject item) {
    return JsonPaths.objects(item, "metadata", "managedFields").stream()
        .flatMap(entry -> JsonPaths.object(entry, "fieldsV1").stream())
        .toList();
  }

  /** How server-side apply names a Service port in managed fields. */
  private static String managedFieldsKey(JsonObject port, JsonObject item) {
    return "k:{\"port\":"
        + intOf(port.get("port"), item)
        + ",\"protocol\":\""
        + JsonPaths.string(port, "protocol").orElse("")
        + "\"}";
  }

  private static int nodePortOf(JsonObject port, JsonObject item) {
    return intOf(port.get("nodePort"), item);
  }

  /** A port number written as a JSON number or a string (kubectl accepts both); 0 when absent. */
  private static int intOf(JsonElement value, JsonObject item) {
    if (value == null || value.isJsonNull()) {
      return 0;
    }
    try {
      return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
          ? Integer.parseInt(value.getAsString())
          : value.getAsInt();
    } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "Service "
              + ItemTransformer.describe(item)
              + ": port number "
              + value
              + " is not an integer",
          e);
    }
  }
}
