package dev.tugboat.core.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.job.JobExecution;

/**
 * The job executions this process is running, so that a termination signal can stop them and wait
 * until they have ended.
 */
final class LocalRuns {

  private final Map<Long, JobExecution> running = new LinkedHashMap<>();

  synchronized void add(JobExecution execution) {
    running.put(execution.getId(), execution);
  }

  synchronized void remove(JobExecution execution) {
    running.remove(execution.getId());
    notifyAll();
  }

  synchronized List<JobExecution> snapshot() {
    return new ArrayList<>(running.values());
  }

  /**
   * Waits until no execution runs here any more.
   *
   * @return false when some still ran after {@code timeout}
   */
  synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!running.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
