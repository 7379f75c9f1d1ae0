/**
 * The sandbox's simulated cluster: the controllers (deployments, replica sets, stateful sets,
 * daemon sets, jobs), the scheduler, the kubelet and the admission plug-ins (LimitRange defaults,
 * ResourceQuota) that make the sandbox API server behave like a small Kubernetes cluster where
 * Tugboat's jobs can tell the difference. A test and demo double: nothing here runs containers.
 *
 * <p>Every piece works on {@link dev.tugboat.samples.sandbox.ClusterState} only, so the API server
 * core decides which ones run.
 */
package dev.tugboat.samples.sandbox.cluster;
