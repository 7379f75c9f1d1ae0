package dev.tugboat.samples.e2e;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.Admission;
import dev.tugboat.samples.sandbox.ClusterState;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, by namespace, the objects a migration created in a sandbox: those stored by a create that
 * carry the {@code tugboat.dev/migration} label. The objects controllers create from templates
 * (ReplicaSets, pods, claims) do not carry it, so they are left out. A create the sandbox refuses
 * (409, it exists) is not counted: it is never stored.
 */
final class MigratedCreates implements Admission {

  /** The key of cluster-scoped objects (the Namespace objects, mostly). */
  static final String CLUSTER = "(cluster)";

  private static final String MIGRATION_LABEL = "tugboat.dev/migration";

  private final Map<String, Long> byNamespace = new TreeMap<>();

  @Override
  public void admit(Operation operation, JsonObject object, JsonObject old, ClusterState state) {
    // counts only what is stored
  }

  @Override
  public synchronized void stored(JsonObject object, JsonObject old, ClusterState state) {
    if (object == null || old != null) {
      return;
    }
    JsonObject metadata = object.getAsJsonObject("metadata");
    JsonObject labels = metadata.getAsJsonObject("labels");
    if (labels == null || !labels.has(MIGRATION_LABEL)) {
      return;
    }
    String namespace =
        metadata.has("namespace") ? metadata.get("namespace").getAsString() : CLUSTER;
    byNamespace.merge(namespace, 1L, Long::sum);
  }

  /** E.g. {@code {(cluster)=6, shop=31}}; namespaces with no create are left out. */
  synchronized Map<String, Long> counts() {
    return new TreeMap<>(byNamespace);
  }

  synchronized void reset() {
    byNamespace.clear();
  }
}
