package dev.tugboat.core.jobs;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads 1..N, storing the last item read in the step's execution context so that a restart goes on
 * after the last committed chunk.
 */
final class CountingReader implements ItemStreamReader<Integer> {

  private static final String LAST_READ = "counting.last";

  private final int items;
  private int last;

  CountingReader(int items) {
    this.items = items;
  }

  @Override
  public void open(ExecutionContext context) {
    last = context.getInt(LAST_READ, 0);
  }

  @Override
  public void update(ExecutionContext context) {
    context.putInt(LAST_READ, last);
  }

  @Override
  public Integer read() {
    return last < items ? ++last : null;
  }
}
