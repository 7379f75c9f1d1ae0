package dev.tugboat.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = RetryPolicy.defaults();

  @Test
  void backoffLiesInTheUpperHalfOfADoublingBound() {
    assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoff(1, 0.999)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
    assertThat(policy.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void backoffBoundStopsDoublingAtTenSeconds() {
    assertThat(policy.backoff(7, 0.0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.backoff(40, 0.0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.backoff(40, 0.5)).isEqualTo(Duration.ofMillis(7500));
  }

  @Test
  void retryAfterIsCappedAndNeverNegative() {
    assertThat(policy.capRetryAfter(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.capRetryAfter(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.capRetryAfter(Duration.ofSeconds(-3))).isEqualTo(Duration.ZERO);
  }
}
