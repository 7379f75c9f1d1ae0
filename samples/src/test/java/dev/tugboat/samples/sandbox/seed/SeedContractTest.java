package dev.tugboat.samples.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.ModelMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every seed holds objects a Kubernetes API server would accept, in an order it accepts. */
class SeedContractTest {

  static Stream<Seed> seeds() {
    return Stream.of(new EmptySeed(), new DemoSeed(), new GeneratedSeed(3, 25));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void objectsAreValidConsistentAndInCreationOrder(Seed seed) {
    List<JsonObject> objects = seed.objects().toList();

    assertThat(SeedChecker.problems(objects)).isEmpty();
  }

  /**
   * client-java's models refuse unknown fields and missing required ones, so they catch a misspelt
   * field that a lenient server would drop without a word.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void builtInObjectsFitTheKubernetesModels(Seed seed) {
    List<String> misfits = new ArrayList<>();
    seed.objects()
        .forEach(
            object -> {
              Class<?> model =
                  ModelMapper.getApiTypeClass(
                      JsonPaths.stringAt(object, "apiVersion"), JsonPaths.kind(object));
              if (model == null) {
                return; // a custom resource: SeedChecker makes sure its definition comes first
              }
              try {
                JSON.deserialize(object.toString(), model);
              } catch (RuntimeException e) {
                misfits.add(JsonPaths.describe(object) + ": " + e.getMessage());
              }
            });

    assertThat(misfits).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void eachCallGivesNewObjects(Seed seed) {
    seed.objects().forEach(object -> object.addProperty("kind", "Changed"));

    assertThat(seed.objects()).noneMatch(object -> JsonPaths.kind(object).equals("Changed"));
  }
}
