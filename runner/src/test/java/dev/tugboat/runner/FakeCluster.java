package dev.tugboat.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An API server over HTTP serving namespace {@code web} and its two ConfigMaps, enough for a small
 * real backup. Its first list of ConfigMaps answers 503, so that the run retries once.
 */
final class FakeCluster implements AutoCloseable {

  private static final Map<String, String> DOCUMENTS =
      Map.of(
          "/version",
          "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.4\"}",
          "/api",
          "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}",
          "/api/v1",
          """
          {"kind":"APIResourceList","groupVersion":"v1","resources":[
            {"name":"configmaps","namespaced":true,"kind":"ConfigMap",
             "verbs":["create","delete","get","list","patch","update","watch"]},
            {"name":"namespaces","namespaced":false,"kind":"Namespace",
             "verbs":["create","delete","get","list","patch","update","watch"]}]}
          """,
          "/api/v1/namespaces",
          """
          {"kind":"NamespaceList","apiVersion":"v1","metadata":{"resourceVersion":"7"},"items":[
            {"metadata":{"name":"web","resourceVersion":"2"}}]}
          """,
          "/apis",
          "{\"kind\":\"APIGroupList\",\"groups\":[]}",
          "/api/v1/configmaps",
          """
          {"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"7"},"items":[
            {"metadata":{"name":"a","namespace":"web","resourceVersion":"5"},"data":{"k":"v"}},
            {"metadata":{"name":"b","namespace":"web","resourceVersion":"6"},"data":{"k":"w"}}]}
          """);

  private final MockWebServer server = new MockWebServer();
  private final AtomicBoolean failedOnce = new AtomicBoolean();

  FakeCluster() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            if (path.equals("/api/v1/configmaps") && failedOnce.compareAndSet(false, true)) {
              return new MockResponse.Builder().code(503).body("busy").build();
            }
            String document = DOCUMENTS.get(path);
            return document != null
                ? new MockResponse.Builder().code(200).body(document).build()
                : new MockResponse.Builder().code(404).body("not found").build();
          }
        });
    server.start();
  }

  /** Writes a kubeconfig for this server. */
  Path kubeconfig(Path folder) throws IOException {
    return Files.writeString(
        folder.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        current-context: fake
        contexts:
        - name: fake
          context: {cluster: fake, user: fake}
        clusters:
        - name: fake
          cluster: {server: "%s"}
        users:
        - name: fake
          user: {token: test-token}
        """
            .formatted(server.url("/").toString().replaceAll("/$", "")));
  }

  /** The requests the server received. */
  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
