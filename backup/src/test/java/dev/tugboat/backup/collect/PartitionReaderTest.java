package dev.tugboat.backup.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ListRequestException;
import dev.tugboat.core.cluster.PagedListReader;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** A partition's reader against an API server that answers scripted LIST pages. */
class PartitionReaderTest {

  private static final ApiResource PODS =
      new ApiResource("", "v1", "pods", "Pod", true, Set.of(), List.of(), "v1");
  private static final String REQUEST = "LIST v1 pods in namespace \"shop\"";

  private final MockWebServer server = new MockWebServer();
  private final ExecutionContext context = new ExecutionContext();
  private PartitionReader reader;

  @BeforeEach
  void start() throws IOException {
    server.start();
    reader = newReader();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void readsEveryPageThenEnds() {
    server.enqueue(page("next", "a", "b"));
    server.enqueue(page(null, "c"));
    reader.open(context);

    assertThat(names(reader)).containsExactly("a", "b", "c");
    reader.update(context);
    assertThat(PartitionProblem.from(context)).isEmpty();
  }

  @Test
  void aForbiddenListEndsTheDataAndIsSavedAsAnError() {
    server.enqueue(page("next", "a"));
    server.enqueue(status(403, "Forbidden", "pods is forbidden: User \"backup\" cannot list"));
    reader.open(context);

    assertThat(names(reader)).containsExactly("a");
    assertThat(reader.read()).isNull();
    reader.update(context);

    assertThat(PartitionProblem.from(context))
        .contains(
            new PartitionProblem(
                true,
                REQUEST
                    + " failed: HTTP 403 Forbidden: pods is forbidden: User \"backup\" cannot"
                    + " list"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aListOfATypeThatWentAwayIsSavedAsAWarning() {
    server.enqueue(status(404, "NotFound", "the server could not find the requested resource"));
    reader.open(context);

    assertThat(reader.read()).isNull();
    reader.update(context);

    assertThat(PartitionProblem.from(context))
        .contains(
            new PartitionProblem(
                false,
                REQUEST
                    + " failed: HTTP 404 NotFound: the server could not find the requested"
                    + " resource"));
  }

  @Test
  void aServerErrorFailsTheRead() {
    server.enqueue(status(500, "InternalError", "etcd is down"));
    reader.open(context);

    assertThatThrownBy(reader::read)
        .isInstanceOfSatisfying(
            ListRequestException.class, e -> assertThat(e.httpStatus()).isEqualTo(500))
        .hasMessage(REQUEST + " failed: HTTP 500 InternalError: etcd is down");
    reader.update(context);
    assertThat(PartitionProblem.from(context)).isEmpty();
  }

  @Test
  void aReopenedPartitionWithASavedProblemListsNothingAgain() {
    server.enqueue(status(403, "Forbidden", "no"));
    reader.open(context);
    reader.read();
    reader.update(context);
    reader.close();
    Optional<PartitionProblem> saved = PartitionProblem.from(context);

    PartitionReader restarted = newReader();
    restarted.open(context);

    assertThat(restarted.read()).isNull();
    restarted.update(context);
    assertThat(PartitionProblem.from(context)).isEqualTo(saved).isPresent();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private PartitionReader newReader() {
    String url = server.url("/").toString();
    return new PartitionReader(
        PagedListReader.builder(
                "list",
                new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build(),
                PODS)
            .namespace("shop")
            .pageSize(2)
            .build());
  }

  private static List<String> names(PartitionReader reader) {
    List<String> names = new ArrayList<>();
    for (JsonObject item = reader.read(); item != null; item = reader.read()) {
      names.add(item.getAsJsonObject("metadata").get("name").getAsString());
    }
    return names;
  }

  private static MockResponse page(String continueToken, String... names) {
    StringBuilder items = new StringBuilder();
    for (String name : names) {
      items
          .append(items.length() == 0 ? "" : ",")
          .append("{\"metadata\":{\"name\":\"")
          .append(name)
          .append("\",\"namespace\":\"shop\"}}");
    }
    String metadata = continueToken == null ? "{}" : "{\"continue\":\"" + continueToken + "\"}";
    return json(
        200,
        "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":"
            + metadata
            + ",\"items\":["
            + items
            + "]}");
  }

  private static MockResponse status(int code, String reason, String message) {
    return json(
        code,
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
            + "\"message\":\""
            + message.replace("\"", "\\\"")
            + "\",\"reason\":\""
            + reason
            + "\",\"code\":"
            + code
            + "}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
  }
}
