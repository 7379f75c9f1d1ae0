package dev.tugboat.core.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every object of one resource type, page by page (LIST with {@code limit} and {@code
 * continue}), keeping one page in memory. Items are raw JSON, so fields this client version does
 * not know survive, and each has {@code apiVersion} and {@code kind} set.
 *
 * <p>Restartable: {@link #update} saves the token that loaded the current page, how many items were
 * taken from it and the key ({@code namespace/name}) of the last item handed out; {@link #open}
 * resumes right after that item. Continue tokens expire (410 Gone, typically after minutes), so
 * when the saved token, or a token met while reading, has expired, the reader lists from the start
 * again and skips every item whose key is not after the last key. That relies on LIST returning
 * objects in storage-key order (namespace, then name), which the API server does.
 *
 * <p>The saved position lives under keys prefixed with the reader's name, so several readers can
 * share one {@link ExecutionContext}. Not thread-safe: one step thread reads.
 */
public final class PagedListReader implements ItemStreamReader<JsonObject> {

  private final PagedListFetcher fetcher;
  private final String name;

  private final Deque<JsonObject> page = new ArrayDeque<>();

  /** The token that loaded the current page; {@code null} for the first page. */
  private String pageToken;

  /** The token of the page after the current one; {@code null} when this is the last page. */
  private String nextToken;

  /** Items taken off the current page: handed out, or skipped when finding the place again. */
  private int consumedFromPage;

  /** Key of the last item handed out; empty before the first. */
  private String lastKey = "";

  private long readCount;

  /** False until the first read after construction or {@link #open}: loads the page to read. */
  private boolean positioned;

  private PagedListReader(Builder builder) {
    this.fetcher =
        new PagedListFetcher(
            builder.apiClient,
            builder.resource,
            builder.namespace,
            builder.pageSize,
            builder.labelSelector,
            builder.fieldSelector);
    this.name = builder.name;
  }

  /**
   * Starts a reader.
   *
   * @param name prefix of this reader's keys in the {@link ExecutionContext}; unique among the
   *     readers sharing a context
   * @param apiClient the cluster connection
   * @param resource the resource type to list
   */
  public static Builder builder(String name, ApiClient apiClient, ApiResource resource) {
    return new Builder(name, apiClient, resource);
  }

  @Override
  public void open(ExecutionContext context) {
    pageToken = context.getString(contextKey(Key.PAGE_TOKEN), null);
    consumedFromPage = context.getInt(contextKey(Key.CONSUMED_FROM_PAGE), 0);
    lastKey = context.getString(contextKey(Key.LAST_KEY), "");
    readCount = context.getLong(contextKey(Key.READ_COUNT), 0);
    page.clear();
    positioned = false;
  }

  @Override
  public JsonObject read() {
    if (!positioned) {
      position();
      positioned = true;
    }
    while (page.isEmpty()) {
      if (nextToken == null) {
        return null;
      }
      loadNextPage();
    }
    JsonObject item = page.removeFirst();
    consumedFromPage++;
    readCount++;
    lastKey = keyOf(item);
    return item;
  }

  @Override
  public void update(ExecutionContext context) {
    if (pageToken == null) {
      context.remove(contextKey(Key.PAGE_TOKEN));
    } else {
      context.putString(contextKey(Key.PAGE_TOKEN), pageToken);
    }
    context.putInt(contextKey(Key.CONSUMED_FROM_PAGE), consumedFromPage);
    context.putString(contextKey(Key.LAST_KEY), lastKey);
    context.putLong(contextKey(Key.READ_COUNT), readCount);
  }

  @Override
  public void close() {
    page.clear();
  }

  /** Items handed out so far, including those read before a restart. */
  public long readCount() {
    return readCount;
  }

  /** Loads the page to read next: the first one, or the saved one after a restart. */
  private void position() {
    if (pageToken == null) {
      // The first page is listed afresh, not from the snapshot read before a restart: objects may
      // have come or gone before the last key, so only the key says where to go on.
      relistAfter(lastKey);
      return;
    }
    Optional<PagedListPage> saved = fetcher.fetch(pageToken);
    if (saved.isPresent()) {
      // A continue token pins the listing's snapshot, so the page is the same as before.
      setPage(saved.get(), pageToken, consumedFromPage);
    } else {
      // A new listing: the count taken from the expired page means nothing in it.
      relistAfter(lastKey);
    }
  }

  private void loadNextPage() {
    Optional<PagedListPage> next = fetcher.fetch(nextToken);
    if (next.isPresent()) {
      setPage(next.get(), nextToken, 0);
    } else {
      relistAfter(lastKey);
    }
  }

  /**
   * Lists from the start and stops at the first item whose key is after {@code key}. The fields
   * change only once the place is found, so a failed request leaves the saved position intact.
   */
  private void relistAfter(String key) {
    String token = null;
    while (true) {
      PagedListPage candidate =
          fetcher
              .fetch(token)
              .orElseThrow(
                  () ->
                      new ItemStreamException(
                          fetcher.request()
                              + ": the continue token expired again while skipping to the item"
                              + " after \""
                              + key
                              + "\""));
      int notAfter = countLeadingNotAfter(candidate.items(), key);
      if (notAfter < candidate.items().size() || candidate.continueToken() == null) {
        setPage(candidate, token, notAfter);
        return;
      }
      token = candidate.continueToken();
    }
  }

  /** Makes {@code loaded} the current page, its first {@code consumed} items already taken. */
  private void setPage(PagedListPage loaded, String token, int consumed) {
    List<JsonObject> items = loaded.items();
    page.clear();
    page.addAll(items.subList(Math.min(consumed, items.size()), items.size()));
    pageToken = token;
    nextToken = loaded.continueToken();
    consumedFromPage = consumed;
  }

  private static int countLeadingNotAfter(List<JsonObject> items, String key) {
    int count = 0;
    while (count < items.size() && keyOf(items.get(count)).compareTo(key) <= 0) {
      count++;
    }
    return count;
  }

  /**
   * {@code namespace/name}, or {@code name} for cluster-scoped objects: the order of the API
   * server's storage keys, hence of LIST results.
   */
  private static String keyOf(JsonObject item) {
    JsonObject metadata = item.getAsJsonObject("metadata");
    JsonElement namespace = metadata.get("namespace");
    String name = metadata.get("name").getAsString();
    return namespace == null || namespace.isJsonNull()
        ? name
        : namespace.getAsString() + "/" + name;
  }

  private String contextKey(Key key) {
    return name + "." + key.suffix;
  }

  /** What the reader keeps in the {@link ExecutionContext}, under {@code <name>.<suffix>}. */
  private enum Key {
    PAGE_TOKEN("pageToken"),
    CONSUMED_FROM_PAGE("consumedFromPage"),
    LAST_KEY("lastKey"),
    READ_COUNT("readCount");

    private final String suffix;

    Key(String suffix) {
      this.suffix = suffix;
    }
  }

  /** Options of a {@link PagedListReader}; only the name, client and resource are required. */
  public static final class Builder {

    private final String name;
    private final ApiClient apiClient;
    private final ApiResource resource;
    private String namespace;
    private int pageSize = 500;
    private String labelSelector;
    private String fieldSelector;

    private Builder(String name, ApiClient apiClient, ApiResource resource) {
      this.name = Objects.requireNonNull(name, "name");
      this.apiClient = Objects.requireNonNull(apiClient, "apiClient");
      this.resource = Objects.requireNonNull(resource, "resource");
    }

    /** The namespace to list; {@code null} (the default) lists all namespaces. */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** Objects per LIST request; 500 by default, as kubectl uses. */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("page size must be positive: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** A label selector such as {@code app=shop,tier!=cache}; none by default. */
    public Builder labelSelector(String labelSelector) {
      this.labelSelector = labelSelector;
      return this;
    }

    /** A field selector such as {@code type!=kubernetes.io/service-account-token}. */
    public Builder fieldSelector(String fieldSelector) {
      this.fieldSelector = fieldSelector;
      return this;
    }

    public PagedListReader build() {
      if (namespace != null && !resource.namespaced()) {
        throw new IllegalArgumentException(
            resource.groupResource()
                + " is cluster-scoped; it cannot be listed in namespace \""
                + namespace
                + "\"");
      }
      return new PagedListReader(this);
    }
  }
}
