package dev.tugboat.samples.sandbox;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A simulated Kubernetes controller (deployments, replica sets, the scheduler, the kubelet...).
 * Level-triggered: each {@link #reconcile} looks at the current state and makes one step towards
 * what it should be, so running it again is harmless. The sandbox runs all controllers on one
 * thread, after any change to a kind they watch.
 */
public interface Controller {

  /**
   * The kinds whose changes should trigger a reconcile, as {@code apiVersion/kind}, e.g. {@code
   * apps/v1/Deployment}.
   */
  Set<String> watchedKinds();

  /**
   * Moves the state one step towards the desired state.
   *
   * @return when to run again even if nothing changes (e.g. the kubelet's start-up delay), or empty
   */
  Optional<Duration> reconcile(ClusterState state);
}
