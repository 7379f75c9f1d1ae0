package dev.tugboat.samples.demo;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tugboat.samples.sandbox.ClusterState;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The demo's twist: a migration webhook, called before each application moves, that plays another
 * team taking room in the standby just before {@code payments} lands there: it creates the
 * namespace with a ResourceQuota of one pod. The capacity plan, made earlier, could not know; the
 * migration sees the quota refuse the second replica and steps payments down its ladder.
 */
final class RoomGrab implements AutoCloseable {

  /** The application whose room is taken. */
  static final String APPLICATION = "payments";

  private final HttpServer server;
  private final ClusterState standby;

  private RoomGrab(HttpServer server, ClusterState standby) {
    this.server = server;
    this.standby = standby;
  }

  /** Listens on a free port of the loopback interface (plain http is allowed only there). */
  static RoomGrab start(ClusterState standby) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    RoomGrab grab = new RoomGrab(server, standby);
    server.createContext("/", grab::handle);
    server.start();
    return grab;
  }

  /** Where the plan's {@code beforeApplication} webhook points. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/before-application");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      JsonObject hook =
          JsonParser.parseString(new String(body.readAllBytes(), StandardCharsets.UTF_8))
              .getAsJsonObject();
      if (APPLICATION.equals(hook.get("application").getAsString())) {
        takeRoom();
      }
      exchange.sendResponseHeaders(204, -1);
    }
  }

  private void takeRoom() {
    if (standby.get("v1", "Namespace", null, APPLICATION).isEmpty()) {
      standby.create(object("Namespace", null, APPLICATION));
    }
    JsonObject quota = object("ResourceQuota", APPLICATION, "another-team");
    JsonObject hard = new JsonObject();
    hard.addProperty("pods", "1");
    JsonObject spec = new JsonObject();
    spec.add("hard", hard);
    quota.add("spec", spec);
    if (standby.get("v1", "ResourceQuota", APPLICATION, "another-team").isEmpty()) {
      standby.create(quota);
    }
  }

  private static JsonObject object(String kind, String namespace, String name) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    if (namespace != null) {
      metadata.addProperty("namespace", namespace);
    }
    JsonObject object = new JsonObject();
    object.addProperty("apiVersion", "v1");
    object.addProperty("kind", kind);
    object.add("metadata", metadata);
    return object;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
