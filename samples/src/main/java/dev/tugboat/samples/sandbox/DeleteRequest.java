package dev.tugboat.samples.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The options of a DELETE: from the query ({@code propagationPolicy}, {@code dryRun}) and from a
 * {@code DeleteOptions} body, which wins where both are given.
 *
 * @param propagationPolicy null for the default
 */
record DeleteRequest(
    String propagationPolicy,
    boolean dryRun,
    String preconditionUid,
    String preconditionResourceVersion) {

  static DeleteRequest of(HttpQuery query, String body) {
    String policy = query.get("propagationPolicy");
    boolean dryRun = ResourceRequests.dryRun(query);
    if ("true".equals(query.get("orphanDependents"))) {
      policy = "Orphan";
    }
    String uid = null;
    String resourceVersion = null;
    if (!body.isBlank()) {
      JsonObject options = Json.parseObject(body);
      String bodyPolicy = JsonFields.string(options, "propagationPolicy");
      if (bodyPolicy != null) {
        policy = bodyPolicy;
      }
      JsonElement orphan = options.get("orphanDependents");
      if (bodyPolicy == null && orphan != null && orphan.isJsonPrimitive()) {
        policy = orphan.getAsBoolean() ? "Orphan" : "Background";
      }
      JsonElement bodyDryRun = options.get("dryRun");
      if (bodyDryRun != null && bodyDryRun.isJsonArray()) {
        for (JsonElement value : bodyDryRun.getAsJsonArray()) {
          if (!"All".equals(value.getAsString())) {
            throw new ApiError(400, "BadRequest", "Invalid dry run value: " + value.getAsString());
          }
          dryRun = true;
        }
      }
      JsonObject preconditions = JsonFields.object(options, "preconditions");
      uid = JsonFields.string(preconditions, "uid");
      resourceVersion = JsonFields.string(preconditions, "resourceVersion");
    }
    return new DeleteRequest(policy, dryRun, uid, resourceVersion);
  }
}
