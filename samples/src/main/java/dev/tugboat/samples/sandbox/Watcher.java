package dev.tugboat.samples.sandbox;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open watch: the events of one resource (in one namespace, or all) waiting to be streamed. The
 * queue is bounded; a watcher that falls that far behind is closed, as the API server drops slow
 * watchers, and its client watches again.
 */
final class Watcher {

  private final String resource;
  private final String namespace;
  private final BlockingQueue<WatchEvent> queue;
  private volatile boolean closed;

  Watcher(String resource, String namespace, int capacity) {
    this.resource = resource;
    this.namespace = namespace;
    this.queue = new LinkedBlockingQueue<>(capacity);
  }

  /** Queues the event if it concerns this watch. */
  void offer(WatchEvent event) {
    if (closed || !event.resource().equals(resource)) {
      return;
    }
    if (namespace != null && !namespace.equals(event.object().namespace())) {
      return;
    }
    if (!queue.offer(event)) {
      closed = true;
    }
  }

  /**
   * The next event, or null when none came within the wait or the watcher is closed.
   *
   * @throws InterruptedException when the server stops
   */
  WatchEvent poll(long waitMillis) throws InterruptedException {
    if (closed && queue.isEmpty()) {
      return null;
    }
    return queue.poll(waitMillis, TimeUnit.MILLISECONDS);
  }

  String resource() {
    return resource;
  }

  boolean isClosed() {
    return closed && queue.isEmpty();
  }

  void close() {
    closed = true;
  }
}
