package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.PagedListReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ListPagingTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @RegisterExtension
  SandboxExtension sandbox =
      SandboxExtension.builder()
          .options(options -> options.clock(CLOCK).continueTokenTtl(Duration.ofMinutes(5)))
          .build();

  private RawApi raw;

  @BeforeEach
  void createConfigMaps() {
    raw = new RawApi(sandbox.url());
    for (String namespace : List.of("b-team", "a-team")) {
      raw.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + namespace + "\"}}");
      for (String name : List.of("c", "a", "b")) {
        raw.post(
            "/api/v1/namespaces/" + namespace + "/configmaps",
            "{\"metadata\":{\"name\":\"" + name + "\"}}");
      }
    }
  }

  @Test
  void listsAllNamespacesSortedByNamespaceThenName() {
    JsonObject list = raw.get("/api/v1/configmaps").json();
    assertThat(list.get("kind").getAsString()).isEqualTo("ConfigMapList");
    assertThat(list.get("apiVersion").getAsString()).isEqualTo("v1");
    // four system namespaces, two more and six config maps: twelve writes
    assertThat(list.getAsJsonObject("metadata").get("resourceVersion").getAsString())
        .isEqualTo("12");
    assertThat(keys(list))
        .containsExactly("a-team/a", "a-team/b", "a-team/c", "b-team/a", "b-team/b", "b-team/c");
  }

  @Test
  void countsWhatRemainsAfterEachPageInAllNamespacesAndInOne() {
    JsonObject first = raw.get("/api/v1/configmaps?limit=2").json();
    JsonObject second = raw.get("/api/v1/configmaps?limit=2&continue=" + continueOf(first)).json();
    assertThat(remaining(first)).isEqualTo(4);
    assertThat(remaining(second)).isEqualTo(2);

    JsonObject oneNamespace = raw.get("/api/v1/namespaces/b-team/configmaps?limit=1").json();
    assertThat(keys(oneNamespace)).containsExactly("b-team/a");
    assertThat(remaining(oneNamespace)).isEqualTo(2);
    JsonObject cluster = raw.get("/api/v1/namespaces?limit=1").json();
    // default, kube-system, kube-public, kube-node-lease, a-team and b-team
    assertThat(remaining(cluster)).isEqualTo(5);
  }

  private static long remaining(JsonObject list) {
    return list.getAsJsonObject("metadata").get("remainingItemCount").getAsLong();
  }

  private static String continueOf(JsonObject list) {
    return list.getAsJsonObject("metadata").get("continue").getAsString();
  }

  @Test
  void pagesWithLimitAndContinue() {
    JsonObject first = raw.get("/api/v1/configmaps?limit=4").json();
    assertThat(keys(first)).containsExactly("a-team/a", "a-team/b", "a-team/c", "b-team/a");
    assertThat(first.getAsJsonObject("metadata").get("remainingItemCount").getAsLong())
        .isEqualTo(2);
    String token = first.getAsJsonObject("metadata").get("continue").getAsString();

    JsonObject second = raw.get("/api/v1/configmaps?limit=4&continue=" + token).json();
    assertThat(keys(second)).containsExactly("b-team/b", "b-team/c");
    assertThat(second.getAsJsonObject("metadata").has("continue")).isFalse();
    assertThat(second.getAsJsonObject("metadata").has("remainingItemCount")).isFalse();
    assertThat(second.getAsJsonObject("metadata").get("resourceVersion").getAsString())
        .isEqualTo(first.getAsJsonObject("metadata").get("resourceVersion").getAsString());
  }

  @Test
  void continueTokensExpireAfterTheirTimeToLive() {
    String token =
        raw.get("/api/v1/namespaces/a-team/configmaps?limit=1")
            .json()
            .getAsJsonObject("metadata")
            .get("continue")
            .getAsString();
    assertThat(raw.get("/api/v1/namespaces/a-team/configmaps?limit=1&continue=" + token).code())
        .isEqualTo(200);

    CLOCK.advance(Duration.ofMinutes(6));
    RawApi.Answer expired =
        raw.get("/api/v1/namespaces/a-team/configmaps?limit=1&continue=" + token);
    assertThat(expired.code()).isEqualTo(410);
    assertThat(expired.json().get("reason").getAsString()).isEqualTo("Expired");
  }

  @Test
  void continueTokensExpireOnDemand() {
    String token =
        raw.get("/api/v1/configmaps?limit=2")
            .json()
            .getAsJsonObject("metadata")
            .get("continue")
            .getAsString();
    RawApi.Answer expire = raw.post("/sandbox/expire-continue-tokens", "");
    assertThat(expire.code()).isEqualTo(200);
    assertThat(raw.get("/api/v1/configmaps?limit=2&continue=" + token).code()).isEqualTo(410);
    assertThat(raw.get("/api/v1/configmaps?limit=2").code()).isEqualTo(200);
  }

  @Test
  void tugboatsPagedListReaderReadsEverythingOnceAcrossAnExpiry() throws Exception {
    ApiResource configMaps =
        new ApiResource("", "v1", "configmaps", "ConfigMap", true, Set.of("list"), List.of(), "v1");
    PagedListReader reader =
        PagedListReader.builder("cm", sandbox.apiClient(), configMaps).pageSize(2).build();
    reader.open(new ExecutionContext());
    List<String> read = new ArrayList<>();
    read.add(key(reader.read()));
    read.add(key(reader.read()));
    sandbox.sandbox().expireContinueTokens();
    JsonObject item;
    while ((item = reader.read()) != null) {
      read.add(key(item));
    }
    assertThat(read)
        .containsExactly("a-team/a", "a-team/b", "a-team/c", "b-team/a", "b-team/b", "b-team/c");
  }

  private static List<String> keys(JsonObject list) {
    List<String> keys = new ArrayList<>();
    for (JsonElement item : list.getAsJsonArray("items")) {
      keys.add(key(item.getAsJsonObject()));
    }
    return keys;
  }

  private static String key(JsonObject item) {
    JsonObject metadata = item.getAsJsonObject("metadata");
    return metadata.get("namespace").getAsString() + "/" + metadata.get("name").getAsString();
  }
}
