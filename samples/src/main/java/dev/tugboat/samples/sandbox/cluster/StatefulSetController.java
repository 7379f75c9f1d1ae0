package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.Controller;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kubernetes' StatefulSet controller, without rolling template updates: pods {@code
 * <set>-<ordinal>} for ordinals 0 to {@code spec.replicas - 1}, each after its claims {@code
 * <template>-<set>-<ordinal>} from {@code volumeClaimTemplates} (kept when the set scales down, as
 * the default {@code Retain} policy does). With the default {@code OrderedReady} policy, a pod is
 * created only when all lower ordinals are running and ready; with {@code Parallel}, all at once.
 * Scaling down deletes the highest ordinals; a failed pod is deleted to be created again. The
 * status reports {@code replicas}, {@code readyReplicas}, {@code currentReplicas}, {@code
 * updatedReplicas}, {@code availableReplicas} and {@code observedGeneration}.
 */
public final class StatefulSetController implements Controller {

  private final Clock clock;
  private final FailedCreates failedCreates;

  public StatefulSetController(Clock clock) {
    this.clock = clock;
    this.failedCreates = new FailedCreates("statefulset-controller", clock);
  }

  @Override
  public Set<String> watchedKinds() {
    return Set.of("apps/v1/StatefulSet", "v1/Pod");
  }

  @Override
  public Optional<Duration> reconcile(ClusterState state) {
    Map<String, List<JsonObject>> podsByOwner =
        Owners.byControllerUid(state.list("v1", "Pod", null));
    for (JsonObject set : state.list("apps/v1", "StatefulSet", null)) {
      if (JsonFields.string(set, "metadata", "deletionTimestamp") == null) {
        List<JsonObject> owned = podsByOwner.getOrDefault(JsonFields.uid(set), List.of());
        Writes.ignoringRaces(() -> sync(state, set, owned));
      }
    }
    return failedCreates.nextRetry();
  }

  private void sync(ClusterState state, JsonObject set, List<JsonObject> owned) {
    String name = JsonFields.name(set);
    Map<Long, JsonObject> podsByOrdinal = new TreeMap<>();
    for (JsonObject pod : owned) {
      long ordinal = ordinal(name, JsonFields.name(pod));
      if (ordinal < 0 || Pods.isDeleting(pod)) {
        continue;
      }
      if ("Failed".equals(Pods.phase(pod))) {
        state.delete("v1", "Pod", JsonFields.namespace(pod), JsonFields.name(pod));
      } else {
        podsByOrdinal.put(ordinal, pod);
      }
    }
    long replicas = JsonFields.integer(set, 1, "spec", "replicas");
    for (Long ordinal : List.copyOf(podsByOrdinal.keySet())) {
      if (ordinal >= replicas) {
        JsonObject condemned = podsByOrdinal.remove(ordinal);
        state.delete("v1", "Pod", JsonFields.namespace(condemned), JsonFields.name(condemned));
      }
    }
    boolean ordered = !"Parallel".equals(JsonFields.string(set, "spec", "podManagementPolicy"));
    for (long ordinal = 0; ordinal < replicas; ordinal++) {
      JsonObject pod = podsByOrdinal.get(ordinal);
      if (pod == null) {
        pod = createReplica(state, set, ordinal);
        if (pod == null) {
          break;
        }
        podsByOrdinal.put(ordinal, pod);
      }
      if (ordered && !("Running".equals(Pods.phase(pod)) && Pods.isReady(pod))) {
        break; // OrderedReady: the next ordinal waits for this one
      }
    }
    Writes.statusIfChanged(state, set, status(set, podsByOrdinal.values()));
  }

  /** Creates the claims and the pod of one ordinal; null when refused or held off. */
  private JsonObject createReplica(ClusterState state, JsonObject set, long ordinal) {
    if (!failedCreates.mayCreate(set)) {
      return null;
    }
    String podName = JsonFields.name(set) + "-" + ordinal;
    String namespace = JsonFields.namespace(set);
    Map<String, String> labels = new TreeMap<>();
    labels.put("statefulset.kubernetes.io/pod-name", podName);
    labels.put("apps.kubernetes.io/pod-index", Long.toString(ordinal));
    JsonObject pod = Pods.fromTemplate(set, JsonFields.object(set, "spec", "template"), labels);
    JsonFields.child(pod, "metadata").addProperty("name", podName);
    JsonObject podSpec = JsonFields.child(pod, "spec");
    podSpec.addProperty("hostname", podName);
    String serviceName = JsonFields.string(set, "spec", "serviceName");
    if (serviceName != null && !serviceName.isEmpty()) {
      podSpec.addProperty("subdomain", serviceName);
    }
    try {
      for (JsonObject claimTemplate : JsonFields.objects(set, "spec", "volumeClaimTemplates")) {
        String volume = JsonFields.name(claimTemplate);
        String claimName = volume + "-" + podName;
        if (state.get("v1", "PersistentVolumeClaim", namespace, claimName).isEmpty()) {
          state.create(claim(set, claimTemplate, claimName));
        }
        mountClaim(podSpec, volume, claimName);
      }
      return state.create(pod);
    } catch (ApiError e) {
      failedCreates.refused(state, set, e);
      return null;
    }
  }

  /** A claim from a template, labelled with the template's and the set's selector labels. */
  private static JsonObject claim(JsonObject set, JsonObject template, String claimName) {
    Map<String, String> labels = new TreeMap<>(JsonFields.labels(template));
    labels.putAll(JsonFields.stringMap(set, "spec", "selector", "matchLabels"));
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", claimName);
    metadata.addProperty("namespace", JsonFields.namespace(set));
    if (!labels.isEmpty()) {
      metadata.add("labels", JsonFields.stringObject(labels));
    }
    JsonObject claim = new JsonObject();
    claim.addProperty("apiVersion", "v1");
    claim.addProperty("kind", "PersistentVolumeClaim");
    claim.add("metadata", metadata);
    JsonObject spec = JsonFields.object(template, "spec");
    claim.add("spec", spec == null ? new JsonObject() : spec.deepCopy());
    return claim;
  }

  /** Points the pod volume named after the claim template at the ordinal's claim. */
  private static void mountClaim(JsonObject podSpec, String volume, String claimName) {
    JsonArray volumes = JsonFields.childArray(podSpec, "volumes");
    for (int i = volumes.size() - 1; i >= 0; i--) {
      if (volumes.get(i).isJsonObject()
          && volume.equals(JsonFields.string(volumes.get(i).getAsJsonObject(), "name"))) {
        volumes.remove(i);
      }
    }
    JsonObject source = new JsonObject();
    source.addProperty("claimName", claimName);
    JsonObject entry = new JsonObject();
    entry.addProperty("name", volume);
    entry.add("persistentVolumeClaim", source);
    volumes.add(entry);
  }

  private JsonObject status(JsonObject set, Collection<JsonObject> pods) {
    long minReadySeconds = JsonFields.integer(set, 0, "spec", "minReadySeconds");
    Instant now = clock.instant();
    JsonObject status = Writes.statusCopy(set);
    JsonFields.putCountOmitZero(
        status, "observedGeneration", JsonFields.integer(set, 0, "metadata", "generation"));
    status.addProperty("replicas", pods.size());
    JsonFields.putCountOmitZero(
        status, "readyReplicas", pods.stream().filter(Pods::isReady).count());
    // without rolling template updates every pod is of the current, updated revision
    JsonFields.putCountOmitZero(status, "currentReplicas", pods.size());
    JsonFields.putCountOmitZero(status, "updatedReplicas", pods.size());
    status.addProperty(
        "availableReplicas",
        pods.stream().filter(pod -> Pods.isAvailable(pod, minReadySeconds, now)).count());
    return status;
  }

  /** The ordinal in a pod name {@code <set>-<ordinal>}, or -1 when it is not of that form. */
  private static long ordinal(String setName, String podName) {
    String prefix = setName + "-";
    if (podName == null || !podName.startsWith(prefix)) {
      return -1;
    }
    try {
      return Long.parseLong(podName.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
