package dev.tugboat.restore.migrate.karmada;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.DeletePropagation;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.core.json.JsonPaths;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Undoes a Karmada-mode migration of one application (issue 8) the way Karmada's rollback guide
 * prescribes, so that the member cluster keeps its running objects: first sets {@code
 * spec.preserveResourcesOnDeletion: true} on the application's policies, then deletes the resource
 * templates, then the policies.
 *
 * <p>Karmada carries the flag from a policy to its bindings asynchronously, and deleting a template
 * whose binding still lacks it would delete the member's object: so the templates are deleted only
 * once every one of their bindings shows the flag. Safe to repeat after a crash: what is already
 * done (flag set, template or policy gone) is counted and passed. Only this migration's objects are
 * touched: a policy without its {@code tugboat.dev/migration} label stops the release before any
 * change, a template without it is left alone.
 */
public final class PolicyRelease {

  private final ResourceApplier applier;
  private final Bindings bindings;
  private final ResourceCatalog controlPlane;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param apiClient the Karmada control plane's
   * @param controlPlane the types it serves, to find each template's
   */
  public PolicyRelease(
      ApiClient apiClient, ResourceCatalog controlPlane, Clock clock, Sleeper sleeper) {
    this.applier = ResourceApplier.live(apiClient);
    this.bindings = new Bindings(apiClient);
    this.controlPlane = Objects.requireNonNull(controlPlane, "controlPlane");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Releases one application's templates and policies.
   *
   * @param policies the application's policies, as {@link PropagationPolicies#forApplication} made
   *     them; only their kind, namespace and name are read
   * @param templates the templates to delete: those the migration created
   * @param pollInterval the pause between two looks at the bindings
   * @param timeout how long Karmada may take to carry the flag to the bindings
   * @throws KarmadaException when a policy is not this migration's, a request fails, or the flag
   *     has not reached the bindings in time (then no template was deleted); the message says which
   * @throws InterruptedException when the thread is interrupted while pausing
   */
  public ReleaseCounts release(
      String migrationId,
      List<JsonObject> policies,
      List<TemplateRef> templates,
      Duration pollInterval,
      Duration timeout)
      throws KarmadaException, InterruptedException {
    List<JsonObject> existing = new ArrayList<>();
    for (JsonObject policy : policies) {
      ApplyResult read = applier.get(type(policy), namespace(policy), name(policy));
      if (read.outcome() != ApplyOutcome.NOT_FOUND) {
        checkOwned(
            KarmadaException.requireSuccess(read, "read " + KarmadaTypes.describe(policy)).object(),
            migrationId);
        existing.add(policy);
      }
    }
    for (JsonObject policy : existing) {
      KarmadaException.requireSuccess(
          applier.mergePatch(type(policy), namespace(policy), name(policy), preservePatch()),
          "set preserveResourcesOnDeletion on " + KarmadaTypes.describe(policy));
    }

    List<TemplateRef> ours = new ArrayList<>();
    int gone = 0;
    int leftAlone = 0;
    for (TemplateRef template : templates) {
      ApplyResult read = applier.get(templateType(template), template.namespace(), template.name());
      if (read.outcome() == ApplyOutcome.NOT_FOUND) {
        gone++;
      } else if (migrationId.equals(
          JsonPaths.labels(KarmadaException.requireSuccess(read, "read " + template).object())
              .get(PropagationPolicies.MIGRATION_LABEL))) {
        ours.add(template);
      } else {
        leftAlone++;
      }
    }
    awaitPreservingBindings(ours, pollInterval, timeout);
    int deleted = 0;
    for (TemplateRef template : ours) {
      if (delete(
          templateType(template), template.namespace(), template.name(), template.toString())) {
        deleted++;
      } else {
        gone++;
      }
    }

    int policiesDeleted = 0;
    for (JsonObject policy : existing) {
      if (delete(type(policy), namespace(policy), name(policy), KarmadaTypes.describe(policy))) {
        policiesDeleted++;
      }
    }
    return new ReleaseCounts(
        existing.size(),
        deleted,
        gone,
        leftAlone,
        policiesDeleted,
        policies.size() - policiesDeleted);
  }

  /**
   * Waits until the binding of every template, where it has one, has {@code
   * spec.preserveResourcesOnDeletion: true}.
   */
  private void awaitPreservingBindings(
      List<TemplateRef> templates, Duration pollInterval, Duration timeout)
      throws KarmadaException, InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      List<TemplateRef> unprotected = unprotected(templates);
      if (unprotected.isEmpty()) {
        return;
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new KarmadaException(
            "Karmada has not set preserveResourcesOnDeletion on the bindings of "
                + unprotected.stream().map(TemplateRef::toString).collect(Collectors.joining(", "))
                + " within "
                + timeout
                + ": no template was deleted, so that the member cluster keeps its objects;"
                + " run the rollback again");
      }
      sleeper.sleep(pollInterval);
    }
  }

  private List<TemplateRef> unprotected(List<TemplateRef> templates) throws KarmadaException {
    Map<String, List<JsonObject>> byNamespace = new HashMap<>();
    List<TemplateRef> unprotected = new ArrayList<>();
    for (TemplateRef template : templates) {
      // Cluster-scoped templates under "", which no namespace is named.
      String key = Objects.toString(template.namespace(), "");
      if (!byNamespace.containsKey(key)) {
        byNamespace.put(key, bindings.list(template.namespace()));
      }
      boolean protectedOrUnbound =
          Bindings.bindingOf(template, byNamespace.get(key))
              .map(
                  binding ->
                      JsonPaths.element(binding, "spec", "preserveResourcesOnDeletion")
                          .map(value -> value.equals(new JsonPrimitive(true)))
                          .orElse(false))
              .orElse(true);
      if (!protectedOrUnbound) {
        unprotected.add(template);
      }
    }
    return unprotected;
  }

  /**
   * @return true when deleted, false when it was already gone
   */
  private boolean delete(ApiResource type, String namespace, String name, String what)
      throws KarmadaException {
    ApplyResult result = applier.delete(type, namespace, name, DeletePropagation.BACKGROUND);
    if (result.outcome() == ApplyOutcome.NOT_FOUND) {
      return false;
    }
    KarmadaException.requireSuccess(result, "delete " + what);
    return true;
  }

  private static void checkOwned(JsonObject policy, String migrationId) throws KarmadaException {
    String owner = JsonPaths.labels(policy).get(PropagationPolicies.MIGRATION_LABEL);
    if (!migrationId.equals(owner)) {
      throw new KarmadaException(
          KarmadaTypes.describe(policy)
              + " is not migration "
              + migrationId
              + "'s (label "
              + PropagationPolicies.MIGRATION_LABEL
              + (owner == null ? " missing" : "=" + owner)
              + "): nothing was released");
    }
  }

  private ApiResource templateType(TemplateRef template) throws KarmadaException {
    return controlPlane
        .forKind(template.group(), template.kind())
        .orElseThrow(
            () ->
                new KarmadaException(
                    "cannot release "
                        + template
                        + ": the control plane does not serve "
                        + template.apiVersion()
                        + " "
                        + template.kind()));
  }

  private static JsonObject preservePatch() {
    JsonObject spec = new JsonObject();
    spec.addProperty("preserveResourcesOnDeletion", true);
    JsonObject patch = new JsonObject();
    patch.add("spec", spec);
    return patch;
  }

  private static ApiResource type(JsonObject policy) {
    return KarmadaTypes.policyType(policy);
  }

  private static String namespace(JsonObject policy) {
    return KarmadaTypes.namespaceOf(policy);
  }

  private static String name(JsonObject policy) {
    return KarmadaTypes.nameOf(policy);
  }
}
