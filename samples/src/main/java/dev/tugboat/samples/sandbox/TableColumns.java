package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TableColumn.ageColumn;
import static dev.tugboat.samples.sandbox.TableColumn.integer;
import static dev.tugboat.samples.sandbox.TableColumn.nameColumn;
import static dev.tugboat.samples.sandbox.TableColumn.text;
import static dev.tugboat.samples.sandbox.TableColumn.wide;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Table columns of each resource type, like the API server's printers for the types kubectl
 * users look at most; every other type gets the default {@code Name} and {@code Age}.
 */
final class TableColumns {

  private static final List<TableColumn> DEFAULT = List.of(nameColumn(), ageColumn());

  private static final Map<String, List<TableColumn>> BY_RESOURCE =
      Map.of(
          "pods",
          List.of(
              nameColumn(),
              text("Ready", "The aggregate readiness state of this pod.", PodCells::ready),
              text("Status", "The aggregate status of the containers.", PodCells::status),
              text("Restarts", "The number of container restarts.", PodCells::restarts),
              ageColumn(),
              wide("IP", "The IP address of the pod.", pod -> orNone(pod, "status", "podIP")),
              wide("Node", "The node the pod runs on.", pod -> orNone(pod, "spec", "nodeName"))),
          "deployments.apps",
          List.of(
              nameColumn(),
              text(
                  "Ready",
                  "Number of ready pods out of those desired.",
                  TableColumns::readyOfDesired),
              integer("Up-to-date", "Pods of the latest template.", status("updatedReplicas")),
              integer("Available", "Pods available to users.", status("availableReplicas")),
              ageColumn()),
          "replicasets.apps",
          List.of(
              nameColumn(),
              integer("Desired", "Number of desired pods.", TableColumns::desired),
              integer("Current", "Number of pods created.", status("replicas")),
              integer("Ready", "Number of ready pods.", status("readyReplicas")),
              ageColumn()),
          "statefulsets.apps",
          List.of(
              nameColumn(),
              text(
                  "Ready",
                  "Number of ready pods out of those desired.",
                  TableColumns::readyOfDesired),
              ageColumn()),
          "nodes",
          List.of(
              nameColumn(),
              text("Status", "The status of the node.", NodeCells::status),
              text("Roles", "The roles of the node.", NodeCells::roles),
              ageColumn(),
              text(
                  "Version",
                  "Kubelet version reported by the node.",
                  node -> JsonFields.string(node, "status", "nodeInfo", "kubeletVersion"))),
          "namespaces",
          List.of(
              nameColumn(),
              text(
                  "Status",
                  "The status of the namespace.",
                  namespace -> JsonFields.string(namespace, "status", "phase")),
              ageColumn()),
          "services",
          List.of(
              nameColumn(),
              text(
                  "Type",
                  "The type of the service.",
                  service -> JsonFields.string(service, "spec", "type")),
              text("Cluster-IP", "The IP address of the service.", ServiceCells::clusterIp),
              text("External-IP", "Addresses outside the cluster.", ServiceCells::externalIp),
              text("Port(s)", "The ports the service exposes.", ServiceCells::ports),
              ageColumn()));

  private TableColumns() {}

  /** The columns of {@code type}, in the order the API server lists them. */
  static List<TableColumn> of(ResourceType type) {
    return BY_RESOURCE.getOrDefault(type.groupResource(), DEFAULT);
  }

  private static String readyOfDesired(JsonObject workload) {
    return JsonFields.integer(workload, 0, "status", "readyReplicas") + "/" + desired(workload);
  }

  /** {@code spec.replicas}, which the API server defaults to 1. */
  private static long desired(JsonObject workload) {
    return JsonFields.integer(workload, 1, "spec", "replicas");
  }

  private static Function<JsonObject, Long> status(String field) {
    return workload -> JsonFields.integer(workload, 0, "status", field);
  }

  private static String orNone(JsonObject object, String... path) {
    String value = JsonFields.string(object, path);
    return value == null || value.isEmpty() ? "<none>" : value;
  }
}
