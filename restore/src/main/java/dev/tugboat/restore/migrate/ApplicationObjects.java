package dev.tugboat.restore.migrate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceDiscovery;
import dev.tugboat.core.selection.ResourcePattern;
import dev.tugboat.restore.capacity.CapacityAnalysis;
import dev.tugboat.restore.capacity.plan.ApplicationClaims;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.snapshot.ClusterLists;
import dev.tugboat.restore.plan.RestoreSkips;
import dev.tugboat.restore.source.SpooledBackup;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How many objects of each type every application of a plan would move, for the dry run: the
 * namespaced objects {@link ApplicationClaims} gives each application, without the types the plan
 * excludes and those a restore never creates (such as events). Pods a restored controller recreates
 * are counted here; the application's restore leaves them out.
 */
public final class ApplicationObjects {

  private final ApplicationClaims claims;
  private final List<ResourcePattern> excluded;
  private final Set<String> namespaces;
  private final SortedMap<String, SortedMap<String, Long>> counts = new TreeMap<>();

  private ApplicationObjects(MigrationPlan plan) {
    this.claims = new ApplicationClaims(plan);
    this.excluded = plan.excludedResourcePatterns();
    this.namespaces = CapacityAnalysis.sourceNamespaces(plan);
  }

  /**
   * Counts the objects of a spooled backup.
   *
   * @return by application, then by group-resource
   * @throws IOException when the spool cannot be read back
   */
  public static SortedMap<String, SortedMap<String, Long>> inBackup(
      MigrationPlan plan, SpooledBackup backup) throws IOException {
    ApplicationObjects objects = new ApplicationObjects(plan);
    for (String groupResource : backup.groupResources().keySet()) {
      if (!RestoreSkips.isNeverRestored(groupResource)) {
        backup.read(
            groupResource,
            item -> {
              if (!item.isClusterScoped()
                  && objects.inScope(item.namespace())
                  && objects.moves(item.type())) {
                String json = new String(item.json(), StandardCharsets.UTF_8);
                objects.count(groupResource, JsonParser.parseString(json).getAsJsonObject());
              }
            });
      }
    }
    return objects.counts;
  }

  /**
   * Counts the objects of a live cluster: every namespaced type it serves and lists, in the plan's
   * source namespaces.
   *
   * @return by application, then by group-resource
   * @throws dev.tugboat.core.cluster.DiscoveryException when the API cannot be discovered
   * @throws dev.tugboat.core.cluster.ListRequestException naming the listing that failed
   */
  public static SortedMap<String, SortedMap<String, Long>> inCluster(
      MigrationPlan plan, ApiClient api) {
    ApplicationObjects objects = new ApplicationObjects(plan);
    for (ApiResource type : new ResourceDiscovery(api).discover().resources()) {
      if (!type.namespaced()
          || !type.supports("list")
          || RestoreSkips.isNeverRestored(type.groupResource())
          || !objects.moves(type)) {
        continue;
      }
      if (objects.namespaces.isEmpty()) {
        ClusterLists.each(api, type, null, item -> objects.count(type.groupResource(), item));
      }
      for (String namespace : new TreeSet<>(objects.namespaces)) {
        ClusterLists.each(api, type, namespace, item -> objects.count(type.groupResource(), item));
      }
    }
    return objects.counts;
  }

  private boolean moves(ApiResource type) {
    return excluded.stream().noneMatch(pattern -> pattern.matches(type));
  }

  /** An empty set of namespaces means all of them: applications derived from a label. */
  private boolean inScope(String namespace) {
    return namespaces.isEmpty() || namespaces.contains(namespace);
  }

  private void count(String groupResource, JsonObject item) {
    claims
        .claimant(item)
        .ifPresent(
            application ->
                counts
                    .computeIfAbsent(application, name -> new TreeMap<>())
                    .merge(groupResource, 1L, Long::sum));
  }
}
