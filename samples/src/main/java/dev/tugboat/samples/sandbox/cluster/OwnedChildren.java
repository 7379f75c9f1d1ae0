package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.core.selection.LabelSelector;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The children of one kind that each owner controls, claimed as Kubernetes' controller reference
 * manager does: a child belongs to the owner its controller reference names, and an orphan (a child
 * without a controller) is adopted by the first owner of its namespace whose selector matches it.
 */
final class OwnedChildren {

  private final Map<String, List<JsonObject>> byOwnerUid;
  private final Map<String, List<JsonObject>> orphansByNamespace = new HashMap<>();

  /**
   * @param children every object of the child kind
   * @param adoptable which orphans an owner may adopt
   */
  OwnedChildren(List<JsonObject> children, Predicate<JsonObject> adoptable) {
    byOwnerUid = Owners.byControllerUid(children);
    for (JsonObject child : children) {
      if (Owners.controllerUid(child) == null && adoptable.test(child)) {
        orphansByNamespace
            .computeIfAbsent(JsonFields.namespace(child), ignored -> new ArrayList<>())
            .add(child);
      }
    }
  }

  /**
   * Runs {@code sync} with each owner that is not being deleted and the children it controls,
   * followed by the orphans it adopts first (as stored). Owners with a missing or empty selector
   * are skipped: the API server refuses them, and they must never adopt every child of the
   * namespace. A write that loses a race skips that owner until the next pass.
   */
  void forEachOwner(
      ClusterState state, List<JsonObject> owners, BiConsumer<JsonObject, List<JsonObject>> sync) {
    for (JsonObject owner : owners) {
      if (JsonFields.string(owner, "metadata", "deletionTimestamp") == null) {
        Writes.ignoringRaces(() -> claim(state, owner, sync));
      }
    }
  }

  private void claim(
      ClusterState state, JsonObject owner, BiConsumer<JsonObject, List<JsonObject>> sync) {
    Optional<LabelSelector> selector =
        Selectors.fromJson(JsonFields.object(owner, "spec", "selector"));
    if (selector.isEmpty() || selector.get().isEmpty()) {
      return;
    }
    List<JsonObject> children =
        new ArrayList<>(byOwnerUid.getOrDefault(JsonFields.uid(owner), List.of()));
    List<JsonObject> orphans =
        orphansByNamespace.getOrDefault(JsonFields.namespace(owner), List.of());
    for (JsonObject orphan : List.copyOf(orphans)) {
      if (selector.get().matches(JsonFields.labels(orphan))) {
        JsonObject adopted = orphan.deepCopy();
        Owners.adopt(adopted, owner);
        children.add(state.update(adopted));
        orphans.remove(orphan);
      }
    }
    sync.accept(owner, children);
  }
}
