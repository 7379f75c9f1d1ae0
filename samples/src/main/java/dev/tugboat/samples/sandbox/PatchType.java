package dev.tugboat.samples.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The patch formats of a PATCH request, told apart by its {@code Content-Type}. */
enum PatchType {
  JSON_PATCH("application/json-patch+json"),
  MERGE("application/merge-patch+json"),
  STRATEGIC_MERGE("application/strategic-merge-patch+json"),
  APPLY("application/apply-patch+yaml");

  private final String contentType;

  PatchType(String contentType) {
    this.contentType = contentType;
  }

  /** The format of a {@code Content-Type} header value, parameters such as charset ignored. */
  static Optional<PatchType> of(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(type -> type.contentType.equals(mediaType)).findFirst();
  }
}
