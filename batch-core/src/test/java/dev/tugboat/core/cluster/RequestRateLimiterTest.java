package dev.tugboat.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

  private final VirtualTime time = new VirtualTime();

  @Test
  void burstGoesAtOnceThenRequestsAreSpacedByOneOverQps() throws Exception {
    RequestRateLimiter limiter = new RequestRateLimiter(10, 5, time);

    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Duration wait = limiter.reserve();
      waits.add(wait);
      time.sleep(wait);
    }

    assertThat(waits)
        .containsExactly(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            Duration.ofMillis(100));
  }

  @Test
  void concurrentReservationsGetSuccessiveSlots() {
    RequestRateLimiter limiter = new RequestRateLimiter(10, 2, time);

    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waits.add(limiter.reserve()); // nobody sleeps in between: all callers arrive at once
    }

    assertThat(waits)
        .containsExactly(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(300));
  }

  @Test
  void idleTimeRefillsTheBucketOnlyUpToTheBurst() {
    RequestRateLimiter limiter = new RequestRateLimiter(10, 3, time);
    for (int i = 0; i < 3; i++) {
      limiter.reserve();
    }

    time.advance(Duration.ofMinutes(1));

    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waits.add(limiter.reserve());
    }
    assertThat(waits)
        .containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMillis(100));
  }

  @Test
  void requestsThroughTheInterceptorBeyondTheBurstWaitExactlyForTheirTokens() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      QueueDispatcher dispatcher = new QueueDispatcher();
      dispatcher.setFailFast(new MockResponse.Builder().code(200).body("{}").build());
      server.setDispatcher(dispatcher);
      server.start();
      OkHttpClient client =
          new OkHttpClient.Builder()
              .addInterceptor(new RateLimitInterceptor(new RequestRateLimiter(10, 5, time), time))
              .build();

      for (int i = 0; i < 25; i++) {
        try (Response response =
            client
                .newCall(new Request.Builder().url(server.url("/api/v1/pods")).build())
                .execute()) {
          assertThat(response.code()).isEqualTo(200);
        }
      }

      assertThat(server.getRequestCount()).isEqualTo(25);
      // 5 go with the burst, the other 20 wait 100 ms each
      assertThat(time.sleeps()).hasSize(20).containsOnly(Duration.ofMillis(100));
      assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(2));
    }
  }
}
