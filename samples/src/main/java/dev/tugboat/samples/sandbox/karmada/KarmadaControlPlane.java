package dev.tugboat.samples.sandbox.karmada;

import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.seed.EmptySeed;
import dev.tugboat.samples.sandbox.seed.Seed;
import java.time.Clock;
import java.util.List;

/**
 * Options of a sandbox that stands in for a Karmada control plane (karmada-apiserver with
 * karmada-controller-manager and karmada-scheduler): a test double of Karmada's observable
 * behaviour, not Karmada. It serves Karmada's PropagationPolicy, ClusterPropagationPolicy,
 * ResourceBinding, ClusterResourceBinding and Cluster kinds, has one Ready {@code Cluster} per
 * member cluster named, turns policies into bindings ({@link PropagationController}), and runs no
 * workload controllers, scheduler or kubelet: a Deployment template never gets pods, as on
 * karmada-apiserver.
 *
 * <pre>{@code
 * try (Sandbox karmada = Sandbox.start(KarmadaControlPlane.options("member1").build())) {
 *   // create templates and a PropagationPolicy; read their ResourceBindings
 * }
 * }</pre>
 *
 * <p>The builder returned may be changed further (name, port, latency...), but not its clock, seed,
 * simulation, controllers or admission: pass the clock and seed here instead.
 */
public final class KarmadaControlPlane {

  private KarmadaControlPlane() {}

  /** A control plane named {@code karmada} on the system clock, with these member clusters. */
  public static SandboxOptions.Builder options(String... memberClusters) {
    return options(Clock.systemUTC(), new EmptySeed(), List.of(memberClusters));
  }

  /**
   * A control plane named {@code karmada}.
   *
   * @param clock the clock of the sandbox and of the conditions Karmada sets
   * @param seed objects to create after Karmada's definitions and clusters
   * @param memberClusters the names of the member clusters, each a Ready {@code Cluster}
   * @throws IllegalArgumentException when a member name is blank or given twice
   */
  public static SandboxOptions.Builder options(
      Clock clock, Seed seed, List<String> memberClusters) {
    if (memberClusters.stream().anyMatch(String::isBlank)
        || memberClusters.stream().distinct().count() != memberClusters.size()) {
      throw new IllegalArgumentException(
          "member cluster names must be distinct and not blank: " + memberClusters);
    }
    return SandboxOptions.builder()
        .name("karmada")
        .clock(clock)
        .simulation(false)
        .seed(new KarmadaSeed(clock, memberClusters, seed))
        .controller(new PropagationController(clock))
        .admission(new PolicyPermanentIds());
  }
}
