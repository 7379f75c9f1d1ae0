package dev.tugboat.restore.migrate;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.ResourceDiscovery;
import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.migrate.karmada.Acceptance;
import dev.tugboat.restore.migrate.karmada.KarmadaAcceptance;
import dev.tugboat.restore.migrate.karmada.KarmadaException;
import dev.tugboat.restore.migrate.karmada.PolicyWrite;
import dev.tugboat.restore.migrate.karmada.PolicyWriter;
import dev.tugboat.restore.migrate.karmada.PropagationPolicies;
import dev.tugboat.restore.migrate.karmada.TemplateRef;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Karmada mode's end of an application's migration, after its objects were restored into the
 * control plane as resource templates: one PropagationPolicy per namespace of the application
 * placing them in the member cluster with {@code conflictResolution: Overwrite}, so that Karmada
 * adopts the objects already running there without restarting their pods; then the wait until
 * Karmada has accepted every template (its binding scheduled and fully applied).
 */
final class KarmadaAdoption {

  /** The ledger's dispositions of the objects that are templates in the control plane after it. */
  private static final Set<Disposition> IN_CONTROL_PLANE =
      EnumSet.of(
          Disposition.CREATED, Disposition.UPDATED, Disposition.RECREATED, Disposition.UNCHANGED);

  private final String memberCluster;
  private final ApiClient controlPlane;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInterval;

  KarmadaAdoption(
      String memberCluster,
      ApiClient controlPlane,
      Clock clock,
      Sleeper sleeper,
      Duration pollInterval) {
    this.memberCluster = memberCluster;
    this.controlPlane = controlPlane;
    this.clock = clock;
    this.sleeper = sleeper;
    this.pollInterval = pollInterval;
  }

  /** Whether the restore left this object in the control plane as a template. */
  static boolean isTemplate(LedgerEntry entry) {
    return IN_CONTROL_PLANE.contains(entry.disposition());
  }

  static TemplateRef template(LedgerEntry entry) {
    return new TemplateRef(entry.apiVersion(), entry.kind(), entry.namespace(), entry.name());
  }

  /**
   * Writes the application's policies (a policy an earlier attempt wrote is left or updated) and
   * waits for Karmada to accept the templates.
   *
   * @return what was written, and the last acceptance check
   * @throws KarmadaException when a policy cannot be written, or belongs to someone else
   * @throws InterruptedException when interrupted while waiting
   */
  Result adopt(
      String migration, String application, Collection<TemplateRef> templates, Duration timeout)
      throws KarmadaException, InterruptedException {
    List<JsonObject> wanted =
        PropagationPolicies.forApplication(migration, application, memberCluster, templates);
    List<PolicyWrite> written = new PolicyWriter(ResourceApplier.live(controlPlane)).write(wanted);
    // Discovered now: the application's restore may have just defined its custom resources.
    ResourceCatalog served = new ResourceDiscovery(controlPlane).discover();
    KarmadaAcceptance acceptance = new KarmadaAcceptance(controlPlane, served, clock, sleeper);
    return new Result(written, acceptance.await(wanted, pollInterval, timeout));
  }

  /**
   * @param written one per policy, in the order made
   * @param acceptance whether Karmada accepted every template, and why not
   */
  record Result(List<PolicyWrite> written, Acceptance acceptance) {}
}
