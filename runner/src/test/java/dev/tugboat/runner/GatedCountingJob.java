package dev.tugboat.runner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A small real job for the jobs commands: one chunk step, {@code count}, that reads 1..N two at a
 * time and can hold before an item until released, so that a test finds it running.
 */
final class GatedCountingJob {

  static final int CHUNK = 2;

  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final int items;
  private final int holdBefore;

  /**
   * @param holdBefore the item the reader waits before, until {@link #release()}; 0 never waits
   */
  GatedCountingJob(int items, int holdBefore) {
    this.items = items;
    this.holdBefore = holdBefore;
  }

  Job build(String name, RunnerFixture runner) {
    JobRepository jobRepository = runner.bean(JobRepository.class);
    return new JobBuilder(name, jobRepository)
        .start(
            new StepBuilder("count", jobRepository)
                .<Integer, Integer>chunk(CHUNK)
                .transactionManager(runner.bean(PlatformTransactionManager.class))
                .reader(new Reader())
                .writer(chunk -> {})
                .build())
        .build();
  }

  /** Waits until the reader holds before its item. */
  void awaitHeld() throws InterruptedException {
    if (!reached.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the job did not reach item " + holdBefore + " within 30 s");
    }
  }

  void release() {
    released.countDown();
  }

  /** Reads 1..N, resuming after the last committed item on a restart. */
  private final class Reader implements ItemStreamReader<Integer> {

    private int last;

    @Override
    public void open(ExecutionContext context) {
      last = context.getInt("last", 0);
    }

    @Override
    public void update(ExecutionContext context) {
      context.putInt("last", last);
    }

    @Override
    public Integer read() throws InterruptedException {
      if (last + 1 == holdBefore) {
        reached.countDown();
        if (!released.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("not released within 30 s");
        }
      }
      return last < items ? ++last : null;
    }
  }
}
