/**
 * A Karmada control plane flavour of the sandbox: a test double of what Tugboat's Karmada migration
 * mode can observe of karmada-apiserver and karmada-controller-manager, not Karmada. It serves
 * Karmada's policy, binding and cluster APIs, knows member clusters only as Ready {@code Cluster}
 * objects, and turns PropagationPolicies into ResourceBindings ({@link
 * dev.tugboat.samples.sandbox.karmada.PropagationController}). Nothing is ever propagated to a
 * member cluster and no workload runs: the simulated cluster is off, as karmada-apiserver runs no
 * workload controllers.
 *
 * <p>Start it with {@link dev.tugboat.samples.sandbox.karmada.KarmadaControlPlane#options} or
 * {@code sandbox start --karmada member1,member2}.
 */
package dev.tugboat.samples.sandbox.karmada;
