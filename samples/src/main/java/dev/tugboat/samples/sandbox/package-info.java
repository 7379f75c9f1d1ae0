/**
 * The sandbox: a local Kubernetes API server that is a test and demo double, not a cluster.
 *
 * <p>Entry points: {@link dev.tugboat.samples.sandbox.Sandbox#start} with {@link
 * dev.tugboat.samples.sandbox.SandboxOptions} (port, TLS, latency, faults, nodes, seed data, the
 * simulated cluster on or off, extra {@link dev.tugboat.samples.sandbox.Controller}s and {@link
 * dev.tugboat.samples.sandbox.Admission} plug-ins), and the {@code sandbox start|stop} command
 * ({@link dev.tugboat.samples.sandbox.SandboxCommand}). Tests use the JUnit extension {@code
 * SandboxExtension} of this package's test sources.
 *
 * <p>What makes it a cluster lives in sub-packages: {@code cluster} (controllers, scheduler,
 * kubelet, admission; wired by {@code SimulatedCluster}, quota reading the served types through
 * {@code ResourceTypeCatalog}) and {@code seed} (objects created at start).
 *
 * <p>How a request flows: {@code SandboxHandler} adds latency and faults and counts the request;
 * {@code DiscoveryRequests} answers discovery and OpenAPI documents built from {@code
 * ResourceTypes} (the table {@code built-in-resources.txt} plus CRDs); {@code ResourceRequests}
 * turns object requests into calls of {@code ObjectService}, which holds the API semantics
 * (server-set fields, validation, admission, patches, status and scale) and leaves deletion
 * (finalizers, garbage collection, namespace termination) to {@code Deletions}. {@code ObjectStore}
 * keeps objects as compact JSON in one sorted map per resource, with a uid index, an owner index
 * and the watch history ({@code WatchHub}); writes hold one lock, reads none.
 */
package dev.tugboat.samples.sandbox;
