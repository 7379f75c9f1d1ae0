package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.tugboat.samples.sandbox.cluster.NodeFactory;
import dev.tugboat.samples.sandbox.seed.Seed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A local Kubernetes API server for tests, demos and benchmarks: a test double, not a cluster. It
 * speaks the API over real HTTP(S) to the official Java client and to {@code kubectl} (discovery,
 * CRUD, every patch type, paging, selectors, watch, garbage collection, namespaces, finalizers, dry
 * run, status and scale subresources, CRDs), keeps objects in memory, and can add latency and
 * inject faults. Containers never run, but unless {@link SandboxOptions#simulation()} is off a
 * simulated cluster ({@link dev.tugboat.samples.sandbox.cluster}: workload controllers, scheduler,
 * kubelet, LimitRange and quota admission) makes it behave like one: Deployments get running pods
 * on its nodes. It can start from seed data ({@link SandboxOptions#seed()}).
 *
 * <pre>{@code
 * SandboxOptions options =
 *     SandboxOptions.builder().nodes(new NodePool(3, "8", "32Gi")).seed(Seeds.named("demo")).build();
 * try (Sandbox sandbox = Sandbox.start(options)) {
 *   sandbox.writeKubeconfig(Path.of("kubeconfig"), "sandbox");
 *   // kubectl --kubeconfig kubeconfig get namespaces
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

  static {
    // The JDK server writes headers and body in separate packets; with Nagle's algorithm the body
    // then waits for the client's delayed ACK, some 40 ms per request. Read once, when the JDK's
    // server configuration class loads, so it must be set before the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final String[] SYSTEM_NAMESPACES = {
    "default", "kube-system", "kube-public", "kube-node-lease"
  };

  private final SandboxOptions options;
  private final ObjectStore store;
  private final ObjectService service;
  private final ContinueTokens continueTokens;
  private final RequestStats stats;
  private final ControllerRunner controllers;
  private final HttpServer server;
  private final ExecutorService executor;
  private final TlsMaterial tls;

  private Sandbox(SandboxOptions options) throws IOException {
    this.options = options;
    ResourceTypes types = ResourceTypes.withBuiltIns();
    this.store = new ObjectStore(new WatchHub(options.watchHistorySize(), 100_000));
    this.continueTokens = new ContinueTokens(options.clock(), options.continueTokenTtl());
    this.service =
        new ObjectService(
            store,
            types,
            SimulatedCluster.admissions(options, types),
            options.clock(),
            new Random(options.faultSeed()),
            continueTokens);
    // before the server binds its port, so that a refused seed object leaves nothing open
    populate(options, service.state());
    this.stats = new RequestStats();
    this.controllers =
        new ControllerRunner(
            SimulatedCluster.controllers(options), service.state(), options.name());
    ObjectRenderer renderer = new ObjectRenderer(types);
    TableRenderer tables = new TableRenderer(options.clock(), renderer);
    SandboxHandler handler =
        new SandboxHandler(
            new DiscoveryRequests(new DiscoveryDocuments(types), new OpenApiDocuments(types)),
            new ResourceRequests(
                service, renderer, tables, new WatchStream(store, renderer, tables)),
            stats,
            new FaultInjector(options.faults(), options.faultSeed()),
            options.latency(),
            options.sleeper(),
            continueTokens);
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port());
    if (options.tls()) {
      this.tls = TlsMaterial.generate();
      HttpsServer https = HttpsServer.create(address, 0);
      https.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
      this.server = https;
    } else {
      this.tls = null;
      this.server = HttpServer.create(address, 0);
    }
    this.executor =
        Executors.newCachedThreadPool(daemonThreads("sandbox-" + options.name() + "-http"));
    server.setExecutor(executor);
    server.createContext("/", handler);
    handler.serverAddress("127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Starts a sandbox: its system namespaces ({@code default}, {@code kube-system}, {@code
   * kube-public}, {@code kube-node-lease}), nodes and seed objects exist, its controllers run, and
   * it listens.
   *
   * @throws IllegalStateException when a seed object is refused, naming it
   */
  public static Sandbox start(SandboxOptions options) throws IOException {
    Sandbox sandbox = new Sandbox(options);
    sandbox.store.addListener(sandbox.controllers::changed);
    sandbox.controllers.start();
    sandbox.server.start();
    return sandbox;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
  public String url() {
    return (tls == null ? "http" : "https") + "://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String name() {
    return options.name();
  }

  public SandboxOptions options() {
    return options;
  }

  /** The objects, as controllers see them; writes here are like API writes. */
  public ClusterState state() {
    return service.state();
  }

  /** The CA certificate (PEM) clients must trust; empty without TLS. */
  public Optional<String> caCertificatePem() {
    return Optional.ofNullable(tls).map(TlsMaterial::caCertificatePem);
  }

  /**
   * Writes a kubeconfig whose current context, {@code contextName}, points at this sandbox (a dummy
   * bearer token; the CA when TLS is on).
   *
   * @return {@code file}
   */
  public Path writeKubeconfig(Path file, String contextName) throws IOException {
    return Kubeconfigs.write(file, contextName, url(), caCertificatePem().orElse(null));
  }

  /** The request counters also served at {@code GET /sandbox/stats}. */
  public JsonObject stats() {
    return stats.toJson();
  }

  public void resetStats() {
    stats.reset();
  }

  /** Makes every LIST continue token issued so far answer 410 Expired. */
  public void expireContinueTokens() {
    continueTokens.expireAll();
  }

  /**
   * Waits until the controllers have nothing to do right now.
   *
   * @return false if they were still busy after {@code timeout}
   */
  public boolean awaitControllersIdle(Duration timeout) throws InterruptedException {
    return controllers.awaitIdle(timeout);
  }

  /**
   * Waits until the controllers have nothing left to do, now or later (a Job's pods finishing
   * included), so that the cluster stays as it is until someone changes it.
   *
   * @return false if they were still busy after {@code timeout}
   */
  public boolean awaitSettled(Duration timeout) throws InterruptedException {
    return controllers.awaitSettled(timeout);
  }

  /** Stops serving and ends every watch. */
  @Override
  public void close() {
    controllers.close();
    store.write(
        () -> {
          store.watches().closeAll();
          return null;
        });
    server.stop(0);
    executor.shutdownNow();
  }

  private static void populate(SandboxOptions options, ClusterState state) {
    for (String namespace : SYSTEM_NAMESPACES) {
      JsonObject object = new JsonObject();
      object.addProperty("apiVersion", "v1");
      object.addProperty("kind", "Namespace");
      JsonObject metadata = new JsonObject();
      metadata.addProperty("name", namespace);
      object.add("metadata", metadata);
      state.create(object);
    }
    SandboxOptions.NodePool pool = options.nodes();
    new NodeFactory(options.clock(), pool.cpu(), pool.memory())
        .nodes(pool.count())
        .forEach(state::create);
    load(options.seed(), state);
  }

  /**
   * Creates the seed's objects one by one, each kept with the status it carries (bound volumes),
   * before the controllers run: they then act on the whole seed at once.
   */
  private static void load(Seed seed, ClusterState state) {
    try (Stream<JsonObject> objects = seed.objects()) {
      objects.forEach(
          object -> {
            try {
              state.create(object);
            } catch (ApiError | IllegalArgumentException e) {
              throw new IllegalStateException(
                  "seed \""
                      + seed.name()
                      + "\": cannot create "
                      + JsonFields.string(object, "kind")
                      + " "
                      + JsonFields.key(object)
                      + ": "
                      + e.getMessage(),
                  e);
            }
          });
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
