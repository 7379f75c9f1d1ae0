package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeSet;

/** The {@code Status} and {@code Roles} cells of a node's row, as the API server prints them. */
final class NodeCells {

  private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
  private static final String LEGACY_ROLE_LABEL = "kubernetes.io/role";

  private NodeCells() {}

  /**
   * {@code Ready} or {@code NotReady} from the Ready condition ({@code Unknown} without one),
   * followed by {@code ,SchedulingDisabled} for a cordoned node.
   */
  static String status(JsonObject node) {
    String status = "Unknown";
    for (JsonObject condition : JsonFields.objects(node, "status", "conditions")) {
      if ("Ready".equals(JsonFields.string(condition, "type"))) {
        status = "True".equals(JsonFields.string(condition, "status")) ? "Ready" : "NotReady";
      }
    }
    if (JsonFields.bool(node, "spec", "unschedulable")) {
      status += ",SchedulingDisabled";
    }
    return status;
  }

  /** The sorted roles named by {@code node-role.kubernetes.io/<role>} labels, or {@code <none>}. */
  static String roles(JsonObject node) {
    TreeSet<String> roles = new TreeSet<>();
    for (Map.Entry<String, String> label : JsonFields.labels(node).entrySet()) {
      String key = label.getKey();
      if (key.startsWith(ROLE_LABEL_PREFIX) && key.length() > ROLE_LABEL_PREFIX.length()) {
        roles.add(key.substring(ROLE_LABEL_PREFIX.length()));
      } else if (key.equals(LEGACY_ROLE_LABEL) && !label.getValue().isEmpty()) {
        roles.add(label.getValue());
      }
    }
    return roles.isEmpty() ? "<none>" : String.join(",", roles);
  }
}
