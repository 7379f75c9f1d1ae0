package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.Controller;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes' Deployment controller, without the gradual rollout: each Deployment gets one
 * ReplicaSet per pod template, named {@code <deployment>-<pod-template-hash>}, labelled {@code
 * pod-template-hash} and controlled by the Deployment. The current template's set is scaled to
 * {@code spec.replicas} and every older one to 0 at once; the newest set carries the next {@code
 * deployment.kubernetes.io/revision}, and sets beyond {@code revisionHistoryLimit} (default 10)
 * that run nothing are deleted. The status adds up the sets' ({@code replicas}, {@code
 * updatedReplicas}, {@code readyReplicas}, {@code availableReplicas}, {@code unavailableReplicas},
 * {@code observedGeneration}) with the conditions {@code Available}, {@code Progressing} and, when
 * a set cannot create pods, {@code ReplicaFailure}.
 */
public final class DeploymentController implements Controller {

  private static final String HASH_LABEL = "pod-template-hash";
  private static final String REVISION = "deployment.kubernetes.io/revision";

  private final Clock clock;

  public DeploymentController(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Set<String> watchedKinds() {
    return Set.of("apps/v1/Deployment", "apps/v1/ReplicaSet");
  }

  @Override
  public Optional<Duration> reconcile(ClusterState state) {
    new OwnedChildren(state.list("apps/v1", "ReplicaSet", null), replicaSet -> true)
        .forEachOwner(
            state,
            state.list("apps/v1", "Deployment", null),
            (deployment, owned) -> sync(state, deployment, owned));
    return Optional.empty();
  }

  /**
   * @param owned the Deployment's ReplicaSets, adopted ones included
   */
  private void sync(ClusterState state, JsonObject deployment, List<JsonObject> owned) {
    JsonObject template = JsonFields.object(deployment, "spec", "template");
    String hash = PodTemplateHash.of(template == null ? new JsonObject() : template);
    long replicas = JsonFields.integer(deployment, 1, "spec", "replicas");
    long newestRevision = owned.stream().mapToLong(DeploymentController::revision).max().orElse(0);
    JsonObject current =
        owned.stream()
            .filter(set -> hash.equals(JsonFields.labels(set).get(HASH_LABEL)))
            .findFirst()
            .orElse(null);
    boolean createdNow = current == null;
    if (createdNow) {
      current = state.create(newReplicaSet(deployment, hash, replicas, newestRevision + 1));
      owned.add(current);
    } else if (JsonFields.integer(current, 1, "spec", "replicas") != replicas
        || revision(current) < newestRevision) {
      JsonObject scaled = current.deepCopy();
      JsonFields.child(scaled, "spec").addProperty("replicas", replicas);
      if (revision(current) < newestRevision) {
        // a rollback to an earlier template makes its set the newest revision again
        annotations(scaled).addProperty(REVISION, Long.toString(newestRevision + 1));
      }
      JsonObject stored = state.update(scaled);
      owned.set(owned.indexOf(current), stored);
      current = stored;
    }
    List<JsonObject> old = scaleDownOldSets(state, owned, current);
    deleteOldHistory(state, deployment, old);
    deployment = recordRevision(state, deployment, current);
    Writes.statusIfChanged(state, deployment, status(deployment, current, owned, createdNow));
  }

  private static JsonObject newReplicaSet(
      JsonObject deployment, String hash, long replicas, long revision) {
    JsonObject template = JsonFields.object(deployment, "spec", "template");
    JsonObject podTemplate = template == null ? new JsonObject() : template.deepCopy();
    JsonFields.child(JsonFields.child(podTemplate, "metadata"), "labels")
        .addProperty(HASH_LABEL, hash);
    JsonObject selector = JsonFields.object(deployment, "spec", "selector").deepCopy();
    JsonFields.child(selector, "matchLabels").addProperty(HASH_LABEL, hash);

    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", JsonFields.name(deployment) + "-" + hash);
    metadata.addProperty("namespace", JsonFields.namespace(deployment));
    metadata.add("labels", JsonFields.object(podTemplate, "metadata", "labels").deepCopy());
    JsonObject annotations = new JsonObject();
    annotations.addProperty(REVISION, Long.toString(revision));
    metadata.add("annotations", annotations);
    JsonFields.childArray(metadata, "ownerReferences").add(Owners.controllerReference(deployment));
    JsonObject spec = new JsonObject();
    spec.addProperty("replicas", replicas);
    JsonElement minReadySeconds = JsonFields.object(deployment, "spec").get("minReadySeconds");
    if (minReadySeconds != null) {
      spec.add("minReadySeconds", minReadySeconds.deepCopy());
    }
    spec.add("selector", selector);
    spec.add("template", podTemplate);
    JsonObject replicaSet = new JsonObject();
    replicaSet.addProperty("apiVersion", "apps/v1");
    replicaSet.addProperty("kind", "ReplicaSet");
    replicaSet.add("metadata", metadata);
    replicaSet.add("spec", spec);
    return replicaSet;
  }

  /** Scales every set but the current one to 0; returns those sets as stored. */
  private static List<JsonObject> scaleDownOldSets(
      ClusterState state, List<JsonObject> owned, JsonObject current) {
    List<JsonObject> old = new ArrayList<>();
    for (JsonObject set : owned) {
      if (set == current) {
        continue;
      }
      if (JsonFields.integer(set, 1, "spec", "replicas") != 0) {
        JsonObject scaled = set.deepCopy();
        JsonFields.child(scaled, "spec").addProperty("replicas", 0);
        set = state.update(scaled);
      }
      old.add(set);
    }
    owned.removeIf(set -> set != current);
    owned.addAll(old);
    return old;
  }

  /** Deletes the oldest idle sets beyond {@code spec.revisionHistoryLimit}. */
  private static void deleteOldHistory(
      ClusterState state, JsonObject deployment, List<JsonObject> old) {
    long limit = JsonFields.integer(deployment, 10, "spec", "revisionHistoryLimit");
    List<JsonObject> idle =
        new ArrayList<>(
            old.stream()
                .filter(set -> JsonFields.integer(set, 0, "status", "replicas") == 0)
                .sorted(Comparator.comparingLong(DeploymentController::revision))
                .toList());
    while (idle.size() > limit) {
      JsonObject oldest = idle.remove(0);
      state.delete("apps/v1", "ReplicaSet", JsonFields.namespace(oldest), JsonFields.name(oldest));
    }
  }

  /** Copies the current set's revision onto the Deployment, as kubectl rollout history reads it. */
  private static JsonObject recordRevision(
      ClusterState state, JsonObject deployment, JsonObject current) {
    String revision = Long.toString(revision(current));
    if (revision.equals(
        JsonFields.stringMap(deployment, "metadata", "annotations").get(REVISION))) {
      return deployment;
    }
    JsonObject annotated = deployment.deepCopy();
    annotations(annotated).addProperty(REVISION, revision);
    return state.update(annotated);
  }

  private JsonObject status(
      JsonObject deployment, JsonObject current, List<JsonObject> owned, boolean createdNow) {
    long desired = JsonFields.integer(deployment, 1, "spec", "replicas");
    long replicas = sum(owned, "replicas");
    long updated = JsonFields.integer(current, 0, "status", "replicas");
    long available = sum(owned, "availableReplicas");
    JsonObject status = Writes.statusCopy(deployment);
    JsonFields.putCountOmitZero(
        status, "observedGeneration", JsonFields.integer(deployment, 0, "metadata", "generation"));
    JsonFields.putCountOmitZero(status, "replicas", replicas);
    JsonFields.putCountOmitZero(status, "updatedReplicas", updated);
    JsonFields.putCountOmitZero(status, "readyReplicas", sum(owned, "readyReplicas"));
    JsonFields.putCountOmitZero(status, "availableReplicas", available);
    JsonFields.putCountOmitZero(status, "unavailableReplicas", Math.max(0, desired - available));

    String now = Times.now(clock);
    if (available >= desired - maxUnavailable(deployment, desired)) {
      Conditions.set(
          status,
          "Available",
          "True",
          "MinimumReplicasAvailable",
          "Deployment has minimum availability.",
          now,
          true);
    } else {
      Conditions.set(
          status,
          "Available",
          "False",
          "MinimumReplicasUnavailable",
          "Deployment does not have minimum availability.",
          now,
          true);
    }
    String currentName = JsonFields.name(current);
    JsonObject progressing = Conditions.find(deployment, "Progressing");
    boolean wasComplete =
        progressing != null
            && "NewReplicaSetAvailable".equals(JsonFields.string(progressing, "reason"));
    if (createdNow) {
      Conditions.set(
          status,
          "Progressing",
          "True",
          "NewReplicaSetCreated",
          "Created new replica set \"" + currentName + "\"",
          now,
          true);
    } else if (updated == desired && replicas == desired && available == desired) {
      Conditions.set(
          status,
          "Progressing",
          "True",
          "NewReplicaSetAvailable",
          "ReplicaSet \"" + currentName + "\" has successfully progressed.",
          now,
          true);
    } else if (!(wasComplete && replicas == updated)) {
      // scaling a finished rollout is not progress to report, as in Kubernetes
      Conditions.set(
          status,
          "Progressing",
          "True",
          "ReplicaSetUpdated",
          "ReplicaSet \"" + currentName + "\" is progressing.",
          now,
          true);
    }
    JsonObject failure = Conditions.find(current, "ReplicaFailure");
    if (failure != null) {
      Conditions.set(
          status,
          "ReplicaFailure",
          JsonFields.string(failure, "status"),
          JsonFields.string(failure, "reason"),
          JsonFields.string(failure, "message"),
          now,
          true);
    } else {
      Conditions.remove(status, "ReplicaFailure");
    }
    return status;
  }

  /**
   * Kubernetes' {@code MaxUnavailable}: {@code rollingUpdate.maxUnavailable} (default 25%, rounded
   * down), 1 when it and {@code maxSurge} both resolve to 0, and 0 for {@code Recreate}.
   */
  static long maxUnavailable(JsonObject deployment, long replicas) {
    JsonObject strategy = JsonFields.object(deployment, "spec", "strategy");
    if (replicas == 0 || "Recreate".equals(JsonFields.string(strategy, "type"))) {
      return 0;
    }
    JsonObject rollingUpdate = JsonFields.object(strategy, "rollingUpdate");
    long surge = scaled(rollingUpdate, "maxSurge", replicas, true);
    long unavailable = scaled(rollingUpdate, "maxUnavailable", replicas, false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return Math.min(unavailable, replicas);
  }

  /** An int-or-percent field of {@code rollingUpdate}; missing or malformed reads as 25%. */
  private static long scaled(JsonObject rollingUpdate, String field, long replicas, boolean up) {
    String value = JsonFields.string(rollingUpdate, field);
    long percent = 25;
    try {
      if (value != null && !value.endsWith("%")) {
        return Long.parseLong(value);
      }
      if (value != null) {
        percent = Long.parseLong(value.substring(0, value.length() - 1));
      }
    } catch (NumberFormatException e) {
      percent = 25;
    }
    return up ? (replicas * percent + 99) / 100 : replicas * percent / 100;
  }

  private static long sum(List<JsonObject> sets, String field) {
    return sets.stream().mapToLong(set -> JsonFields.integer(set, 0, "status", field)).sum();
  }

  private static long revision(JsonObject replicaSet) {
    String revision = JsonFields.stringMap(replicaSet, "metadata", "annotations").get(REVISION);
    try {
      return revision == null ? 0 : Long.parseLong(revision);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static JsonObject annotations(JsonObject object) {
    return JsonFields.child(JsonFields.child(object, "metadata"), "annotations");
  }
}
