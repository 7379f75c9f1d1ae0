package dev.tugboat.restore.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitRangeDefaultsTest {

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static JsonObject limitRange(String name, String item) {
    return json(
        "{\"kind\": \"LimitRange\", \"metadata\": {\"name\": \""
            + name
            + "\"}, \"spec\": {\"limits\": ["
            + item
            + "]}}");
  }

  private static ContainerResources container(String resources) {
    return ContainerResources.regular(
            json("{\"containers\": [{\"name\": \"app\", \"resources\": " + resources + "}]}"))
        .get(0);
  }

  @Test
  void fillsMissingLimitsAndRequestsAndKeepsTheContainersOwn() {
    LimitRangeDefaults defaults =
        LimitRangeDefaults.from(
            List.of(
                limitRange(
                    "lr",
                    "{\"type\": \"Container\", \"default\": {\"cpu\": \"1\", \"memory\": \"1Gi\"},"
                        + " \"defaultRequest\": {\"cpu\": \"200m\"}}")));

    ContainerResources admitted =
        defaults.admit(container("{\"requests\": {\"memory\": \"100Mi\"}}"));

    assertThat(admitted.limits()).isEqualTo(json("{\"cpu\": \"1\", \"memory\": \"1Gi\"}"));
    assertThat(admitted.requests()).isEqualTo(json("{\"memory\": \"100Mi\", \"cpu\": \"200m\"}"));
  }

  @Test
  void aDefaultLimitComesFromMaxAndADefaultRequestFromMin() {
    LimitRangeDefaults defaults =
        LimitRangeDefaults.from(
            List.of(
                limitRange(
                    "lr",
                    "{\"type\": \"Container\", \"max\": {\"cpu\": \"2\"},"
                        + " \"min\": {\"memory\": \"10Mi\"}}")));

    ContainerResources admitted = defaults.admit(container("{}"));

    assertThat(admitted.limits()).isEqualTo(json("{\"cpu\": \"2\"}"));
    assertThat(admitted.requests()).isEqualTo(json("{\"cpu\": \"2\", \"memory\": \"10Mi\"}"));
  }

  @Test
  void withSeveralLimitRangesTheFirstByNameWinsAndOtherTypesAreIgnored() {
    LimitRangeDefaults defaults =
        LimitRangeDefaults.from(
            List.of(
                limitRange("zz", "{\"type\": \"Container\", \"defaultRequest\": {\"cpu\": \"3\"}}"),
                limitRange(
                    "aa",
                    "{\"type\": \"Pod\", \"max\": {\"cpu\": \"1m\"}},"
                        + " {\"type\": \"Container\", \"defaultRequest\": {\"cpu\": \"1\"}}")));

    assertThat(defaults.admit(container("{}")).requests()).isEqualTo(json("{\"cpu\": \"1\"}"));
  }

  @Test
  void refusesARequestBelowTheMinimum() {
    LimitRangeDefaults defaults =
        LimitRangeDefaults.from(
            List.of(
                limitRange("floor", "{\"type\": \"Container\", \"min\": {\"memory\": \"64Mi\"}}")));

    assertThatThrownBy(() -> defaults.admit(container("{\"requests\": {\"memory\": \"32Mi\"}}")))
        .isInstanceOf(LimitRangeViolation.class)
        .hasMessage(
            "container 'app': memory request 32Mi is below the minimum 64Mi (LimitRange 'floor')");
  }

  @Test
  void refusesARequestAboveTheMaximumEvenWhenTheLimitIsWithin() {
    LimitRangeDefaults defaults =
        LimitRangeDefaults.from(
            List.of(limitRange("cap", "{\"type\": \"Container\", \"max\": {\"cpu\": \"2\"}}")));

    assertThatThrownBy(() -> defaults.admit(container("{\"requests\": {\"cpu\": \"3\"}}")))
        .isInstanceOf(LimitRangeViolation.class)
        .hasMessage("container 'app': cpu request 3 is above the maximum 2 (LimitRange 'cap')");
  }

  @Test
  void refusesAnExplicitRequestAboveTheDefaultLimitItGets() {
    LimitRangeDefaults defaults =
        LimitRangeDefaults.from(
            List.of(
                limitRange("lr", "{\"type\": \"Container\", \"default\": {\"cpu\": \"500m\"}}")));

    assertThatThrownBy(() -> defaults.admit(container("{\"requests\": {\"cpu\": \"1\"}}")))
        .isInstanceOf(LimitRangeViolation.class)
        .hasMessage("container 'app': cpu request 1 is above its limit 500m");
  }

  @Test
  void noLimitRangeLeavesTheContainerAsItIs() {
    ContainerResources container = container("{\"requests\": {\"cpu\": \"1\"}}");

    assertThat(LimitRangeDefaults.NONE.admit(container)).isEqualTo(container);
  }
}
