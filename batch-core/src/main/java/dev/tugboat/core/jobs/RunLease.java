package dev.tugboat.core.jobs;

import java.time.Instant;

/**
 * A row of the lease table: which process runs a job execution, and when it last said so.
 *
 * @param executionId the Spring Batch job execution id
 * @param owner the process running it
 * @param heartbeat when the owner last renewed the lease
 */
public record RunLease(long executionId, RunOwner owner, Instant heartbeat) {}
