package dev.tugboat.samples.sandbox.seed;

import static dev.tugboat.samples.sandbox.seed.JsonBuilder.array;
import static dev.tugboat.samples.sandbox.seed.JsonBuilder.object;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Makes the objects of a {@link GeneratedSeed}. Their contents come from the random generator they
 * are given, so the same generator state always gives the same object.
 */
final class GeneratedObjects {

  /** What all generated objects are part of, so a label selector can pick them out. */
  static final String PART_OF = "benchmark";

  private static final int CONFIG_MAP_KEYS = 4;
  private static final int CONFIG_MAP_VALUE_LENGTH = 256;

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String[] IMAGES = {"nginx:1.27", "httpd:2.4", "redis:7.4", "busybox:1.37"};
  private static final String[] CPU_REQUESTS = {"50m", "100m", "250m", "500m"};
  private static final String[] MEMORY_REQUESTS = {"64Mi", "128Mi", "256Mi", "512Mi"};

  private GeneratedObjects() {}

  static JsonObject namespace(String name) {
    return object(
        "apiVersion",
        "v1",
        "kind",
        "Namespace",
        "metadata",
        object("name", name, "labels", object("app.kubernetes.io/part-of", PART_OF)));
  }

  /** A ConfigMap of 1 KiB of data: four random values of 256 characters. */
  static JsonObject configMap(String namespace, String name, SplittableRandom random) {
    JsonObject data = new JsonObject();
    for (int key = 0; key < CONFIG_MAP_KEYS; key++) {
      data.addProperty("key-" + key, text(random, CONFIG_MAP_VALUE_LENGTH));
    }
    return object(
        "apiVersion",
        "v1",
        "kind",
        "ConfigMap",
        "metadata",
        metadata(namespace, name),
        "data",
        data);
  }

  /** An {@code Opaque} Secret with a random user name and password, base64-encoded. */
  static JsonObject secret(String namespace, String name, SplittableRandom random) {
    return object(
        "apiVersion",
        "v1",
        "kind",
        "Secret",
        "metadata",
        metadata(namespace, name),
        "type",
        "Opaque",
        "data",
        object(
            "username", base64("user-" + text(random, 8)), "password", base64(text(random, 32))));
  }

  /** An app of one to three replicas of one container, with random requests. */
  static JsonObject deployment(App app, SplittableRandom random) {
    JsonObject container =
        object(
            "name",
            "app",
            "image",
            pick(random, IMAGES),
            "ports",
            array(object("name", "http", "containerPort", 8080, "protocol", "TCP")),
            "resources",
            object(
                "requests",
                object(
                    "cpu", pick(random, CPU_REQUESTS), "memory", pick(random, MEMORY_REQUESTS))));
    return object(
        "apiVersion",
        "apps/v1",
        "kind",
        "Deployment",
        "metadata",
        app.metadata(),
        "spec",
        object(
            "replicas",
            1 + random.nextInt(3),
            "selector",
            object("matchLabels", app.selector()),
            "template",
            object(
                "metadata",
                object("labels", app.labels()),
                "spec",
                object("containers", array(container)))));
  }

  /** A ClusterIP Service in front of an app's pods. */
  static JsonObject service(App app) {
    return object(
        "apiVersion",
        "v1",
        "kind",
        "Service",
        "metadata",
        app.metadata(),
        "spec",
        object(
            "type",
            "ClusterIP",
            "selector",
            app.selector(),
            "ports",
            array(object("name", "http", "port", 80, "targetPort", "http", "protocol", "TCP"))));
  }

  private static JsonObject metadata(String namespace, String name) {
    return object(
        "name",
        name,
        "namespace",
        namespace,
        "labels",
        object("app.kubernetes.io/part-of", PART_OF));
  }

  private static String text(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  private static String pick(SplittableRandom random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String base64(String plain) {
    return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }
}
