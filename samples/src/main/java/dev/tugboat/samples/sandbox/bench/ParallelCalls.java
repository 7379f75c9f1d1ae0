package dev.tugboat.samples.sandbox.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** Runs numbered calls on a fixed number of threads and measures their rate. */
final class ParallelCalls {

  private ParallelCalls() {}

  /**
   * Calls {@code call} with every number from {@code from} (inclusive) to {@code to} (exclusive),
   * spread over {@code threads} threads, and waits for all of them.
   *
   * @return calls per second
   * @throws IllegalStateException naming the first call that failed; the rest are then skipped
   */
  static double perSecond(int threads, int from, int to, IntConsumer call)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger(from);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          int number;
          while (failure.get() == null && (number = next.getAndIncrement()) < to) {
            try {
              call.accept(number);
            } catch (RuntimeException e) {
              failure.compareAndSet(
                  null, new IllegalStateException("call " + number + ": " + e, e));
            }
          }
        };
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      Thread thread = new Thread(worker, "benchmark-client-" + i);
      workers.add(thread);
      thread.start();
    }
    for (Thread thread : workers) {
      thread.join();
    }
    long elapsed = System.nanoTime() - start;
    if (failure.get() != null) {
      throw failure.get();
    }
    return (to - from) * 1e9 / elapsed;
  }
}
