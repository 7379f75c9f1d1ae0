package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.Controller;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What karmada-controller-manager's resource detector and karmada-scheduler do, in the small: every
 * resource template selected by a PropagationPolicy of its namespace (a ClusterPropagationPolicy
 * for cluster-scoped templates) is claimed by the policy of highest precedence, labelled and
 * annotated as Karmada does, and gets a ResourceBinding with the policy's placement, the clusters
 * it is scheduled to and the {@code Scheduled} and {@code FullyApplied} conditions ({@link
 * BindingConditions}). A binding whose template is gone or no longer selected is deleted and the
 * claim taken off the template. A test double of Karmada's observable behaviour, not Karmada:
 * nothing reaches a member cluster.
 *
 * <p>The kinds it watches change with the policies: its own kinds always, and the kinds the
 * policies select, as of its last reconcile.
 */
public final class PropagationController implements Controller {

  private final Clock clock;
  private volatile Set<String> watchedKinds = KarmadaApi.OWN_KINDS;

  /**
   * @param clock the time of the bindings' conditions
   */
  public PropagationController(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Set<String> watchedKinds() {
    return watchedKinds;
  }

  @Override
  public Optional<Duration> reconcile(ClusterState state) {
    List<PropagationPolicy> policies = policies(state);
    Map<String, ResourceSelector> selectedKinds = new LinkedHashMap<>();
    for (PropagationPolicy policy : policies) {
      for (ResourceSelector selector : policy.selectors()) {
        if (selector.complete()) {
          selectedKinds.putIfAbsent(selector.kindKey(), selector);
        }
      }
    }
    Set<String> watched = new HashSet<>(KarmadaApi.OWN_KINDS);
    watched.addAll(selectedKinds.keySet());
    watchedKinds = Set.copyOf(watched);

    Map<String, Boolean> readiness = ClusterPlacement.readiness(state);
    String now = clock.instant().toString();
    Set<String> kept = new HashSet<>();
    for (ResourceSelector kind : selectedKinds.values()) {
      for (JsonObject template : Templates.list(state, kind.apiVersion(), kind.kind())) {
        PropagationPolicy.claimant(policies, template)
            .ifPresent(
                policy -> {
                  JsonObject claimed = TemplateClaims.claim(state, template, policy);
                  kept.add(
                      Bindings.ensure(
                          state, claimed, policy, ClusterPlacement.of(policy, readiness), now));
                });
      }
    }
    Bindings.removeAllBut(state, kept);
    return Optional.empty();
  }

  private static List<PropagationPolicy> policies(ClusterState state) {
    List<PropagationPolicy> policies = new ArrayList<>();
    for (String kind :
        new String[] {KarmadaApi.PROPAGATION_POLICY, KarmadaApi.CLUSTER_PROPAGATION_POLICY}) {
      state.list(KarmadaApi.POLICY_API_VERSION, kind, null).stream()
          .map(PropagationPolicy::from)
          .forEach(policies::add);
    }
    return policies;
  }
}
