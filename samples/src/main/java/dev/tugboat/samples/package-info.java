/**
 * Samples: the sandbox cluster (a local Kubernetes API server for tests, demos and benchmarks),
 * runnable scenarios, end-to-end tests and deployment manifests. Tugboat itself never depends on
 * this module.
 */
package dev.tugboat.samples;
