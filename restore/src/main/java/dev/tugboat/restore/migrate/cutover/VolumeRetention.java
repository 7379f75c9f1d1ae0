package dev.tugboat.restore.migrate.cutover;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.json.JsonPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps the volumes of the claims a cutover deletes, and gives them back to the claims a rollback
 * creates again.
 *
 * <p>Deleting a PersistentVolumeClaim whose volume has reclaim policy {@code Delete} deletes the
 * volume and its data. Tugboat moves resources, not volume data, so the source's volume may be the
 * only copy, and a rollback needs it. Before a claim is deleted, its volume is therefore switched
 * to {@code Retain} in a merge patch that records the original policy in {@link
 * #PRE_CUTOVER_RECLAIM_POLICY} (the value and its record change together, as quiescing does). A
 * volume that already carries the record is left alone, so a rerun never records {@code Retain} as
 * the original.
 *
 * <p>Once its claim is gone, Kubernetes marks the volume Released: it still names the deleted
 * claim's uid and binds to no other claim. Giving it back frees that uid, so that the volume waits
 * for a claim of the same namespace and name, and puts the original policy back; the restore that
 * recreates the claim then keeps its {@code spec.volumeName} and Kubernetes binds the two again.
 */
public final class VolumeRetention {

  /** The reclaim policy a volume had before the cutover switched it to {@code Retain}. */
  public static final String PRE_CUTOVER_RECLAIM_POLICY = "tugboat.dev/pre-cutover-reclaim-policy";

  private static final String RETAIN = "Retain";

  /** Attempts per volume when its {@code resourceVersion} keeps changing under the patch. */
  private static final int MAX_ATTEMPTS = 3;

  private static final int CONFLICT = 409;

  private final ResourceApplier source;
  private final Optional<ApiResource> claims;
  private final Optional<ApiResource> volumes;

  /**
   * @param source writes to the source cluster
   * @param catalog the types the source cluster serves
   */
  public VolumeRetention(ResourceApplier source, ResourceCatalog catalog) {
    this.source = source;
    this.claims = catalog.forKind("", "PersistentVolumeClaim");
    this.volumes = catalog.forKind("", "PersistentVolume");
  }

  /**
   * Whether a claim may be deleted, and what was done to its volume first (or, when it may not, why
   * not: the failed action and the claim's).
   */
  record Kept(boolean claimMayGo, List<CutoverAction> actions) {}

  /**
   * Switches the volume bound to this claim to {@code Retain}, before the claim is deleted.
   *
   * @return whether the claim may be deleted (not when it or its volume could not be read, or the
   *     volume could not be kept: the delete would lose its data), and the actions to report
   */
  Kept retain(ObjectRef claim) {
    Kept nothingToKeep = new Kept(true, List.of());
    if (claims.isEmpty() || volumes.isEmpty()) {
      return nothingToKeep;
    }
    ApplyResult liveClaim = source.get(claims.get(), claim.namespace(), claim.name());
    if (liveClaim.outcome() == ApplyOutcome.NOT_FOUND) {
      return nothingToKeep;
    }
    if (!liveClaim.isSuccess()) {
      return new Kept(
          false,
          List.of(
              claim.action(
                  CutoverOutcome.FAILED,
                  "not deleted: get of the claim failed: " + answer(liveClaim))));
    }
    Optional<String> volumeName = JsonPaths.string(liveClaim.object(), "spec", "volumeName");
    if (volumeName.isEmpty()) {
      return nothingToKeep;
    }
    ObjectRef volume = volumeRef(volumeName.get());
    Optional<CutoverAction> kept =
        changeLive(
            volume,
            live -> {
              String recorded = recordedPolicy(live);
              if (recorded != null) {
                return new Step(
                    null,
                    volume.action(
                        CutoverOutcome.RETAINED,
                        "already retained: original reclaim policy " + recorded + " recorded"));
              }
              JsonObject spec = new JsonObject();
              spec.addProperty("persistentVolumeReclaimPolicy", RETAIN);
              return new Step(
                  patch(live, new JsonPrimitive(policy(live)), spec),
                  volume.action(
                      CutoverOutcome.RETAINED,
                      "reclaim policy "
                          + policyChange(policy(live), RETAIN)
                          + ": kept for a rollback"));
            });
    if (kept.isEmpty() || kept.get().outcome() == CutoverOutcome.NOT_FOUND) {
      return nothingToKeep;
    }
    if (kept.get().outcome() == CutoverOutcome.RETAINED) {
      return new Kept(true, List.of(kept.get()));
    }
    return new Kept(
        false,
        List.of(
            kept.get(),
            claim.action(CutoverOutcome.FAILED, "not deleted: its volume could not be retained")));
  }

  /**
   * Gives the volumes {@link #retain} kept back to their claims: for each claim among {@code
   * objects} whose volume carries the record, frees the volume's reference to the deleted claim and
   * puts its reclaim policy back. Volumes without the record are left alone, so this can be
   * repeated.
   *
   * @param objects an application's objects as backed up; only claims with a {@code
   *     spec.volumeName} are looked at
   * @return one action per volume given back or that could not be
   */
  public List<CutoverAction> giveBack(List<JsonObject> objects) {
    List<CutoverAction> actions = new ArrayList<>();
    if (claims.isEmpty() || volumes.isEmpty()) {
      return actions;
    }
    for (int i = 0; i < objects.size(); i++) {
      ObjectRef claim = ObjectRef.of(objects.get(i), i);
      Optional<String> volumeName = JsonPaths.string(objects.get(i), "spec", "volumeName");
      if (!claim.is("", "PersistentVolumeClaim") || volumeName.isEmpty()) {
        continue;
      }
      ObjectRef volume = volumeRef(volumeName.get());
      changeLive(
              volume,
              live -> {
                String recorded = recordedPolicy(live);
                if (recorded == null) {
                  return new Step(null, null);
                }
                JsonObject claimRef = new JsonObject();
                if (!claimStillThere(live)) {
                  // the deleted claim's: the recreated claim gets another uid
                  claimRef.add("uid", JsonNull.INSTANCE);
                  claimRef.add("resourceVersion", JsonNull.INSTANCE);
                }
                JsonObject spec = new JsonObject();
                spec.addProperty("persistentVolumeReclaimPolicy", recorded);
                spec.add("claimRef", claimRef);
                return new Step(
                    patch(live, JsonNull.INSTANCE, spec),
                    volume.action(
                        CutoverOutcome.GIVEN_BACK,
                        "reclaim policy "
                            + policyChange(RETAIN, recorded)
                            + ", waiting for its claim "
                            + claim.namespace()
                            + "/"
                            + claim.name()));
              })
          .filter(action -> action.outcome() != CutoverOutcome.NOT_FOUND)
          .ifPresent(actions::add);
    }
    return actions;
  }

  /**
   * The patch to send to one live volume, valid only on the version that was read, and the action
   * to report once it is accepted; no patch means nothing to send, and no action nothing to report.
   */
  private record Step(JsonObject patch, CutoverAction action) {}

  /**
   * Reads the volume and sends the patch {@code plan} makes of it, reading again after a conflict.
   *
   * @return the plan's action once done, NOT_FOUND when there is no such volume, FAILED when the
   *     API server refused
   */
  private Optional<CutoverAction> changeLive(ObjectRef volume, Function<JsonObject, Step> plan) {
    for (int attempt = 1; ; attempt++) {
      ApplyResult read = source.get(volumes.orElseThrow(), null, volume.name());
      if (read.outcome() == ApplyOutcome.NOT_FOUND) {
        return Optional.of(volume.action(CutoverOutcome.NOT_FOUND, "not in the source cluster"));
      }
      if (!read.isSuccess()) {
        return Optional.of(volume.action(CutoverOutcome.FAILED, "get failed: " + answer(read)));
      }
      Step step = plan.apply(read.object());
      if (step.patch() == null) {
        return Optional.ofNullable(step.action());
      }
      ApplyResult written = source.mergePatch(volumes.get(), null, volume.name(), step.patch());
      if (written.isSuccess()) {
        return Optional.of(step.action());
      }
      if (written.httpStatus() != CONFLICT || attempt == MAX_ATTEMPTS) {
        return Optional.of(
            volume.action(CutoverOutcome.FAILED, "patch failed: " + answer(written)));
      }
    }
  }

  /** Whether the claim the volume names still exists with the uid the volume names. */
  private boolean claimStillThere(JsonObject volume) {
    Optional<String> uid = JsonPaths.string(volume, "spec", "claimRef", "uid");
    if (uid.isEmpty()) {
      return false;
    }
    ApplyResult claim =
        source.get(
            claims.orElseThrow(),
            JsonPaths.string(volume, "spec", "claimRef", "namespace").orElse(""),
            JsonPaths.string(volume, "spec", "claimRef", "name").orElse(""));
    return claim.isSuccess() && uid.equals(JsonPaths.string(claim.object(), "metadata", "uid"));
  }

  private static JsonObject patch(JsonObject live, JsonElement record, JsonObject spec) {
    JsonObject annotations = new JsonObject();
    annotations.add(PRE_CUTOVER_RECLAIM_POLICY, record);
    JsonObject metadata = new JsonObject();
    JsonPaths.string(live, "metadata", "resourceVersion")
        .ifPresent(version -> metadata.addProperty("resourceVersion", version));
    metadata.add("annotations", annotations);
    JsonObject patch = new JsonObject();
    patch.add("metadata", metadata);
    patch.add("spec", spec);
    return patch;
  }

  private static String recordedPolicy(JsonObject volume) {
    return JsonPaths.string(volume, "metadata", "annotations", PRE_CUTOVER_RECLAIM_POLICY)
        .orElse(null);
  }

  /** The volume's reclaim policy; the API server defaults it to {@code Retain}. */
  private static String policy(JsonObject volume) {
    return JsonPaths.string(volume, "spec", "persistentVolumeReclaimPolicy").orElse(RETAIN);
  }

  private static String policyChange(String from, String to) {
    return from.equals(to) ? from + " kept" : from + " -> " + to;
  }

  private static ObjectRef volumeRef(String name) {
    return new ObjectRef("", "PersistentVolume", null, name);
  }

  private static String answer(ApplyResult result) {
    return result.httpStatus() == 0 || result.message().equals("HTTP " + result.httpStatus())
        ? result.message()
        : "HTTP " + result.httpStatus() + ": " + result.message();
  }
}
