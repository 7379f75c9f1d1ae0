package dev.tugboat.backup.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "PT720H, 720h0m0s",
    "PT90M, 1h30m0s",
    "PT10M, 10m0s",
    "PT4H, 4h0m0s",
    "PT1M1S, 1m1s",
    "PT1.5S, 1.5s",
    "PT1H0.25S, 1h0m0.25s",
    "PT0.25S, 250ms",
    "PT0.0000015S, 1.5\u00b5s",
    "PT0.000000999S, 999ns",
    "PT0S, 0s",
  })
  void formatsAsGoDoes(Duration duration, String expected) {
    assertThat(GoDuration.format(duration)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "720h, PT720H",
    "1h30m, PT1H30M",
    "90m, PT1H30M",
    "1h30m0s, PT1H30M",
    "1.5h, PT1H30M",
    ".5m, PT30S",
    "1.h, PT1H",
    "+45s, PT45S",
    "300ms, PT0.3S",
    "2us, PT0.000002S",
    "2\u00b5s, PT0.000002S",
    "2\u03bcs, PT0.000002S",
    "7ns, PT0.000000007S",
    "1.0000000009s, PT1S",
    "0, PT0S",
    "0s, PT0S",
  })
  void parsesWhatVelerosTtlOptionAccepts(String text, Duration expected) {
    assertThat(GoDuration.parse(text)).isEqualTo(expected);
  }

  @Test
  void formatReadsBackToTheSameDuration() {
    Duration duration = Duration.ofHours(26).plusMinutes(3).plusMillis(40);

    assertThat(GoDuration.format(duration)).isEqualTo("26h3m0.04s");
    assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
  }

  @ParameterizedTest(name = "''{0}'' fails: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "720 | the number 720 has no unit",
        "1d | the unit 'd' is unknown",
        "1h 30m | the unit 'h ' is unknown",
        "h | a unit must follow a number",
        ". | a unit must follow a number",
        "1.2.3s | the number 1.2 has no unit",
        "-1h | it is negative",
        "+ | it has no number",
        "2562048h | longer than Go's limit of about 292 years",
      })
  void rejectsTextThatIsNotAGoDuration(String text, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GoDuration.parse(text))
        .withMessageStartingWith("The duration '" + text + "' is not a Go duration: ")
        .withMessageContaining(reason)
        .withMessageEndingWith("e.g. 720h, 1h30m or 90m");
  }

  @Test
  void rejectsEmptyText() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GoDuration.parse(""))
        .withMessageStartingWith("The duration '' is not a Go duration: it is empty");
  }

  @Test
  void parsesTheLongestGoDuration() {
    assertThat(GoDuration.parse("2562047h47m16.854775807s"))
        .isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
  }

  @Test
  void refusesToFormatNegativeOrTooLongDurations() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GoDuration.format(Duration.ofHours(-1)))
        .withMessage("The duration PT-1H is negative; a TTL or a timeout cannot be");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GoDuration.format(Duration.ofDays(365 * 300)))
        .withMessage("The duration PT2628000H is longer than Go's limit of about 292 years");
  }
}
