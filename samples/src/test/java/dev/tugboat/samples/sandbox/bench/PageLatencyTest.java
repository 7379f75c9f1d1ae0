package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PageLatencyTest {

  @Test
  void nearestRankPercentilesOfUnsortedSamples() {
    // 1..100 ms, in reverse order
    long[] nanos = LongStream.rangeClosed(1, 100).map(ms -> (101 - ms) * 1_000_000).toArray();

    assertThat(PageLatency.of(nanos)).isEqualTo(new PageLatency(50.0, 99.0, 100));
  }

  @Test
  void oneSampleIsEveryPercentile() {
    assertThat(PageLatency.of(new long[] {2_500_000})).isEqualTo(new PageLatency(2.5, 2.5, 1));
  }

  @Test
  void refusesNoSamples() {
    assertThatThrownBy(() -> PageLatency.of(new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no page was timed");
  }
}
