package dev.tugboat.restore.capacity.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaAmountsTest {

  @Test
  void readsCpuKeysInMillicoresAndKeepsZeros() {
    assertThat(
            QuotaAmounts.parse(
                JsonParser.parseString(
                        "{\"requests.cpu\":\"2\",\"limits.cpu\":\"500m\",\"cpu\":\"1.5\","
                            + "\"requests.memory\":\"1Gi\",\"pods\":\"10\",\"count/pods\":\"0\"}")
                    .getAsJsonObject()))
        .containsExactly(
            Map.entry("count/pods", 0L),
            Map.entry("cpu", 1500L),
            Map.entry("limits.cpu", 500L),
            Map.entry("pods", 10L),
            Map.entry("requests.cpu", 2000L),
            Map.entry("requests.memory", 1_073_741_824L));
  }

  @Test
  void namesTheKeyWhoseValueIsNotAQuantity() {
    assertThatThrownBy(
            () ->
                QuotaAmounts.parse(
                    JsonParser.parseString("{\"requests.memory\":\"lots\"}").getAsJsonObject()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quota key 'requests.memory' is not a quantity: \"lots\"");
  }
}
