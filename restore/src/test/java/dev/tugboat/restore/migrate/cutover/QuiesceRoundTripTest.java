package dev.tugboat.restore.migrate.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quiesce, quiesce again (a rerun after a crash), unquiesce, unquiesce again, against a server that
 * keeps one object and applies merge patches as the API server does: the object ends as it began,
 * apart from its resourceVersion.
 */
class QuiesceRoundTripTest {

  private static final ResourceCatalog SOURCE_TYPES =
      new ResourceCatalog(
          List.of(
              type("apps", "deployments", "Deployment"),
              type("apps", "daemonsets", "DaemonSet"),
              type("batch", "cronjobs", "CronJob")),
          List.of());

  private final MockWebServer server = new MockWebServer();
  private final OneObjectServer cluster = new OneObjectServer();
  private SourceCutover cutover;

  @BeforeEach
  void startServer() throws IOException {
    server.setDispatcher(cluster);
    server.start();
    String url = server.url("/").toString();
    cutover =
        new SourceCutover(
            ResourceApplier.live(
                new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build()),
            SOURCE_TYPES);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        """
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"namespace": "shop", "name": "web", "annotations": {"team": "a"}},
         "spec": {"replicas": 3}}
        """,
        """
        {"apiVersion": "batch/v1", "kind": "CronJob",
         "metadata": {"namespace": "shop", "name": "nightly"},
         "spec": {"schedule": "0 1 * * *", "suspend": true}}
        """,
        """
        {"apiVersion": "apps/v1", "kind": "DaemonSet",
         "metadata": {"namespace": "shop", "name": "agent"},
         "spec": {"template": {"spec": {"containers": []}}}}
        """,
        """
        {"apiVersion": "apps/v1", "kind": "DaemonSet",
         "metadata": {"namespace": "shop", "name": "agent"},
         "spec": {"template": {"spec": {"nodeSelector": {"disk": "ssd", "zone": "a"}}}}}
        """
      })
  void unquiesceAfterRepeatedRunsGivesBackTheOriginalObject(String text) {
    JsonObject original = JsonParser.parseString(text).getAsJsonObject();
    cluster.object = original.deepCopy();
    List<JsonObject> application = List.of(original);

    assertThat(cutover.quiesce(application))
        .extracting(CutoverAction::outcome)
        .containsExactly(CutoverOutcome.QUIESCED);
    JsonObject quiesced = cluster.object.deepCopy();
    assertThat(cutover.quiesce(application))
        .extracting(CutoverAction::outcome)
        .containsExactly(CutoverOutcome.ALREADY_QUIESCED);
    assertThat(cluster.object).isEqualTo(quiesced);
    assertThat(cutover.unquiesce(application))
        .extracting(CutoverAction::outcome)
        .containsExactly(CutoverOutcome.UNQUIESCED);
    assertThat(cutover.unquiesce(application)).isEmpty();

    JsonObject restored = cluster.object.deepCopy();
    restored.getAsJsonObject("metadata").remove("resourceVersion");
    if (restored.getAsJsonObject("metadata").getAsJsonObject("annotations").size() == 0) {
      // The API server drops an emptied map; this fake keeps it.
      restored.getAsJsonObject("metadata").remove("annotations");
    }
    assertThat(restored).isEqualTo(original);
  }

  /** Answers GET and merge-patch PATCH on one object, with resourceVersion preconditions. */
  private static final class OneObjectServer extends Dispatcher {
    private JsonObject object;
    private int resourceVersion = 1;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if ("PATCH".equals(request.getMethod())) {
        JsonObject patch = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
        JsonElement precondition = patch.getAsJsonObject("metadata").remove("resourceVersion");
        if (precondition != null && !precondition.getAsString().equals(current())) {
          return new MockResponse(409, Headers.of(), "");
        }
        merge(object, patch);
        resourceVersion++;
      }
      JsonObject answer = object.deepCopy();
      answer.getAsJsonObject("metadata").addProperty("resourceVersion", current());
      return new MockResponse(
          200, Headers.of("Content-Type", "application/json"), answer.toString());
    }

    private String current() {
      return String.valueOf(resourceVersion);
    }

    /** RFC 7386. */
    private static void merge(JsonObject target, JsonObject patch) {
      for (Map.Entry<String, JsonElement> field : patch.entrySet()) {
        JsonElement value = field.getValue();
        JsonElement existing = target.get(field.getKey());
        if (value.isJsonNull()) {
          target.remove(field.getKey());
        } else if (value.isJsonObject() && existing != null && existing.isJsonObject()) {
          merge(existing.getAsJsonObject(), value.getAsJsonObject());
        } else if (value.isJsonObject()) {
          JsonObject created = new JsonObject();
          merge(created, value.getAsJsonObject());
          target.add(field.getKey(), created);
        } else {
          target.add(field.getKey(), value.deepCopy());
        }
      }
    }
  }

  private static ApiResource type(String group, String plural, String kind) {
    return new ApiResource(group, "v1", plural, kind, true, Set.of(), List.of(), "v1");
  }
}
