package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import dev.tugboat.samples.sandbox.cluster.Selectors;
import java.util.Objects;

/**
 * One entry of a policy's {@code spec.resourceSelectors}: {@code apiVersion} and {@code kind}
 * always, then {@code namespace}, {@code name} (which makes {@code labelSelector} ignored, as in
 * Karmada) or {@code labelSelector}.
 *
 * @param namespace null when not given
 * @param name null when not given
 * @param labelSelector null when not given
 */
record ResourceSelector(
    String apiVersion, String kind, String namespace, String name, JsonObject labelSelector) {

  /** How precisely a selector matches, Karmada's tie-break between policies of equal priority. */
  static final int NO_MATCH = 0;

  static final int MATCH_ALL = 1;
  static final int MATCH_LABELS = 2;
  static final int MATCH_NAME = 3;

  static ResourceSelector from(JsonObject selector) {
    return new ResourceSelector(
        JsonFields.string(selector, "apiVersion"),
        JsonFields.string(selector, "kind"),
        JsonFields.string(selector, "namespace"),
        JsonFields.string(selector, "name"),
        JsonFields.object(selector, "labelSelector"));
  }

  /** Whether the selector can name a template at all (Karmada requires apiVersion and kind). */
  boolean complete() {
    return apiVersion != null && kind != null;
  }

  /** {@link #NO_MATCH}, or how precisely the selector names the template. */
  int precision(JsonObject template) {
    if (!complete()
        || !apiVersion.equals(JsonFields.string(template, "apiVersion"))
        || !kind.equals(JsonFields.string(template, "kind"))
        || (namespace != null && !namespace.equals(JsonFields.namespace(template)))) {
      return NO_MATCH;
    }
    if (name != null) {
      return name.equals(JsonFields.name(template)) ? MATCH_NAME : NO_MATCH;
    }
    if (labelSelector != null) {
      return Selectors.matches(labelSelector, JsonFields.labels(template))
          ? MATCH_LABELS
          : NO_MATCH;
    }
    return MATCH_ALL;
  }

  /** The selected kind as {@code apiVersion/kind}. */
  String kindKey() {
    return Objects.requireNonNull(apiVersion) + "/" + Objects.requireNonNull(kind);
  }
}
