package dev.tugboat.samples.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Applies a PATCH request's body, in its format, to the stored object. */
final class PatchBodies {

  private PatchBodies() {}

  /**
   * Returns the patched object; {@code target} is not changed.
   *
   * @throws ApiError 400 BadRequest when the body is malformed, 422 Invalid when a JSON patch does
   *     not apply or the result is not an object
   */
  static JsonObject apply(PatchType type, JsonObject target, String body) {
    JsonElement patched =
        switch (type) {
          case MERGE -> JsonMergePatch.apply(target, Json.parse(body));
          case JSON_PATCH -> {
            JsonElement operations = Json.parse(body);
            if (!operations.isJsonArray()) {
              throw new ApiError(400, "BadRequest", "a JSON patch must be a list of operations");
            }
            yield JsonPatch.apply(target, operations.getAsJsonArray());
          }
          case STRATEGIC_MERGE -> StrategicMergePatch.apply(target, Json.parseObject(body));
          case APPLY -> StrategicMergePatch.apply(target, YamlJson.parseObject(body));
        };
    if (!patched.isJsonObject()) {
      throw new ApiError(422, "Invalid", "the patched object is not a JSON object: " + patched);
    }
    return patched.getAsJsonObject();
  }
}
