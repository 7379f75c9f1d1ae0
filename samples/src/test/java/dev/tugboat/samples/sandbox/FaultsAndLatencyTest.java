package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsAndLatencyTest {

  private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";

  @RegisterExtension SandboxExtension sandbox = SandboxExtension.builder().build();

  @Test
  void countsRequestsByVerbResourceAndCodeUntilReset() {
    RawApi raw = new RawApi(sandbox.url());
    raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"a\"}}");
    raw.get(CONFIG_MAPS + "/a");
    raw.get(CONFIG_MAPS + "/missing");
    raw.get("/apis/apps/v1/deployments");
    raw.get("/api");

    JsonObject stats = raw.get("/sandbox/stats").json();
    assertThat(stats.get("requests").getAsLong()).isEqualTo(5);
    assertThat(stats.getAsJsonObject("byVerb"))
        .isEqualTo(TestObjects.json("{\"create\":1,\"get\":3,\"list\":1}"));
    assertThat(stats.getAsJsonObject("byResource"))
        .isEqualTo(TestObjects.json("{\"configmaps\":3,\"deployments.apps\":1,\"discovery\":1}"));
    assertThat(stats.getAsJsonObject("byCode"))
        .isEqualTo(TestObjects.json("{\"200\":3,\"201\":1,\"404\":1}"));

    assertThat(raw.delete("/sandbox/stats").code()).isEqualTo(200);
    assertThat(sandbox.sandbox().stats().get("requests").getAsLong()).isZero();
  }

  @Test
  void injectsTooManyRequestsWithRetryAfterButSparesDiscovery() throws Exception {
    RawApi raw =
        new RawApi(
            sandbox.start(options().faults(FaultPlan.parse("429=1")).build()).sandbox().url());
    RawApi.Answer answer = raw.get(CONFIG_MAPS);
    assertThat(answer.code()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Retry-After")).contains("1");
    assertThat(answer.json().get("reason").getAsString()).isEqualTo("TooManyRequests");
    assertThat(answer.json().getAsJsonObject("details").get("retryAfterSeconds").getAsInt())
        .isEqualTo(1);
    assertThat(raw.get("/apis").code()).isEqualTo(200);

    JsonObject stats = raw.get("/sandbox/stats").json();
    assertThat(stats.getAsJsonObject("faults")).isEqualTo(TestObjects.json("{\"429\":1}"));
    assertThat(stats.getAsJsonObject("byCode"))
        .isEqualTo(TestObjects.json("{\"200\":1,\"429\":1}"));
  }

  @Test
  void injectsServerErrors() throws Exception {
    RawApi raw =
        new RawApi(
            sandbox.start(options().faults(FaultPlan.parse("500=1")).build()).sandbox().url());
    RawApi.Answer answer = raw.get(CONFIG_MAPS);
    assertThat(answer.code()).isEqualTo(500);
    assertThat(answer.json().get("reason").getAsString()).isEqualTo("InternalError");
  }

  @Test
  void injectsConnectionResets() throws Exception {
    Sandbox resetting =
        sandbox.start(options().faults(FaultPlan.parse("reset=1")).build()).sandbox();
    RawApi raw = new RawApi(resetting.url());
    // a POST, which java.net.http does not retry by itself as it does a GET
    assertThatThrownBy(() -> raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"a\"}}"))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(resetting.stats().getAsJsonObject("faults"))
        .isEqualTo(TestObjects.json("{\"reset\":1}"));
    assertThat(resetting.stats().getAsJsonObject("byCode"))
        .isEqualTo(TestObjects.json("{\"0\":1}"));
  }

  @Test
  void forbidsEveryRequestOfAForbiddenResourceOnly() throws Exception {
    RawApi raw =
        new RawApi(
            sandbox
                .start(options().faults(FaultPlan.parse("forbid=configmaps")).build())
                .sandbox()
                .url());
    RawApi.Answer list = raw.get("/api/v1/configmaps");
    assertThat(list.code()).isEqualTo(403);
    assertThat(list.json().get("reason").getAsString()).isEqualTo("Forbidden");
    assertThat(list.json().get("message").getAsString())
        .isEqualTo(
            "configmaps is forbidden: User \"sandbox\" cannot list resource \"configmaps\" in API"
                + " group \"\" at the cluster scope");
    RawApi.Answer create = raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"a\"}}");
    assertThat(create.code()).isEqualTo(403);
    assertThat(create.json().get("message").getAsString())
        .isEqualTo(
            "configmaps is forbidden: User \"sandbox\" cannot create resource \"configmaps\" in"
                + " API group \"\" in the namespace \"default\"");
    assertThat(raw.get("/api/v1/secrets").code()).isEqualTo(200);
    assertThat(raw.get("/api/v1").code()).isEqualTo(200);
  }

  @Test
  void repeatsTheSameFaultsForTheSameSeed() throws Exception {
    SandboxOptions flaky =
        options().faults(FaultPlan.parse("429=0.3,500=0.2")).faultSeed(42).build();
    List<Integer> first = codes(sandbox.start(flaky).sandbox(), 30);
    List<Integer> second = codes(sandbox.start(flaky).sandbox(), 30);
    assertThat(first).isEqualTo(second).contains(200, 429, 500);
  }

  @Test
  void addsLatencyThroughTheSleeper() throws Exception {
    List<Duration> sleeps = new CopyOnWriteArrayList<>();
    Sandbox slow =
        sandbox
            .start(options().latency(Duration.ofMillis(5)).sleeper(sleeps::add).build())
            .sandbox();
    RawApi raw = new RawApi(slow.url());
    raw.get(CONFIG_MAPS);
    raw.get("/version");

    assertThat(sleeps).containsExactly(Duration.ofMillis(5), Duration.ofMillis(5));
    JsonObject stats = slow.stats();
    assertThat(stats.get("delayedRequests").getAsLong()).isEqualTo(2);
    assertThat(stats.get("addedLatencyMillis").getAsLong()).isEqualTo(10);
  }

  private static SandboxOptions.Builder options() {
    return SandboxOptions.builder().name("faulty");
  }

  private static List<Integer> codes(Sandbox sandbox, int requests) {
    RawApi raw = new RawApi(sandbox.url());
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      codes.add(raw.get(CONFIG_MAPS).code());
    }
    return codes;
  }
}
