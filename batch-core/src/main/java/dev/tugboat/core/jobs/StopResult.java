package dev.tugboat.core.jobs;

import org.springframework.batch.core.BatchStatus;

/**
 * What {@link JobRunStarter#stop} did to a running execution.
 *
 * @param status {@link BatchStatus#STOPPING} when its live owner was asked to stop it at the next
 *     chunk or step boundary; {@link BatchStatus#FAILED} when its owner was provably gone, so the
 *     execution was marked failed at once and can be restarted
 * @param explanation who owns the execution and why it counts as alive or gone
 */
public record StopResult(BatchStatus status, String explanation) {}
