package dev.tugboat.restore.capacity.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceVectorTest {

  private static ResourceVector parse(String json) {
    return ResourceVector.parse(JsonParser.parseString(json).getAsJsonObject());
  }

  @Test
  void parsesKubernetesQuantitiesIntoTheSchedulersUnits() {
    ResourceVector vector =
        parse(
            "{\"cpu\":\"1500m\",\"memory\":\"1Gi\",\"ephemeral-storage\":\"2G\",\"pods\":\"110\","
                + "\"nvidia.com/gpu\":\"1\",\"hugepages-2Mi\":\"0\"}");

    assertThat(vector.amounts())
        .containsExactly(
            Map.entry("cpu", 1500L),
            Map.entry("ephemeral-storage", 2_000_000_000L),
            Map.entry("memory", 1_073_741_824L),
            Map.entry("nvidia.com/gpu", 1L),
            Map.entry("pods", 110L));
  }

  @Test
  void roundsFractionsUpAsTheSchedulerDoes() {
    assertThat(parse("{\"cpu\":\"0.0001\",\"memory\":\"1.5\"}").amounts())
        .containsExactly(Map.entry("cpu", 1L), Map.entry("memory", 2L));
    assertThat(parse("{\"cpu\":\"2\"}").get("cpu")).isEqualTo(2000);
  }

  @Test
  void refusesAValueThatIsNotAQuantityNamingTheResource() {
    assertThatThrownBy(() -> parse("{\"memory\":\"lots\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resource 'memory' is not a quantity: 'lots'");
    assertThatThrownBy(() -> parse("{\"cpu\":{\"a\":1}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resource 'cpu' is not a quantity: {\"a\":1}");
  }

  @Test
  void arithmeticKeepsOnlyNonZeroAmounts() {
    ResourceVector a = ResourceVector.of(Map.of("cpu", 500L, "memory", 100L));
    ResourceVector b = ResourceVector.of(Map.of("cpu", 500L, "pods", 1L));

    assertThat(a.plus(b))
        .isEqualTo(ResourceVector.of(Map.of("cpu", 1000L, "memory", 100L, "pods", 1L)));
    assertThat(a.minus(ResourceVector.of("cpu", 500L)))
        .isEqualTo(ResourceVector.of("memory", 100L));
    assertThat(a.times(3)).isEqualTo(ResourceVector.of(Map.of("cpu", 1500L, "memory", 300L)));
    assertThat(a.max(b))
        .isEqualTo(ResourceVector.of(Map.of("cpu", 500L, "memory", 100L, "pods", 1L)));
    assertThat(a.minus(a).isZero()).isTrue();
    assertThat(a.minus(a)).isEqualTo(ResourceVector.ZERO);
  }

  @Test
  void tellsWhetherAndWhereADemandFits() {
    ResourceVector free = ResourceVector.of(Map.of("cpu", 1000L, "memory", 4096L, "pods", 2L));

    assertThat(ResourceVector.of(Map.of("cpu", 1000L, "pods", 1L)).fitsIn(free)).isTrue();
    assertThat(ResourceVector.of(Map.of("cpu", 2000L, "pods", 1L)).shortfall(free)).contains("cpu");
    assertThat(ResourceVector.of("nvidia.com/gpu", 1L).shortfall(free)).contains("nvidia.com/gpu");
    assertThat(
            ResourceVector.of(Map.of("cpu", 300L, "memory", 1000L, "pods", 1L)).timesFitting(free))
        .isEqualTo(2);
    assertThat(ResourceVector.ZERO.timesFitting(free)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void theDominantShareIsTheLargestFractionOfTheCapacity() {
    ResourceVector capacity = ResourceVector.of(Map.of("cpu", 4000L, "memory", 1000L));

    assertThat(ResourceVector.of(Map.of("cpu", 1000L, "memory", 500L)).dominantShare(capacity))
        .isEqualTo(0.5);
    assertThat(ResourceVector.of("nvidia.com/gpu", 1L).dominantShare(capacity)).isEqualTo(1.0);
  }

  @Test
  void printsEachAmountInHumanUnits() {
    assertThat(ResourceVector.of(Map.of("cpu", 250L, "pods", 1L))).hasToString("cpu=250m pods=1");
    assertThat(
            ResourceVector.of(
                Map.of("cpu", 2000L, "memory", 12L << 30, "ephemeral-storage", 512L << 20)))
        .hasToString("cpu=2 ephemeral-storage=512Mi memory=12Gi");
    assertThat(ResourceVector.ZERO).hasToString("0");
  }
}
