package dev.tugboat.samples.sandbox;

import dev.tugboat.core.selection.LabelSelector;

/** The label and field selectors of a LIST or WATCH request. */
record ObjectFilter(LabelSelector labels, FieldSelector fields) {

  static final ObjectFilter EVERYTHING =
      new ObjectFilter(LabelSelector.everything(), FieldSelector.everything());

  /**
   * @throws ApiError 400 BadRequest when a selector is malformed
   */
  static ObjectFilter parse(String labelSelector, String fieldSelector, ResourceType type) {
    LabelSelector labels;
    try {
      labels =
          labelSelector == null ? LabelSelector.everything() : LabelSelector.parse(labelSelector);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "BadRequest", "unable to parse requirement: " + e.getMessage());
    }
    return new ObjectFilter(labels, FieldSelector.parse(fieldSelector, type));
  }

  boolean isEmpty() {
    return labels.isEmpty() && fields.isEmpty();
  }

  boolean matches(StoredObject object) {
    return object != null && labels.matches(object.labels()) && fields.matches(object);
  }
}
