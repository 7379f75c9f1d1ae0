package dev.tugboat.restore.migrate.karmada;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.json.JsonPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates the policies {@link PropagationPolicies} made in the Karmada control plane. Safe to
 * repeat, so a resumed migration can run it again: a policy that already exists is left as it is
 * when it holds the wanted labels and spec fields, and merge-patched to them otherwise (fields the
 * server defaulted, such as Karmada's cluster tolerations, stay). A policy of that name that does
 * not carry this migration's label belongs to someone else and is refused, never changed.
 */
public final class PolicyWriter {

  private final ResourceApplier applier;

  public PolicyWriter(ResourceApplier applier) {
    this.applier = Objects.requireNonNull(applier, "applier");
  }

  /**
   * Writes the policies in order, stopping at the first that cannot be written.
   *
   * @param policies as {@link PropagationPolicies#forApplication} made them
   * @throws KarmadaException when a same-named policy is not this migration's, or the API server
   *     refuses a read or write; the message names the policy
   */
  public List<PolicyWrite> write(List<JsonObject> policies) throws KarmadaException {
    List<PolicyWrite> writes = new ArrayList<>();
    for (JsonObject policy : policies) {
      writes.add(
          new PolicyWrite(
              KarmadaTypes.policyType(policy).kind(),
              KarmadaTypes.namespaceOf(policy),
              KarmadaTypes.nameOf(policy),
              writeOne(policy)));
    }
    return writes;
  }

  private ApplyOutcome writeOne(JsonObject policy) throws KarmadaException {
    ApiResource type = KarmadaTypes.policyType(policy);
    ApplyResult created = applier.create(type, policy);
    if (created.outcome() != ApplyOutcome.ALREADY_EXISTS) {
      return KarmadaException.requireSuccess(created, "create " + KarmadaTypes.describe(policy))
          .outcome();
    }
    String namespace = KarmadaTypes.namespaceOf(policy);
    String name = KarmadaTypes.nameOf(policy);
    JsonObject existing =
        KarmadaException.requireSuccess(
                applier.get(type, namespace, name), "read " + KarmadaTypes.describe(policy))
            .object();
    checkOwnedByThisMigration(existing, policy);
    JsonObject patch = new JsonObject();
    JsonObject metadata = new JsonObject();
    metadata.add("labels", labels(policy).deepCopy());
    patch.add("metadata", metadata);
    patch.add("spec", spec(policy).deepCopy());
    if (contains(existing, patch)) {
      return ApplyOutcome.UNCHANGED;
    }
    return KarmadaException.requireSuccess(
            applier.mergePatch(type, namespace, name, patch),
            "update " + KarmadaTypes.describe(policy))
        .outcome();
  }

  private static void checkOwnedByThisMigration(JsonObject existing, JsonObject policy)
      throws KarmadaException {
    String migration = JsonPaths.labels(policy).get(PropagationPolicies.MIGRATION_LABEL);
    String owner = JsonPaths.labels(existing).get(PropagationPolicies.MIGRATION_LABEL);
    if (!migration.equals(owner)) {
      throw new KarmadaException(
          KarmadaTypes.describe(policy)
              + " already exists and is not this migration's (label "
              + PropagationPolicies.MIGRATION_LABEL
              + (owner == null ? " missing" : "=" + owner)
              + ", expected "
              + migration
              + "): Tugboat does not change someone else's policy; remove or rename it");
    }
  }

  /**
   * Whether every field of {@code wanted} has its value in {@code actual}, objects compared field
   * by field and everything else (lists included, as a merge patch replaces them whole) as a whole.
   */
  private static boolean contains(JsonObject actual, JsonObject wanted) {
    for (Map.Entry<String, JsonElement> field : wanted.entrySet()) {
      JsonElement value = actual.get(field.getKey());
      boolean same =
          field.getValue().isJsonObject() && value != null && value.isJsonObject()
              ? contains(value.getAsJsonObject(), field.getValue().getAsJsonObject())
              : field.getValue().equals(value);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static JsonObject labels(JsonObject policy) {
    return JsonPaths.object(policy, "metadata", "labels").orElseGet(JsonObject::new);
  }

  private static JsonObject spec(JsonObject policy) {
    return JsonPaths.object(policy, "spec").orElseGet(JsonObject::new);
  }
}
