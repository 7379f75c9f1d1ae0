package dev.tugboat.samples.sandbox.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.job.BackupRequest;
import dev.tugboat.backup.plan.BackupPlan;
import dev.tugboat.backup.plan.BackupPlanner;
import dev.tugboat.backup.plan.ClusterNamespace;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.backup.plan.ListPartition;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.ResourceDiscovery;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * The floor a backup is measured against: the LISTs of Tugboat's plan for "everything" (the same
 * discovery and {@link BackupPlanner}, a pure function), each paged with {@code limit} and {@code
 * continue} over plain HTTP, on as many threads as Tugboat's default parallelism, every page's JSON
 * gzipped into a sink that only counts. No Spring Batch, no staging, no archive layout: the least
 * work that reads every object and compresses it.
 *
 * <p>The benchmark runs it with {@link #main} in a fresh JVM with the launcher's options, as
 * Tugboat runs ({@link FloorBackupProcess}); {@link #run} is the same work in the caller's JVM.
 */
final class FloorBackup {

  /** What {@link #main} prints last: {@code floor: 42 objects, 1234 gzip bytes}. */
  static final String SUMMARY_FORMAT = "floor: %d objects, %d gzip bytes%n";

  private final String baseUrl;
  private final int parallelism;
  private final int pageLimit;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  FloorBackup(String baseUrl, int parallelism, int pageLimit) {
    this.baseUrl = baseUrl;
    this.parallelism = parallelism;
    this.pageLimit = pageLimit;
  }

  /**
   * Lists everything once and prints the {@link #SUMMARY_FORMAT summary}.
   *
   * @param args the sandbox's base URL, the LISTs at once, the page limit
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: FloorBackup BASE_URL PARALLELISM PAGE_LIMIT");
    }
    Result result =
        new FloorBackup(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2])).run();
    System.out.printf(SUMMARY_FORMAT, result.objects(), result.gzippedBytes());
  }

  /** Lists everything once; the caller reads the sandbox's request counter around it. */
  Result run() throws IOException, InterruptedException {
    CountingSink sink = new CountingSink();
    ResourceCatalog catalog =
        new ResourceDiscovery(new ClientBuilder().setBasePath(baseUrl).build()).discover();
    List<ClusterNamespace> namespaces = new ArrayList<>();
    long objects = list("/api/v1/namespaces", sink, namespaces);
    BackupPlan plan =
        BackupPlanner.plan(
            catalog,
            BackupRequest.everything("floor").selection(),
            namespaces,
            IncludeClusterResources.AUTO);
    ExecutorService threads = Executors.newFixedThreadPool(parallelism);
    try {
      List<Future<Long>> lists = new ArrayList<>();
      for (ListPartition partition : plan.partitions()) {
        lists.add(threads.submit(() -> list(path(partition), sink, null)));
      }
      for (Future<Long> listed : lists) {
        objects += listed.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a LIST of the floor failed: " + e.getCause(), e.getCause());
    } finally {
      threads.shutdownNow();
    }
    return new Result(objects, sink.count());
  }

  /**
   * @param objects the objects listed
   * @param gzippedBytes the bytes of the gzipped pages
   */
  record Result(long objects, long gzippedBytes) {}

  /**
   * Reads every page of one LIST into {@code sink}, gzipped.
   *
   * @param namespaces where to add the namespaces listed, or null when not listing namespaces
   * @return the objects listed
   */
  private long list(String path, CountingSink sink, List<ClusterNamespace> namespaces)
      throws IOException, InterruptedException {
    long objects = 0;
    String continueToken = "";
    try (GZIPOutputStream gzip = new GZIPOutputStream(sink)) {
      do {
        byte[] page = get(path, continueToken);
        gzip.write(page);
        JsonObject list =
            JsonParser.parseString(new String(page, StandardCharsets.UTF_8)).getAsJsonObject();
        for (JsonElement item : list.getAsJsonArray("items")) {
          objects++;
          if (namespaces != null) {
            // labels and phase only matter to namespaces excluded from backups, which the
            // generated seeds have none of
            namespaces.add(
                ClusterNamespace.active(
                    item.getAsJsonObject().getAsJsonObject("metadata").get("name").getAsString()));
          }
        }
        JsonElement next = list.getAsJsonObject("metadata").get("continue");
        continueToken = next == null || next.isJsonNull() ? "" : next.getAsString();
      } while (!continueToken.isEmpty());
    }
    return objects;
  }

  private byte[] get(String path, String continueToken) throws IOException, InterruptedException {
    String query =
        "?limit="
            + pageLimit
            + (continueToken.isEmpty()
                ? ""
                : "&continue=" + URLEncoder.encode(continueToken, StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path + query)).build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + query + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  /** {@code /api/v1/configmaps}, {@code /apis/apps/v1/namespaces/shop/deployments}... */
  private static String path(ListPartition partition) {
    String groupVersion =
        partition.group().isEmpty()
            ? "/api/" + partition.version()
            : "/apis/" + partition.group() + "/" + partition.version();
    String namespace = partition.namespaceToList();
    return groupVersion
        + (namespace == null ? "" : "/namespaces/" + namespace)
        + "/"
        + partition.plural();
  }

  /** Counts what the gzip streams write, from all threads, and keeps nothing. */
  private static final class CountingSink extends OutputStream {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void write(int b) {
      count.incrementAndGet();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count.addAndGet(length);
    }

    /** Closing one gzip stream must not close the sink the others still write to. */
    @Override
    public void close() {
      // nothing to release
    }

    long count() {
      return count.get();
    }
  }
}
