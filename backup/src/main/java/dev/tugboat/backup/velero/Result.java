package dev.tugboat.backup.velero;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Velero's {@code results.Result}, the warnings or the errors of a backup or a restore: messages
 * about Velero itself, about cluster-scoped items, and per namespace. Messages keep the order they
 * were added in; namespaces are sorted. Not thread-safe.
 */
public final class Result {

  private final List<String> velero = new ArrayList<>();
  private final List<String> cluster = new ArrayList<>();
  private final Map<String, List<String>> namespaces = new TreeMap<>();

  Result() {}

  /** A message about the backup or restore as a whole, not about one item. */
  public void addVelero(String message) {
    velero.add(message);
  }

  /** A message about a cluster-scoped item. */
  public void addCluster(String message) {
    cluster.add(message);
  }

  /** A message about an item of this namespace. */
  public void addNamespace(String namespace, String message) {
    namespaces.computeIfAbsent(namespace, ns -> new ArrayList<>()).add(message);
  }

  /**
   * A message about an item, placed as Velero places it: under its namespace, or under {@code
   * cluster} for a cluster-scoped item.
   *
   * @param namespace the item's namespace (for a restore, the target one); null if cluster-scoped
   */
  public void addItem(String namespace, String message) {
    if (namespace == null) {
      addCluster(message);
    } else {
      addNamespace(namespace, message);
    }
  }

  /**
   * How many messages there are in all: what Velero puts in {@code status.warnings} or {@code
   * status.errors}.
   */
  public int count() {
    return velero.size() + cluster.size() + namespaces.values().stream().mapToInt(List::size).sum();
  }

  /** {@code {"velero":[…],"cluster":[…],"namespaces":{…}}}, each field left out when empty. */
  JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (!velero.isEmpty()) {
      json.add("velero", array(velero));
    }
    if (!cluster.isEmpty()) {
      json.add("cluster", array(cluster));
    }
    if (!namespaces.isEmpty()) {
      JsonObject byNamespace = new JsonObject();
      namespaces.forEach((namespace, messages) -> byNamespace.add(namespace, array(messages)));
      json.add("namespaces", byNamespace);
    }
    return json;
  }

  private static JsonArray array(List<String> messages) {
    JsonArray array = new JsonArray();
    messages.forEach(array::add);
    return array;
  }
}
