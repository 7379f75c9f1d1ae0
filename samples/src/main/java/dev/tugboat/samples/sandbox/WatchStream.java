package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Streams one watch over HTTP: chunked, one JSON event per line ({@code {"type":"ADDED",
 * "object":{...}}}), as the API server does for clients that do not ask for WebSockets. Selectors
 * apply to both sides of a change, so an object that stops matching is reported DELETED and one
 * that starts matching ADDED. Ends at {@code timeoutSeconds}, when the sandbox stops or the client
 * goes away. A client that asks for a {@code Table} ({@code kubectl get -w}) gets each object as a
 * one-row Table, with the column definitions in the first event only, as the API server sends them.
 */
final class WatchStream {

  private static final long POLL_MILLIS = 500;
  private static final byte[] NEWLINE = {'\n'};

  private final ObjectStore store;
  private final ObjectRenderer renderer;
  private final TableRenderer tables;

  WatchStream(ObjectStore store, ObjectRenderer renderer, TableRenderer tables) {
    this.store = store;
    this.renderer = renderer;
    this.tables = tables;
  }

  void stream(
      HttpExchange exchange,
      ResourceType type,
      String namespace,
      ObjectFilter filter,
      long fromResourceVersion,
      Duration timeout,
      boolean bookmarks,
      TableRequest table)
      throws IOException {
    Watcher watcher;
    try {
      watcher = store.watch(type, namespace, fromResourceVersion);
    } catch (ApiError tooOld) {
      // A watch that cannot start still answers 200; the error is its one event.
      start(exchange);
      try (OutputStream out = exchange.getResponseBody()) {
        write(out, "ERROR", Json.bytes(Responses.status(tooOld, null)));
      }
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean first = true;
    start(exchange);
    try (OutputStream out = exchange.getResponseBody()) {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          if (bookmarks) {
            write(out, "BOOKMARK", bookmark(type));
          }
          break;
        }
        WatchEvent event =
            watcher.poll(Math.min(POLL_MILLIS, Duration.ofNanos(left).toMillis() + 1));
        if (event == null) {
          if (watcher.isClosed()) {
            break;
          }
          continue;
        }
        String eventType = typeFor(event, filter);
        if (eventType != null) {
          write(out, eventType, render(event.object(), type, table, first));
          first = false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientGone) {
      // the client stopped watching; nothing to tell it
    } finally {
      store.watches().unsubscribe(watcher);
      exchange.close();
    }
  }

  /** The object of an event: as stored, or as a one-row Table when the client asked for one. */
  private byte[] render(StoredObject object, ResourceType type, TableRequest table, boolean first) {
    if (table == null) {
      return renderer.render(object, type);
    }
    JsonObject metadata = new JsonObject();
    metadata.addProperty("resourceVersion", String.valueOf(object.resourceVersion()));
    JsonObject row = tables.render(type, List.of(object.toJson()), metadata, table);
    if (!first) {
      row.add("columnDefinitions", new JsonArray());
    }
    return Json.bytes(row);
  }

  /** The event type the client sees, or null when the change is invisible through the filter. */
  private static String typeFor(WatchEvent event, ObjectFilter filter) {
    if (filter.isEmpty()) {
      return event.type();
    }
    boolean matchesNow = filter.matches(event.object());
    boolean matchedBefore = filter.matches(event.previous());
    return switch (event.type()) {
      case WatchEvent.ADDED -> matchesNow ? WatchEvent.ADDED : null;
      case WatchEvent.DELETED -> matchedBefore || matchesNow ? WatchEvent.DELETED : null;
      default -> {
        if (matchesNow) {
          yield matchedBefore ? WatchEvent.MODIFIED : WatchEvent.ADDED;
        }
        yield matchedBefore ? WatchEvent.DELETED : null;
      }
    };
  }

  private byte[] bookmark(ResourceType type) {
    JsonObject object = new JsonObject();
    object.addProperty("kind", type.kind());
    object.addProperty("apiVersion", type.apiVersion());
    JsonObject metadata = new JsonObject();
    metadata.addProperty("resourceVersion", String.valueOf(store.resourceVersion()));
    object.add("metadata", metadata);
    return Json.bytes(object);
  }

  private static void start(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", Responses.JSON);
    // length 0: chunked transfer encoding, each flush sends what was written
    exchange.sendResponseHeaders(200, 0);
  }

  private static void write(OutputStream out, String type, byte[] object) throws IOException {
    out.write(("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8));
    out.write(object);
    out.write('}');
    out.write(NEWLINE);
    out.flush();
  }
}
