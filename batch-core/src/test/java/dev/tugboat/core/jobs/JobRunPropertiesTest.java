package dev.tugboat.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobRunPropertiesTest {

  @Test
  void staleAfterDefaultsToThreeHeartbeats() {
    assertThat(new JobRunProperties(Duration.ofSeconds(4), null).staleAfter())
        .isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void rejectsALimitNoLongerThanTheHeartbeat() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new JobRunProperties(Duration.ofSeconds(10), Duration.ofSeconds(10)))
        .withMessage(
            "tugboat.jobs.stale-after (PT10S) must be longer than tugboat.jobs.heartbeat-interval"
                + " (PT10S), or live runs would look abandoned");
  }
}
