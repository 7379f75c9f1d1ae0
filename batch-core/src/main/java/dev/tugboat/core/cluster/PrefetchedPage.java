package dev.tugboat.core.cluster;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A page of a {@link PagedListReader} being fetched ahead, on a daemon thread that ends with the
 * request, so that a reader dropped without {@code close()} leaves nothing running.
 *
 * @param token the continue token of the page
 */
record PrefetchedPage(String token, CompletableFuture<Optional<PagedListPage>> page) {

  private static final String THREAD_NAME = "list-prefetch";

  static PrefetchedPage start(PagedListFetcher fetcher, String token) {
    return new PrefetchedPage(
        token,
        CompletableFuture.supplyAsync(
            () -> fetcher.fetch(token),
            task -> {
              Thread thread = new Thread(task, THREAD_NAME);
              thread.setDaemon(true);
              thread.start();
            }));
  }

  /**
   * Waits for the page; see {@link PagedListFetcher#fetch} for its meaning.
   *
   * @throws RuntimeException what the fetch threw, as it threw it
   */
  Optional<PagedListPage> await() {
    try {
      return page.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }
}
