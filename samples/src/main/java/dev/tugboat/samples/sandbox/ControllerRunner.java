package dev.tugboat.samples.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Controller}s on one thread: a controller reconciles after any write to a kind it
 * watches, and again when the delay it asked for has passed. A controller that throws is logged and
 * retried after a second.
 */
final class ControllerRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ControllerRunner.class);
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

  private final List<Controller> controllers;
  private final ClusterState state;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** When each controller is due (nanoTime); a controller missing here is not due. */
  private final Map<Controller, Long> due = new LinkedHashMap<>();

  private final Thread thread;
  private boolean busy;
  private boolean closed;

  ControllerRunner(List<Controller> controllers, ClusterState state, String sandboxName) {
    this.controllers = List.copyOf(controllers);
    this.state = state;
    this.thread = new Thread(this::run, "sandbox-" + sandboxName + "-controllers");
    this.thread.setDaemon(true);
  }

  void start() {
    lock.lock();
    try {
      // a first pass lets controllers act on what exists before any change
      long now = System.nanoTime();
      controllers.forEach(controller -> due.put(controller, now));
    } finally {
      lock.unlock();
    }
    if (!controllers.isEmpty()) {
      thread.start();
    }
  }

  /** Marks the controllers watching {@code type} due now. */
  void changed(ResourceType type) {
    String kind = type.kindKey();
    lock.lock();
    try {
      long now = System.nanoTime();
      boolean any = false;
      for (Controller controller : controllers) {
        if (controller.watchedKinds().contains(kind)) {
          due.put(controller, now);
          any = true;
        }
      }
      if (any) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until no controller is due or running (delayed requeues do not count).
   *
   * @return false if that did not happen within {@code timeout}
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    return await(timeout, false);
  }

  /**
   * Waits until no controller is due, running or requeued for later: the cluster will not change by
   * itself any more.
   *
   * @return false if that did not happen within {@code timeout}
   */
  boolean awaitSettled(Duration timeout) throws InterruptedException {
    return await(timeout, true);
  }

  private boolean await(Duration timeout, boolean includingLater) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (busy || !(includingLater ? due.isEmpty() : dueNow(System.nanoTime()).isEmpty())) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    while (true) {
      List<Controller> ready;
      lock.lock();
      try {
        ready = waitForWork();
        if (ready == null) {
          return;
        }
        ready.forEach(due::remove);
        busy = true;
      } finally {
        lock.unlock();
      }
      for (Controller controller : ready) {
        Optional<Duration> again = reconcile(controller);
        again.ifPresent(delay -> requeue(controller, delay));
      }
      lock.lock();
      try {
        busy = false;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** The controllers due now, waiting for one; null once closed. Holds the lock. */
  private List<Controller> waitForWork() {
    while (!closed) {
      long now = System.nanoTime();
      List<Controller> ready = dueNow(now);
      if (!ready.isEmpty()) {
        return ready;
      }
      long wait = due.values().stream().mapToLong(at -> at - now).min().orElse(Long.MAX_VALUE);
      try {
        changed.awaitNanos(Math.min(wait, TimeUnit.SECONDS.toNanos(1)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private List<Controller> dueNow(long now) {
    List<Controller> ready = new ArrayList<>();
    due.forEach(
        (controller, at) -> {
          if (at - now <= 0) {
            ready.add(controller);
          }
        });
    return ready;
  }

  private Optional<Duration> reconcile(Controller controller) {
    try {
      return controller.reconcile(state);
    } catch (RuntimeException e) {
      log.warn(
          "Controller {} failed; retrying in {}",
          controller.getClass().getSimpleName(),
          RETRY_AFTER_FAILURE,
          e);
      return Optional.of(RETRY_AFTER_FAILURE);
    }
  }

  private void requeue(Controller controller, Duration delay) {
    lock.lock();
    try {
      long at = System.nanoTime() + delay.toNanos();
      due.merge(controller, at, Math::min);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
