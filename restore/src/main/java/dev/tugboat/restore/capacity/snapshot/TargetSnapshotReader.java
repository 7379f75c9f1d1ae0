package dev.tugboat.restore.capacity.snapshot;

import io.kubernetes.client.openapi.ApiClient;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link TargetSnapshot} from the target cluster: LISTs its nodes, its pods in all
 * namespaces, and the ResourceQuotas and LimitRanges of each target namespace (a namespace that
 * does not exist yet lists none). Each is one paged listing; pods are folded into the snapshot page
 * by page, never held all at once.
 */
public final class TargetSnapshotReader {

  private final ApiClient api;

  public TargetSnapshotReader(ApiClient api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /**
   * @param targetNamespaces the namespaces the applications land in, after mapping
   * @throws dev.tugboat.core.cluster.ListRequestException naming the listing that failed
   */
  public TargetSnapshot read(Set<String> targetNamespaces) {
    TargetSnapshotBuilder snapshot = new TargetSnapshotBuilder();
    ClusterLists.each(api, ClusterLists.NODES, null, snapshot::node);
    ClusterLists.each(api, ClusterLists.PODS, null, snapshot::pod);
    for (String namespace : new TreeSet<>(targetNamespaces)) {
      ClusterLists.each(api, ClusterLists.RESOURCE_QUOTAS, namespace, snapshot::resourceQuota);
      ClusterLists.each(api, ClusterLists.LIMIT_RANGES, namespace, snapshot::limitRange);
    }
    return snapshot.build();
  }
}
