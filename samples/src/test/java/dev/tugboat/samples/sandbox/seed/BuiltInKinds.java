package dev.tugboat.samples.sandbox.seed;

import java.util.Map;

/**
 * Whether the built-in kinds the seeds use are namespaced, as {@code kubectl api-resources} lists
 * them, keyed by {@code apiVersion kind}.
 */
final class BuiltInKinds {

  private static final Map<String, Boolean> NAMESPACED =
      Map.ofEntries(
          Map.entry("v1 Namespace", false),
          Map.entry("v1 PersistentVolume", false),
          Map.entry("v1 PersistentVolumeClaim", true),
          Map.entry("v1 ConfigMap", true),
          Map.entry("v1 Secret", true),
          Map.entry("v1 Service", true),
          Map.entry("v1 ServiceAccount", true),
          Map.entry("v1 LimitRange", true),
          Map.entry("v1 ResourceQuota", true),
          Map.entry("apps/v1 Deployment", true),
          Map.entry("apps/v1 StatefulSet", true),
          Map.entry("apps/v1 DaemonSet", true),
          Map.entry("batch/v1 Job", true),
          Map.entry("batch/v1 CronJob", true),
          Map.entry("networking.k8s.io/v1 Ingress", true),
          Map.entry("networking.k8s.io/v1 NetworkPolicy", true),
          Map.entry("autoscaling/v2 HorizontalPodAutoscaler", true),
          Map.entry("policy/v1 PodDisruptionBudget", true),
          Map.entry("rbac.authorization.k8s.io/v1 Role", true),
          Map.entry("rbac.authorization.k8s.io/v1 RoleBinding", true),
          Map.entry("rbac.authorization.k8s.io/v1 ClusterRole", false),
          Map.entry("rbac.authorization.k8s.io/v1 ClusterRoleBinding", false),
          Map.entry("scheduling.k8s.io/v1 PriorityClass", false),
          Map.entry("storage.k8s.io/v1 StorageClass", false),
          Map.entry("apiextensions.k8s.io/v1 CustomResourceDefinition", false));

  private BuiltInKinds() {}

  /** True or false for a known built-in kind, null for any other. */
  static Boolean namespaced(String apiVersion, String kind) {
    return NAMESPACED.get(apiVersion + " " + kind);
  }
}
