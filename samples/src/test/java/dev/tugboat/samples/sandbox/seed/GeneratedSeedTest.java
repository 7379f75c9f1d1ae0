package dev.tugboat.samples.sandbox.seed;

import static dev.tugboat.samples.sandbox.seed.JsonPaths.kind;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.stringAt;
import static dev.tugboat.samples.sandbox.seed.JsonPaths.stringsAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.gson.JsonObject;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GeneratedSeedTest {

  @Test
  void isNamedAfterItsSize() {
    assertThat(new GeneratedSeed(100, 1000).name()).isEqualTo("generated:100x1000");
  }

  @Test
  void followsEachNamespaceWithItsObjects() {
    List<String> objects = new GeneratedSeed(2, 11).objects().map(JsonPaths::describe).toList();

    assertThat(objects)
        .containsExactly(
            "Namespace bench-0000",
            "ConfigMap bench-0000/config-00000",
            "ConfigMap bench-0000/config-00001",
            "ConfigMap bench-0000/config-00002",
            "ConfigMap bench-0000/config-00003",
            "ConfigMap bench-0000/config-00004",
            "ConfigMap bench-0000/config-00005",
            "Secret bench-0000/secret-00006",
            "Secret bench-0000/secret-00007",
            "Deployment bench-0000/app-00008",
            "Service bench-0000/app-00008",
            "ConfigMap bench-0000/config-00010",
            "Namespace bench-0001",
            "ConfigMap bench-0001/config-00000",
            "ConfigMap bench-0001/config-00001",
            "ConfigMap bench-0001/config-00002",
            "ConfigMap bench-0001/config-00003",
            "ConfigMap bench-0001/config-00004",
            "ConfigMap bench-0001/config-00005",
            "Secret bench-0001/secret-00006",
            "Secret bench-0001/secret-00007",
            "Deployment bench-0001/app-00008",
            "Service bench-0001/app-00008",
            "ConfigMap bench-0001/config-00010");
  }

  @Test
  void streamsAHundredThousandObjectsHoldingOnlyTheCurrentOne() {
    Iterator<JsonObject> objects = new GeneratedSeed(100, 1000).objects().iterator();
    WeakReference<JsonObject> first = new WeakReference<>(objects.next());
    Map<String, Integer> kinds = new TreeMap<>(Map.of("Namespace", 1));
    while (objects.hasNext()) {
      kinds.merge(kind(objects.next()), 1, Integer::sum);
    }

    assertThat(kinds)
        .containsExactly(
            Map.entry("ConfigMap", 60_000),
            Map.entry("Deployment", 10_000),
            Map.entry("Namespace", 100),
            Map.entry("Secret", 20_000),
            Map.entry("Service", 10_000));
    // Nothing but this test referred to the first object: the seed kept none of them.
    for (int attempt = 0; attempt < 10 && first.get() != null; attempt++) {
      System.gc();
    }
    assertThat(first.get()).isNull();
  }

  @Test
  void producesObjectsOnlyAsTheyAreConsumed() {
    // Ten billion objects: materialising them, or counting them in an int, would fail.
    List<String> firstObjects =
        new GeneratedSeed(100_000, 100_000).objects().limit(3).map(JsonPaths::describe).toList();

    assertThat(firstObjects)
        .containsExactly(
            "Namespace bench-0000",
            "ConfigMap bench-0000/config-00000",
            "ConfigMap bench-0000/config-00001");
  }

  @Test
  void generatesTheSameObjectsEveryTime() {
    List<JsonObject> first = new GeneratedSeed(3, 40).objects().toList();
    List<JsonObject> second = new GeneratedSeed(3, 40).objects().toList();

    assertThat(second).isEqualTo(first);
    // The same in every run and JVM too, since SplittableRandom's algorithm is specified.
    assertThat(stringAt(first.get(1), "data", "key-0")).startsWith("1nvgz9ay2jekkqpy");
    JsonObject app = first.get(9);
    assertThat(JsonPaths.describe(app)).isEqualTo("Deployment bench-0000/app-00008");
    assertThat(stringsAt(app, "metadata", "labels")).containsEntry("tugboat.dev/tier", "3");
    assertThat(JsonPaths.containers(JsonPaths.podTemplate(app)).get(0))
        .hasToString(
            "{\"name\":\"app\",\"image\":\"nginx:1.27\",\"ports\":[{\"name\":\"http\","
                + "\"containerPort\":8080,\"protocol\":\"TCP\"}],\"resources\":{\"requests\":"
                + "{\"cpu\":\"500m\",\"memory\":\"512Mi\"}}}");
  }

  @Test
  void labelsEachServiceLikeTheDeploymentItFronts() {
    List<JsonObject> objects = new GeneratedSeed(1, 200).objects().toList();

    for (int i = 10; i < objects.size(); i += 10) {
      JsonObject deployment = objects.get(i - 1);
      JsonObject service = objects.get(i);
      assertThat(JsonPaths.describe(service))
          .isEqualTo(JsonPaths.describe(deployment).replace("Deployment", "Service"));
      assertThat(service.getAsJsonObject("metadata").get("labels"))
          .isEqualTo(deployment.getAsJsonObject("metadata").get("labels"));
    }
  }

  @Test
  void fillsConfigMapsWithOneKibibyteOfVaryingData() {
    List<JsonObject> configMaps =
        new GeneratedSeed(1, 10)
            .objects()
            .filter(object -> kind(object).equals("ConfigMap"))
            .toList();

    for (JsonObject configMap : configMaps) {
      assertThat(stringsAt(configMap, "data"))
          .hasSize(4)
          .allSatisfy((key, value) -> assertThat(value).hasSize(256));
    }
    assertThat(configMaps.stream().map(configMap -> configMap.get("data")).distinct()).hasSize(6);
  }

  @Test
  void labelsAppsWithVaryingTiersAndReplicas() {
    Map<String, Long> tiers =
        new GeneratedSeed(1, 1000)
            .objects()
            .filter(object -> kind(object).equals("Deployment"))
            .collect(
                Collectors.groupingBy(
                    object ->
                        stringsAt(object, "metadata", "labels").get("tugboat.dev/tier")
                            + " x"
                            + JsonPaths.at(object, "spec", "replicas"),
                    TreeMap::new,
                    Collectors.counting()));

    assertThat(tiers).hasSize(12);
  }

  @Test
  void refusesNoNamespacesOrNegativeObjects() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GeneratedSeed(0, 10))
        .withMessage("A generated seed needs at least 1 namespace, got 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GeneratedSeed(1, -1))
        .withMessage("Objects per namespace of a generated seed cannot be negative, got -1");
  }
}
