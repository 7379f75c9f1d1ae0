package dev.tugboat.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

  private static final JsonObject POD =
      JsonParser.parseString(
              """
              {"metadata":{"name":"web-0","labels":{"app":"web","tier":3,"odd":{"x":1}}},
               "spec":{"nodeName":null,"volumes":[{"name":"data"},"not an object",{"name":"tmp"}]},
               "status":{"phase":"Running"}}
              """)
          .getAsJsonObject();

  @Test
  void readsNestedFieldsAndTreatsMissingMistypedOrNullOnesAsAbsent() {
    assertThat(JsonPaths.string(POD, "status", "phase")).contains("Running");
    assertThat(JsonPaths.string(POD, "status", "reason")).isEmpty();
    assertThat(JsonPaths.string(POD, "spec", "volumes")).isEmpty();
    assertThat(JsonPaths.string(POD, "spec", "nodeName")).isEmpty();
    assertThat(JsonPaths.string(POD, "status", "phase", "deeper")).isEmpty();
    assertThat(JsonPaths.object(POD, "metadata").map(metadata -> metadata.size())).contains(2);
    assertThat(JsonPaths.array(POD, "spec", "volumes").map(volumes -> volumes.size())).contains(3);
  }

  @Test
  void objectsSkipsElementsThatAreNotObjects() {
    assertThat(JsonPaths.objects(POD, "spec", "volumes"))
        .extracting(volume -> volume.get("name").getAsString())
        .containsExactly("data", "tmp");
    assertThat(JsonPaths.objects(POD, "spec", "containers")).isEmpty();
  }

  @Test
  void labelsKeepsScalarValuesOnly() {
    assertThat(JsonPaths.labels(POD)).isEqualTo(Map.of("app", "web", "tier", "3"));
    assertThat(JsonPaths.labels(new JsonObject())).isEmpty();
  }

  @Test
  void editsInPlace() {
    JsonObject pod = POD.deepCopy();

    JsonPaths.remove(pod, "status", "phase");
    JsonPaths.objectOrCreate(JsonPaths.object(pod, "metadata").orElseThrow(), "annotations")
        .addProperty("a", "b");
    JsonPaths.removeIf(
        JsonPaths.array(pod, "spec", "volumes").orElseThrow(), volume -> !volume.isJsonObject());

    assertThat(pod.getAsJsonObject("status").size()).isZero();
    assertThat(JsonPaths.string(pod, "metadata", "annotations", "a")).contains("b");
    assertThat(JsonPaths.array(pod, "spec", "volumes").orElseThrow().size()).isEqualTo(2);
  }
}
