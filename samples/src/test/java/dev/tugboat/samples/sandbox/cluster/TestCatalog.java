package dev.tugboat.samples.sandbox.cluster;

import dev.tugboat.core.cluster.ApiResource;
import java.util.List;
import java.util.Set;

/** The resources the tests' fake cluster serves. */
final class TestCatalog {

  private TestCatalog() {}

  static ResourceCatalog catalog() {
    return ResourceCatalog.of(
        List.of(
            resource("", "pods", "Pod"),
            resource("", "configmaps", "ConfigMap"),
            resource("", "secrets", "Secret"),
            resource("", "services", "Service"),
            resource("", "persistentvolumeclaims", "PersistentVolumeClaim"),
            resource("", "resourcequotas", "ResourceQuota"),
            resource("", "events", "Event"),
            resource("apps", "deployments", "Deployment"),
            resource("apps", "replicasets", "ReplicaSet")));
  }

  private static ApiResource resource(String group, String plural, String kind) {
    return new ApiResource(
        group, "v1", plural, kind, true, Set.of("create", "list"), List.of(), "v1");
  }
}
