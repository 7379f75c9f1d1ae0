package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.Sandbox;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.seed.GeneratedSeed;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class RestoredObjectsTest {

  /** A namespace and its 3 ConfigMaps. */
  private static final GeneratedSeed SEED = new GeneratedSeed(1, 3);

  @Test
  void countsTheSeedsObjectsWhenEachCarriesTheRestoreName() throws Exception {
    try (Sandbox target = emptySandbox()) {
      SEED.objects().forEach(object -> target.state().create(labelled(object, "r1")));

      assertThat(RestoredObjects.count(SEED, target.state(), "r1")).isEqualTo(4);
    }
  }

  @Test
  void namesTheObjectsMissingOrMadeByAnotherRestore() throws Exception {
    try (Sandbox target = emptySandbox()) {
      Iterator<JsonObject> objects = SEED.objects().iterator();
      target.state().create(labelled(objects.next(), "r1"));
      target.state().create(labelled(objects.next(), "r0"));
      target.state().create(labelled(objects.next(), "r1"));

      assertThatThrownBy(() -> RestoredObjects.count(SEED, target.state(), "r1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "restore r1 left 2 of the 4 objects of generated:1x3 out of the target (or without"
                  + " its velero.io/restore-name label), e.g. ConfigMap bench-0000/config-00000,"
                  + " ConfigMap bench-0000/config-00002");
    }
  }

  private static Sandbox emptySandbox() throws Exception {
    return Sandbox.start(SandboxOptions.builder().simulation(false).build());
  }

  private static JsonObject labelled(JsonObject object, String restoreName) {
    JsonObject metadata = object.getAsJsonObject("metadata");
    if (!metadata.has("labels")) {
      metadata.add("labels", new JsonObject());
    }
    metadata.getAsJsonObject("labels").addProperty("velero.io/restore-name", restoreName);
    return object;
  }
}
