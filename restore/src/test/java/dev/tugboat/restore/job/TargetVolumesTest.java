package dev.tugboat.restore.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ResourceApplier;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetVolumesTest {

  /** The backed-up volume: bound to claim shop/data, which the restore maps to shop2. */
  private static final JsonObject BACKED_UP =
      json(
          "{'metadata':{'name':'pv-data'},'spec':{'claimRef':{'namespace':'shop','name':'data',"
              + "'uid':'uid-source'}}}");

  private final MockWebServer server = new MockWebServer();
  private TargetVolumes volumes;

  @BeforeEach
  void start() throws IOException {
    server.start();
    String url = server.url("/").toString();
    volumes =
        new TargetVolumes(
            ResourceApplier.live(
                new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build()),
            Map.of("shop", "shop2"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aVolumeNamingTheMappedClaimWithoutUidWaitsForIt() throws Exception {
    answer(
        200,
        "{'metadata':{'name':'pv-data'},'spec':{'claimRef':{'namespace':'shop2','name':'data'}}}");

    assertThat(volumes.test(BACKED_UP)).isTrue();
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/api/v1/persistentvolumes/pv-data");
  }

  @Test
  void aVolumeStillBoundToAClaimDoesNotWait() {
    answer(
        200,
        "{'metadata':{'name':'pv-data'},'spec':{'claimRef':{'namespace':'shop2','name':'data',"
            + "'uid':'uid-old'}}}");

    assertThat(volumes.test(BACKED_UP)).isFalse();
  }

  @Test
  void aVolumeNamingAnotherClaimDoesNotWait() {
    answer(
        200,
        "{'metadata':{'name':'pv-data'},'spec':{'claimRef':{'namespace':'shop','name':'data'}}}");

    assertThat(volumes.test(BACKED_UP)).isFalse();
  }

  @Test
  void aVolumeTheTargetDoesNotHaveDoesNotWait() {
    answer(404, "{'kind':'Status','status':'Failure','reason':'NotFound','code':404}");

    assertThat(volumes.test(BACKED_UP)).isFalse();
  }

  @Test
  void aBackedUpVolumeWithoutClaimIsNotLookedUp() {
    assertThat(volumes.test(json("{'metadata':{'name':'pv-free'},'spec':{}}"))).isFalse();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aTargetThatDoesNotAnswerStopsTheRestore() {
    answer(403, "{'kind':'Status','status':'Failure','reason':'Forbidden','code':403}");

    assertThatThrownBy(() -> volumes.test(BACKED_UP))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot read PersistentVolume pv-data in the target cluster: ");
  }

  private void answer(int code, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", "application/json")
            .body(json(body).toString())
            .build());
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }
}
