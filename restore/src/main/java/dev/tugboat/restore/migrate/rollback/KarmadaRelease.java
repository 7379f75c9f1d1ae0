package dev.tugboat.restore.migrate.rollback;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.ResourceDiscovery;
import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.migrate.karmada.KarmadaException;
import dev.tugboat.restore.migrate.karmada.PolicyRelease;
import dev.tugboat.restore.migrate.karmada.PropagationPolicies;
import dev.tugboat.restore.migrate.karmada.ReleaseCounts;
import dev.tugboat.restore.migrate.karmada.TemplateRef;
import dev.tugboat.restore.transform.RestoreLabels;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Karmada mode: releases one application from the control plane before its restore is rolled back,
 * so that the member cluster keeps its running objects. The application's policies are rebuilt from
 * its restore's ledger exactly as the migration made them; the templates the restore created are
 * deleted by the release (once their bindings preserve the member's objects), and the restore's
 * rollback then finds them gone and puts back the ones it updated.
 */
final class KarmadaRelease {

  /** The ledger's dispositions of the objects that were templates in the control plane. */
  private static final Set<Disposition> TEMPLATES =
      EnumSet.of(
          Disposition.CREATED, Disposition.UPDATED, Disposition.RECREATED, Disposition.UNCHANGED);

  private final ApiClient controlPlane;
  private final ResourceApplier applier;
  private final String memberCluster;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInterval;
  private final Duration timeout;

  KarmadaRelease(
      ApiClient controlPlane,
      String memberCluster,
      Clock clock,
      Sleeper sleeper,
      Duration pollInterval,
      Duration timeout) {
    this.controlPlane = controlPlane;
    this.applier = ResourceApplier.live(controlPlane);
    this.memberCluster = memberCluster;
    this.clock = clock;
    this.sleeper = sleeper;
    this.pollInterval = pollInterval;
    this.timeout = timeout;
  }

  /**
   * @return what was done, e.g. {@code 1 policies preserved and 1 deleted, 6 templates deleted}
   * @throws KarmadaException when a policy is not the migration's, a request fails, or Karmada did
   *     not carry the flag to the bindings in time (then no template was deleted)
   */
  String release(String migration, String application, List<LedgerEntry> ledger)
      throws KarmadaException, InterruptedException {
    List<TemplateRef> templates =
        ledger.stream()
            .filter(entry -> TEMPLATES.contains(entry.disposition()))
            .map(KarmadaRelease::template)
            .toList();
    List<TemplateRef> created =
        ledger.stream()
            .filter(entry -> entry.disposition() == Disposition.CREATED)
            .map(KarmadaRelease::template)
            .filter(template -> !template.isNamespace())
            .toList();
    ResourceCatalog served = new ResourceDiscovery(controlPlane).discover();
    ReleaseCounts counts =
        new PolicyRelease(controlPlane, served, clock, sleeper)
            .release(
                migration,
                PropagationPolicies.forApplication(
                    migration, application, memberCluster, templates),
                created,
                pollInterval,
                timeout);
    int kept = keepNamespaces(ledger, served);
    return describe(counts) + ", " + kept + " namespaces kept";
  }

  /**
   * Takes the restore's label off the Namespaces it created in the control plane, so that its
   * rollback leaves them alone: Karmada propagates a control-plane namespace's deletion to every
   * member cluster, which would delete the very objects the release preserved.
   *
   * @return how many namespaces are kept
   */
  private int keepNamespaces(List<LedgerEntry> ledger, ResourceCatalog served) {
    ApiResource namespaces =
        served
            .find("", "namespaces")
            .orElseThrow(
                () -> new IllegalStateException("the Karmada control plane serves no namespaces"));
    JsonObject labels = new JsonObject();
    labels.add(RestoreLabels.RESTORE_NAME, JsonNull.INSTANCE);
    JsonObject metadata = new JsonObject();
    metadata.add("labels", labels);
    JsonObject patch = new JsonObject();
    patch.add("metadata", metadata);
    int kept = 0;
    for (LedgerEntry entry : ledger) {
      if (entry.disposition() != Disposition.CREATED || !template(entry).isNamespace()) {
        continue;
      }
      ApplyResult result = applier.mergePatch(namespaces, null, entry.name(), patch);
      if (result.outcome() == ApplyOutcome.NOT_FOUND) {
        continue;
      }
      if (!result.isSuccess()) {
        throw new IllegalStateException(
            "keeping namespace "
                + entry.name()
                + " in the Karmada control plane failed: HTTP "
                + result.httpStatus()
                + ": "
                + result.message());
      }
      kept++;
    }
    return kept;
  }

  /** What a dry run would release. */
  String wouldRelease(String migration, String application, List<LedgerEntry> ledger) {
    List<TemplateRef> templates =
        ledger.stream()
            .filter(entry -> TEMPLATES.contains(entry.disposition()))
            .map(KarmadaRelease::template)
            .toList();
    long created =
        ledger.stream().filter(entry -> entry.disposition() == Disposition.CREATED).count();
    return "would preserve and delete "
        + PropagationPolicies.forApplication(migration, application, memberCluster, templates)
            .size()
        + " policies, delete "
        + created
        + " templates";
  }

  static String describe(ReleaseCounts counts) {
    return counts.policiesPreserved()
        + " policies preserved and "
        + counts.policiesDeleted()
        + " deleted, "
        + counts.templatesDeleted()
        + " templates deleted, "
        + counts.templatesGone()
        + " already gone, "
        + counts.templatesLeftAlone()
        + " left alone";
  }

  private static TemplateRef template(LedgerEntry entry) {
    return new TemplateRef(entry.apiVersion(), entry.kind(), entry.namespace(), entry.name());
  }
}
