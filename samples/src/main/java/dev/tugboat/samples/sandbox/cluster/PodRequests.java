package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.function.Function;

/**
 * A pod's effective requests and limits, computed the way the scheduler and ResourceQuota do (the
 * Kubernetes page "Effective Pod requests and limits"):
 *
 * <ul>
 *   <li>regular containers and restartable init containers ("sidecars", {@code restartPolicy:
 *       Always}) run together, so their amounts add up;
 *   <li>each ordinary init container runs alone, next to the sidecars started before it;
 *   <li>the pod needs the larger of the two, plus {@code spec.overhead} (RuntimeClass overhead).
 * </ul>
 *
 * A container's request defaults to its limit when only the limit is given, as the API server's
 * defaulting does.
 */
public final class PodRequests {

  /** What the scheduler assumes for a container that requests no cpu, when it scores nodes. */
  private static final ResourceList SCORING_DEFAULTS =
      ResourceList.of("cpu", "100m").plus(ResourceList.of("memory", "200Mi"));

  private PodRequests() {}

  /**
   * The pod's effective requests.
   *
   * @throws IllegalArgumentException when a quantity does not parse
   */
  public static ResourceList requests(JsonObject pod) {
    ResourceList overhead = ResourceList.parse(JsonFields.object(pod, "spec", "overhead"));
    return aggregate(pod, PodRequests::containerRequests).plus(overhead);
  }

  /**
   * The pod's effective limits; the overhead is added only to resources that have a limit, as
   * Kubernetes does.
   */
  public static ResourceList limits(JsonObject pod) {
    ResourceList limits =
        aggregate(
            pod,
            container -> ResourceList.parse(JsonFields.object(container, "resources", "limits")));
    ResourceList overhead = ResourceList.parse(JsonFields.object(pod, "spec", "overhead"));
    return limits.plus(overhead.only(limits.names()));
  }

  /**
   * The requests the scheduler's scoring counts: containers that request no cpu or memory count as
   * 100m and 200Mi, so that pods without requests still spread over the nodes.
   */
  static ResourceList scoringRequests(JsonObject pod) {
    ResourceList overhead = ResourceList.parse(JsonFields.object(pod, "spec", "overhead"));
    return aggregate(pod, container -> containerRequests(container).withDefaults(SCORING_DEFAULTS))
        .plus(overhead);
  }

  /** One container's requests, each missing request defaulted from the limit of its resource. */
  static ResourceList containerRequests(JsonObject container) {
    ResourceList requests =
        ResourceList.parse(JsonFields.object(container, "resources", "requests"));
    return requests.withDefaults(
        ResourceList.parse(JsonFields.object(container, "resources", "limits")));
  }

  static boolean isSidecar(JsonObject initContainer) {
    return "Always".equals(JsonFields.string(initContainer, "restartPolicy"));
  }

  private static ResourceList aggregate(
      JsonObject pod, Function<JsonObject, ResourceList> perContainer) {
    ResourceList running = ResourceList.empty();
    for (JsonObject container : JsonFields.objects(pod, "spec", "containers")) {
      running = running.plus(perContainer.apply(container));
    }
    ResourceList sidecarsSoFar = ResourceList.empty();
    ResourceList initPeak = ResourceList.empty();
    for (JsonObject initContainer : JsonFields.objects(pod, "spec", "initContainers")) {
      ResourceList own = perContainer.apply(initContainer);
      if (isSidecar(initContainer)) {
        running = running.plus(own);
        sidecarsSoFar = sidecarsSoFar.plus(own);
        initPeak = initPeak.max(sidecarsSoFar);
      } else {
        initPeak = initPeak.max(own.plus(sidecarsSoFar));
      }
    }
    return running.max(initPeak);
  }
}
