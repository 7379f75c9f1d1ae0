package dev.tugboat.runner.metrics;

import dev.tugboat.core.cluster.ApiRequestCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.batch.core.job.JobExecution;

/**
 * The job runs the current command ran, each with the API requests made meanwhile. A run started
 * while another runs (a migration's restores) is part of it and not listed on its own: the API
 * requests it makes count towards the outer run.
 */
public final class FinishedRuns {

  /** A job start that may fail, e.g. {@code JobRunStarter.run}. */
  @FunctionalInterface
  public interface Start {
    JobExecution run() throws Throwable;
  }

  private final ApiRequestCounter counter;
  private final Function<JobExecution, String> runName;
  private final AtomicInteger running = new AtomicInteger();
  private final List<FinishedRun> finished = new ArrayList<>();

  /**
   * @param counter the requests to attribute to runs
   * @param runName the name an operator gave the run of an execution
   */
  public FinishedRuns(ApiRequestCounter counter, Function<JobExecution, String> runName) {
    this.counter = counter;
    this.runName = runName;
  }

  /** Runs {@code start} and, unless it is part of an outer run, records the run it returns. */
  public JobExecution record(Start start) throws Throwable {
    ApiRequestCounter.Counts before = counter.snapshot();
    boolean outermost = running.getAndIncrement() == 0;
    try {
      JobExecution execution = start.run();
      if (outermost) {
        add(new FinishedRun(execution, runName.apply(execution), counter.snapshot().since(before)));
      }
      return execution;
    } finally {
      running.decrementAndGet();
    }
  }

  private synchronized void add(FinishedRun run) {
    finished.add(run);
  }

  /** The runs recorded since the last call, in the order they ended; forgets them. */
  public synchronized List<FinishedRun> takeAll() {
    List<FinishedRun> runs = List.copyOf(finished);
    finished.clear();
    return runs;
  }
}
