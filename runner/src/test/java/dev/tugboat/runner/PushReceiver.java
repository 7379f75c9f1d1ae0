package dev.tugboat.runner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server standing in for a Pushgateway: records each request, answers a set status.
 */
final class PushReceiver implements AutoCloseable {

  /** One request as received. */
  record Push(String method, String path, String contentType, String body) {}

  private final HttpServer server;
  private final List<Push> pushes = new CopyOnWriteArrayList<>();
  private volatile int status = 200;

  PushReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            pushes.add(
                new Push(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status, -1);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  void answer(int httpStatus) {
    this.status = httpStatus;
  }

  List<Push> pushes() {
    return List.copyOf(pushes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
