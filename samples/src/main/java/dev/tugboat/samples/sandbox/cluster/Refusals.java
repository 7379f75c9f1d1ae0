package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.JsonFields;

/** The 403 an admission plug-in answers, worded as the API server words it. */
final class Refusals {

  private Refusals() {}

  /**
   * {@code <resource> "<name>" is forbidden: <reason>}; an object still to be named by {@code
   * generateName} shows that prefix, as in Kubernetes' {@code pods "web-7d9f-" is forbidden}.
   *
   * @param groupResource e.g. {@code pods}, {@code deployments.apps}
   */
  static ApiError forbidden(String groupResource, JsonObject object, String reason) {
    String name = JsonFields.name(object);
    if (name == null || name.isEmpty()) {
      name = JsonFields.string(object, "metadata", "generateName");
    }
    return ApiError.forbidden(
        groupResource + " \"" + (name == null ? "" : name) + "\" is forbidden: " + reason);
  }
}
