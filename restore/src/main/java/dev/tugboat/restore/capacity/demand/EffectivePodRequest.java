package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.List;

/**
 * The resources the scheduler reserves on a node for one pod (Kubernetes' "effective pod requests",
 * sidecar-aware, as in {@code k8s.io/component-helpers/resource.PodRequests}):
 *
 * <pre>
 * max(Σ regular containers + Σ sidecars,
 *     max over init containers i of (init_i + Σ sidecars started before i))
 * + spec.overhead + pods=1
 * </pre>
 *
 * A sidecar is an init container with {@code restartPolicy: Always}; it counts in the init phase
 * together with the sidecars started before it. A request missing where a limit is set takes the
 * limit, as the API server defaults it.
 */
public final class EffectivePodRequest {

  private static final ResourceVector ONE_POD = ResourceVector.of(ResourceVector.PODS, 1);

  private EffectivePodRequest() {}

  /**
   * The effective request of a pod spec as written.
   *
   * @param podSpec a Pod's {@code spec}, or a pod template's
   */
  public static ResourceVector of(JsonObject podSpec) {
    return withLimitRange(podSpec, LimitRangeDefaults.NONE);
  }

  /**
   * The effective request of a pod spec once the target namespace's LimitRange admission has filled
   * its defaults.
   *
   * @throws LimitRangeViolation when that admission would reject the pod
   */
  public static ResourceVector withLimitRange(JsonObject podSpec, LimitRangeDefaults limitRange) {
    ResourceVector running = ResourceVector.ZERO;
    for (ContainerResources container : ContainerResources.regular(podSpec)) {
      running = running.plus(limitRange.admit(container).requestVector());
    }
    ResourceVector sidecars = ResourceVector.ZERO;
    ResourceVector initPhase = ResourceVector.ZERO;
    List<ContainerResources> initContainers = ContainerResources.init(podSpec);
    for (ContainerResources container : initContainers) {
      ResourceVector request = limitRange.admit(container).requestVector();
      if (container.sidecar()) {
        sidecars = sidecars.plus(request);
        initPhase = initPhase.max(sidecars);
      } else {
        initPhase = initPhase.max(request.plus(sidecars));
      }
    }
    ResourceVector overhead =
        JsonPaths.object(podSpec, "overhead")
            .map(ResourceVector::parse)
            .orElse(ResourceVector.ZERO);
    return running.plus(sidecars).max(initPhase).plus(overhead).plus(ONE_POD);
  }
}
