package dev.tugboat.backup.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduledTimeTest {

  @Test
  void anIsoInstantIsTakenAsItIs() {
    assertThat(ScheduledTime.parse("2026-03-01T02:30:15Z"))
        .isEqualTo(Instant.parse("2026-03-01T02:30:15Z"));
  }

  @Test
  void aJobNameGivesTheMinuteItsSuffixCounts() {
    // 60 minutes after the epoch; the CronJob's own name may contain dashes and digits
    assertThat(ScheduledTime.parse("job:backup-2-60"))
        .isEqualTo(Instant.parse("1970-01-01T01:00:00Z"));
  }

  @Test
  void aJobNameWithoutMinutesIsRefused() {
    for (String job : new String[] {"tugboat-nightly-manual", "29390520", "nightly-", "a-12x"}) {
      assertThatThrownBy(() -> ScheduledTime.parse("job:" + job))
          .as(job)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "job name '"
                  + job
                  + "' does not end in -<minutes since the epoch>, as the Jobs of a CronJob do");
    }
  }

  @Test
  void aJobNameWithMoreMinutesThanATimeHoldsIsRefused() {
    assertThatThrownBy(() -> ScheduledTime.parse("job:n-99999999999999999999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "job name 'n-99999999999999999999' ends in 99999999999999999999, too many"
                + " minutes to be a time");
  }

  @Test
  void textThatIsNeitherIsRefusedNamingBothForms() {
    assertThatThrownBy(() -> ScheduledTime.parse("tonight"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'tonight' is neither an ISO-8601 instant (2025-11-18T02:00:00Z) nor job:<job-name>");
  }

  @Test
  void nowIsTruncatedToTheSecond() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:30:15.999Z"), ZoneOffset.UTC);

    assertThat(ScheduledTime.now(clock)).isEqualTo(Instant.parse("2026-03-01T02:30:15Z"));
  }
}
