package dev.tugboat.samples.sandbox.seed;

import static dev.tugboat.samples.sandbox.seed.JsonBuilder.object;

import com.google.gson.JsonObject;

/**
 * An application of a generated seed: the unit that capacity planning and migration select, scale
 * down and shed. All its objects carry its {@link #labels()}; its Deployment and Service select its
 * pods by {@link #selector()}.
 *
 * @param partOf the larger system it belongs to ({@code app.kubernetes.io/part-of})
 * @param tier 0 core (never shed) to 3 sheddable ({@code tugboat.dev/tier})
 */
record App(String namespace, String name, String partOf, int tier) {

  JsonObject labels() {
    return object(
        "app.kubernetes.io/name",
        name,
        "app.kubernetes.io/part-of",
        partOf,
        "tugboat.dev/tier",
        Integer.toString(tier));
  }

  JsonObject selector() {
    return object("app.kubernetes.io/name", name);
  }

  /** Metadata for one of its objects, named after it. */
  JsonObject metadata() {
    return object("name", name, "namespace", namespace, "labels", labels());
  }
}
