package dev.tugboat.samples.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The checker behind {@link SeedContractTest} finds the mistakes it is there to find: each test
 * breaks one thing in the demo seed and expects exactly that problem.
 */
class SeedCheckerTest {

  private final List<JsonObject> demo = new DemoSeed().objects().toList();

  @Test
  void acceptsTheDemoSeed() {
    assertThat(SeedChecker.problems(demo)).isEmpty();
  }

  @Test
  void findsAnObjectBeforeItsNamespace() {
    List<JsonObject> objects = new ArrayList<>(demo);
    JsonObject shop = find(objects, "Namespace", null, "shop");
    objects.remove(shop);
    objects.add(shop);

    assertThat(SeedChecker.problems(objects))
        .contains(
            "Secret shop/postgres-credentials needs Namespace shop, which does not come before it")
        .hasSize(21);
  }

  @Test
  void findsAClaimBeforeItsVolume() {
    List<JsonObject> objects = new ArrayList<>(demo);
    JsonObject volume = find(objects, "PersistentVolume", null, "pv-shop-data-postgres-0");
    objects.remove(volume);
    objects.add(volume);

    assertThat(SeedChecker.problems(objects))
        .containsExactly(
            "PersistentVolumeClaim shop/data-postgres-0 needs PersistentVolume"
                + " pv-shop-data-postgres-0, which does not come before it");
  }

  @Test
  void findsACustomResourceBeforeItsDefinition() {
    List<JsonObject> objects = new ArrayList<>(demo);
    JsonObject definition = find(objects, "CustomResourceDefinition", null, "widgets.example.com");
    objects.remove(definition);
    objects.add(definition);

    assertThat(SeedChecker.problems(objects))
        .containsExactly(
            "Widget shop/gear: unknown kind, and no CustomResourceDefinition before it",
            "Widget shop/sprocket: unknown kind, and no CustomResourceDefinition before it",
            "Widget shop/flywheel: unknown kind, and no CustomResourceDefinition before it");
  }

  @Test
  void findsAVolumeBoundToAnotherClaim() {
    List<JsonObject> objects =
        changed(
            "PersistentVolume",
            null,
            "pv-shop-data-postgres-0",
            volume ->
                JsonPaths.objectAt(volume, "spec", "claimRef").addProperty("name", "other-claim"));

    assertThat(SeedChecker.problems(objects))
        .containsExactly(
            "PersistentVolume pv-shop-data-postgres-0: its claimRef names a claim not in the seed",
            "PersistentVolumeClaim shop/data-postgres-0: its volume pv-shop-data-postgres-0 is"
                + " claimed by another");
  }

  @Test
  void findsAnUnboundClaim() {
    List<JsonObject> objects =
        changed(
            "PersistentVolumeClaim",
            "monitoring",
            "data-prometheus-0",
            claim -> claim.getAsJsonObject("status").addProperty("phase", "Pending"));

    assertThat(SeedChecker.problems(objects))
        .containsExactly(
            "PersistentVolumeClaim monitoring/data-prometheus-0: it or its volume is not Bound");
  }

  @Test
  void findsAWorkloadWithoutTierOrRequests() {
    List<JsonObject> objects =
        changed(
            "Deployment",
            "shop",
            "cart",
            cart -> {
              JsonPaths.objectAt(cart, "metadata", "labels").addProperty("tugboat.dev/tier", "5");
              JsonPaths.containers(JsonPaths.podTemplate(cart))
                  .get(0)
                  .getAsJsonObject("resources")
                  .remove("requests");
            });

    assertThat(SeedChecker.problems(objects))
        .containsExactly(
            "Deployment shop/cart: container cart has no cpu request",
            "Deployment shop/cart: container cart has no memory request",
            "Deployment shop/cart: it and its pods need the same label tugboat.dev/tier",
            "Deployment shop/cart: tier is not 0 to 3");
  }

  @Test
  void findsAServiceThatSelectsNoPods() {
    List<JsonObject> objects =
        changed(
            "Service",
            "shop",
            "redis",
            redis ->
                JsonPaths.objectAt(redis, "spec", "selector")
                    .addProperty("app.kubernetes.io/name", "memcached"));

    assertThat(SeedChecker.problems(objects))
        .containsExactly(
            "Service shop/redis: its selector app.kubernetes.io/name=memcached selects no pods");
  }

  @Test
  void findsBadNamesAndMisplacedNamespaces() {
    List<JsonObject> objects =
        changed(
            "CustomResourceDefinition",
            null,
            "widgets.example.com",
            definition -> {
              definition.getAsJsonObject("metadata").addProperty("namespace", "shop");
              definition.getAsJsonObject("metadata").addProperty("uid", "1234");
            });
    JsonObject frontend = find(objects, "Service", "shop", "frontend");
    frontend.getAsJsonObject("metadata").addProperty("name", "Front_End");
    // The Ingress's backend now names a Service that no longer exists.
    assertThat(SeedChecker.problems(objects))
        .containsExactly(
            "CustomResourceDefinition shop/widgets.example.com: has metadata.uid, which the server"
                + " sets",
            "CustomResourceDefinition shop/widgets.example.com: cluster-scoped but has a namespace",
            "CustomResourceDefinition shop/widgets.example.com needs Namespace shop, which does not"
                + " come before it",
            "Service shop/Front_End: name is not an RFC 1123 subdomain",
            "Service shop/Front_End: name is not an RFC 1035 label",
            "Ingress shop/frontend needs Service shop/frontend, which does not come before it");
  }

  private List<JsonObject> changed(
      String kind, String namespace, String name, Consumer<JsonObject> change) {
    List<JsonObject> objects = new DemoSeed().objects().toList();
    change.accept(find(objects, kind, namespace, name));
    return objects;
  }

  private static JsonObject find(
      List<JsonObject> objects, String kind, String namespace, String name) {
    return objects.stream()
        .filter(object -> JsonPaths.describe(object).equals(describe(kind, namespace, name)))
        .findFirst()
        .orElseThrow();
  }

  private static String describe(String kind, String namespace, String name) {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
