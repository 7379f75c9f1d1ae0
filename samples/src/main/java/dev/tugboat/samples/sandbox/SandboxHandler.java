package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tugboat.core.cluster.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler of the sandbox: adds the configured latency, injects faults into object
 * requests and refuses the forbidden resources, routes to discovery, objects or the sandbox's own
 * endpoints ({@code /sandbox/...}), turns errors into {@code Status} answers and counts every API
 * request.
 */
final class SandboxHandler implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(SandboxHandler.class);
  private static final String SANDBOX_PREFIX = "/sandbox/";

  private final DiscoveryRequests discovery;
  private final ResourceRequests resources;
  private final RequestStats stats;
  private final FaultInjector faults;
  private final Duration latency;
  private final Sleeper sleeper;
  private final ContinueTokens continueTokens;
  private volatile String serverAddress = "";

  SandboxHandler(
      DiscoveryRequests discovery,
      ResourceRequests resources,
      RequestStats stats,
      FaultInjector faults,
      Duration latency,
      Sleeper sleeper,
      ContinueTokens continueTokens) {
    this.discovery = discovery;
    this.resources = resources;
    this.stats = stats;
    this.faults = faults;
    this.latency = latency;
    this.sleeper = sleeper;
    this.continueTokens = continueTokens;
  }

  /** The {@code host:port} that {@code /api} announces. */
  void serverAddress(String address) {
    this.serverAddress = address;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.startsWith(SANDBOX_PREFIX)) {
      handleSandbox(exchange, path.substring(SANDBOX_PREFIX.length()));
      return;
    }
    HttpQuery query = HttpQuery.parse(exchange.getRequestURI().getRawQuery());
    Optional<ApiPath> apiPath = ApiPath.parse(path);
    String verb =
        apiPath
            .map(p -> ResourceRequests.verb(exchange.getRequestMethod(), p, query))
            .orElse("get");
    String resource = apiPath.map(SandboxHandler::resourceName).orElse("discovery");
    boolean shortRequest = !verb.equals("watch");
    if (shortRequest) {
      stats.started();
    }
    try {
      delay();
      if (apiPath.isPresent()) {
        if (faults.forbids(resource)) {
          throw forbidden(verb, apiPath.get());
        }
        Optional<FaultInjector.Fault> fault = faults.draw();
        if (fault.isPresent()) {
          stats.fault(fault.get());
          fail(exchange, fault.get(), apiPath.get());
          return;
        }
        resources.handle(exchange, apiPath.get(), query);
      } else if (!discovery.handle(exchange, path, serverAddress)) {
        throw new ApiError(404, "NotFound", "the server could not find the requested resource");
      }
    } catch (ApiError e) {
      answerError(exchange, e, apiPath.orElse(null));
    } catch (RuntimeException e) {
      log.warn("{} {} failed", exchange.getRequestMethod(), path, e);
      answerError(
          exchange,
          new ApiError(500, "InternalError", "Internal error occurred: " + e),
          apiPath.orElse(null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } finally {
      stats.record(verb, resource, Math.max(exchange.getResponseCode(), 0), shortRequest);
    }
  }

  private void delay() throws InterruptedException {
    if (!latency.isZero()) {
      sleeper.sleep(latency);
      stats.delayed(latency.toMillis());
    }
  }

  private static void fail(HttpExchange exchange, FaultInjector.Fault fault, ApiPath path)
      throws IOException {
    switch (fault) {
      case TOO_MANY_REQUESTS -> {
        exchange.getResponseHeaders().set("Retry-After", "1");
        Responses.error(
            exchange,
            new ApiError(429, "TooManyRequests", "Too many requests, please try again later."),
            path);
      }
      case SERVER_ERROR ->
          Responses.error(
              exchange,
              new ApiError(
                  500, "InternalError", "Internal error occurred: injected by the sandbox"),
              path);
      case RESET -> exchange.close(); // no answer: the connection just closes
    }
  }

  /** The refusal of Kubernetes' RBAC authorizer, word for word but for the user's name. */
  private static ApiError forbidden(String verb, ApiPath path) {
    String scope =
        path.namespace() == null
            ? "at the cluster scope"
            : "in the namespace \"" + path.namespace() + "\"";
    return ApiError.forbidden(
        path.plural()
            + " is forbidden: User \"sandbox\" cannot "
            + verb
            + " resource \""
            + path.plural()
            + "\" in API group \""
            + path.group()
            + "\" "
            + scope);
  }

  private static void answerError(HttpExchange exchange, ApiError error, ApiPath path)
      throws IOException {
    if (exchange.getResponseCode() != -1) {
      // headers are out (a watch already streaming): nothing more can be said
      exchange.close();
      return;
    }
    Responses.error(exchange, error, path);
  }

  private void handleSandbox(HttpExchange exchange, String endpoint) throws IOException {
    String method = exchange.getRequestMethod();
    if (endpoint.equals("stats") && method.equals("GET")) {
      Responses.json(exchange, 200, stats.toJson());
    } else if (endpoint.equals("stats") && method.equals("DELETE")) {
      stats.reset();
      Responses.json(exchange, 200, stats.toJson());
    } else if (endpoint.equals("expire-continue-tokens") && method.equals("POST")) {
      continueTokens.expireAll();
      JsonObject answer = new JsonObject();
      answer.addProperty("expired", true);
      Responses.json(exchange, 200, answer);
    } else {
      Responses.error(
          exchange,
          new ApiError(
              404,
              "NotFound",
              "the sandbox has GET and DELETE /sandbox/stats and POST"
                  + " /sandbox/expire-continue-tokens, not "
                  + method
                  + " /sandbox/"
                  + endpoint),
          null);
    }
  }

  /** {@code pods}, {@code deployments.apps}, {@code deployments.apps/scale}. */
  private static String resourceName(ApiPath path) {
    String resource = path.group().isEmpty() ? path.plural() : path.plural() + "." + path.group();
    return path.subresource() == null ? resource : resource + "/" + path.subresource();
  }
}
