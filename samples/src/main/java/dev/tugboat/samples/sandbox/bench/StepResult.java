package dev.tugboat.samples.sandbox.bench;

/**
 * What the benchmark measured at one stored size.
 *
 * @param storedObjects the ConfigMaps stored while measuring
 * @param namespacePages pages of one namespace ({@link BenchmarkPlan#objectsPerNamespace} objects)
 * @param allNamespacesPages pages of every namespace's ConfigMaps
 */
public record StepResult(
    int storedObjects,
    double createsPerSecond,
    double getsPerSecond,
    double updatesPerSecond,
    PageLatency namespacePages,
    PageLatency allNamespacesPages) {}
