package dev.tugboat.restore.capacity.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

  @Test
  void cpuIsInCoresWhenWholeElseInMillicores() {
    assertThat(Amounts.format("cpu", 2000)).isEqualTo("2");
    assertThat(Amounts.format("cpu", 1500)).isEqualTo("1500m");
    assertThat(Amounts.format("cpu", 0)).isEqualTo("0");
    assertThat(Amounts.format("cpu", -250)).isEqualTo("-250m");
  }

  @Test
  void bytesAreInTheLargestBinaryUnitThatDividesThem() {
    assertThat(Amounts.format("memory", 12L << 30)).isEqualTo("12Gi");
    assertThat(Amounts.format("memory", 1536L << 20)).isEqualTo("1536Mi");
    assertThat(Amounts.format("memory", 2L << 40)).isEqualTo("2Ti");
    assertThat(Amounts.format("ephemeral-storage", 512L << 20)).isEqualTo("512Mi");
    assertThat(Amounts.format("hugepages-2Mi", 4L << 20)).isEqualTo("4Mi");
    assertThat(Amounts.format("memory", 3072)).isEqualTo("3Ki");
    assertThat(Amounts.format("memory", 0)).isEqualTo("0");
  }

  @Test
  void bytesNoUnitDividesAreRoundedToOneDecimalOfTheLargestUnitReached() {
    // 95% of 16Gi, what a 5% headroom leaves
    assertThat(Amounts.format("memory", 16320875315L)).isEqualTo("15.2Gi");
    assertThat(Amounts.format("ephemeral-storage", 1_000_000_000L)).isEqualTo("953.7Mi");
    assertThat(Amounts.format("memory", 1000)).isEqualTo("1000");
  }

  @Test
  void countsArePlain() {
    assertThat(Amounts.format("pods", 110)).isEqualTo("110");
    assertThat(Amounts.format("nvidia.com/gpu", 2)).isEqualTo("2");
  }
}
