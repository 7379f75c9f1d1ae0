package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ages print like Kubernetes' {@code HumanDuration}, coarser as they grow. */
class ShortDurationTest {

  @Test
  void printsAgesWithThePrecisionKubectlShows() {
    assertThat(ShortDuration.of(Duration.ofSeconds(5))).isEqualTo("5s");
    assertThat(ShortDuration.of(Duration.ofSeconds(119))).isEqualTo("119s");
    assertThat(ShortDuration.of(Duration.ofSeconds(150))).isEqualTo("2m30s");
    assertThat(ShortDuration.of(Duration.ofMinutes(3))).isEqualTo("3m");
    assertThat(ShortDuration.of(Duration.ofMinutes(45))).isEqualTo("45m");
    assertThat(ShortDuration.of(Duration.ofMinutes(200))).isEqualTo("3h20m");
    assertThat(ShortDuration.of(Duration.ofHours(30))).isEqualTo("30h");
    assertThat(ShortDuration.of(Duration.ofHours(50))).isEqualTo("2d2h");
    assertThat(ShortDuration.of(Duration.ofDays(2))).isEqualTo("2d");
    assertThat(ShortDuration.of(Duration.ofDays(400))).isEqualTo("400d");
    assertThat(ShortDuration.of(Duration.ofDays(800))).isEqualTo("2y70d");
    assertThat(ShortDuration.of(Duration.ofDays(365 * 10))).isEqualTo("10y");
  }

  @Test
  void toleratesASecondOfClockSkewButNotMore() {
    assertThat(ShortDuration.of(Duration.ofMillis(-1500))).isEqualTo("0s");
    assertThat(ShortDuration.of(Duration.ofSeconds(-3))).isEqualTo("<invalid>");
  }
}
