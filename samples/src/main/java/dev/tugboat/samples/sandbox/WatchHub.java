package dev.tugboat.samples.sandbox;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bounded history of changes and the open watches. Watches may start from any resource version
 * still in the history; older ones are answered with 410 Expired, as by an API server whose watch
 * cache has moved on. Callers hold the store's write lock, so events arrive in resource version
 * order and a new watch misses none.
 */
final class WatchHub {

  private final int historySize;
  private final int watcherQueueSize;
  private final Deque<WatchEvent> history = new ArrayDeque<>();
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

  /** The newest resource version dropped from the history; watches must start at or after it. */
  private long oldestServable;

  WatchHub(int historySize, int watcherQueueSize) {
    this.historySize = historySize;
    this.watcherQueueSize = watcherQueueSize;
  }

  void publish(WatchEvent event) {
    history.addLast(event);
    if (history.size() > historySize) {
      oldestServable = history.removeFirst().resourceVersion();
    }
    for (Watcher watcher : watchers) {
      watcher.offer(event);
    }
  }

  /**
   * Opens a watch that first receives {@code initial} (synthetic ADDED events), then the history
   * after {@code fromResourceVersion}, then every new event.
   *
   * @throws ApiError 410 Expired when the history no longer reaches back that far
   */
  Watcher subscribe(
      String resource, String namespace, long fromResourceVersion, Collection<WatchEvent> initial) {
    if (fromResourceVersion < oldestServable) {
      throw new ApiError(
          410,
          "Expired",
          "too old resource version: " + fromResourceVersion + " (" + oldestServable + ")");
    }
    Watcher watcher = new Watcher(resource, namespace, watcherQueueSize);
    initial.forEach(watcher::offer);
    for (WatchEvent event : history) {
      if (event.resourceVersion() > fromResourceVersion) {
        watcher.offer(event);
      }
    }
    watchers.add(watcher);
    return watcher;
  }

  void unsubscribe(Watcher watcher) {
    watcher.close();
    watchers.remove(watcher);
  }

  /** Ends every watch of a resource, e.g. when its CRD is deleted. */
  void closeAll(String resource) {
    watchers.removeIf(
        watcher -> {
          if (watcher.resource().equals(resource)) {
            watcher.close();
            return true;
          }
          return false;
        });
  }

  void closeAll() {
    watchers.forEach(Watcher::close);
    watchers.clear();
  }
}
