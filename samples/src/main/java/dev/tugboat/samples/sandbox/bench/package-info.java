/**
 * The sandbox benchmark: how create, get, update and paged LIST requests of the sandbox API server
 * scale from 1k to 100k stored objects, and whether 100k objects fit in a 1 GiB heap. Run it with
 * {@code ./mvnw -pl samples verify -Pbenchmark} (see {@code samples/README.md}); {@link
 * dev.tugboat.samples.sandbox.bench.SandboxBenchmark} is the entry point. The same profile runs the
 * backup benchmark, {@link dev.tugboat.samples.sandbox.bench.BackupBenchmark}: Tugboat's {@code
 * backup create} against the floor of the same LISTs over raw HTTP, on sandboxes of 10k and 100k
 * objects.
 */
package dev.tugboat.samples.sandbox.bench;
