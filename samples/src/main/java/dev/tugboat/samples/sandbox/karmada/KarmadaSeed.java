package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.seed.Seed;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The objects of a Karmada control plane double at start: Karmada's CustomResourceDefinitions, one
 * {@code Cluster} per member cluster (Push mode, condition {@code Ready} true, as Karmada reports a
 * healthy member), then the objects of another seed.
 */
public final class KarmadaSeed implements Seed {

  private final Clock clock;
  private final List<String> memberClusters;
  private final Seed more;

  /**
   * @param clock the time of the clusters' Ready condition
   * @param memberClusters the names of the member clusters
   * @param more objects to create after Karmada's own
   */
  public KarmadaSeed(Clock clock, List<String> memberClusters, Seed more) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.memberClusters = List.copyOf(memberClusters);
    this.more = Objects.requireNonNull(more, "more");
  }

  /** {@code karmada}, or {@code karmada+<other seed>} when the other seed brings objects. */
  @Override
  public String name() {
    return "empty".equals(more.name()) ? "karmada" : "karmada+" + more.name();
  }

  @Override
  public Stream<JsonObject> objects() {
    return Stream.concat(
        Stream.concat(
            KarmadaDefinitions.all().stream().map(JsonObject::deepCopy),
            memberClusters.stream().map(this::cluster)),
        more.objects());
  }

  private JsonObject cluster(String name) {
    JsonObject ready = new JsonObject();
    ready.addProperty("type", "Ready");
    ready.addProperty("status", "True");
    ready.addProperty("reason", "ClusterReady");
    ready.addProperty("message", "cluster is healthy and ready to accept workloads");
    ready.addProperty("lastTransitionTime", clock.instant().toString());
    JsonArray conditions = new JsonArray();
    conditions.add(ready);
    JsonObject status = new JsonObject();
    status.add("conditions", conditions);
    JsonObject spec = new JsonObject();
    spec.addProperty("syncMode", "Push");
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    JsonObject cluster = new JsonObject();
    cluster.addProperty("apiVersion", KarmadaApi.CLUSTER_API_VERSION);
    cluster.addProperty("kind", KarmadaApi.CLUSTER);
    cluster.add("metadata", metadata);
    cluster.add("spec", spec);
    cluster.add("status", status);
    return cluster;
  }
}
