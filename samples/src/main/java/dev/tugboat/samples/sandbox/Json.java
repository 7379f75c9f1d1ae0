package dev.tugboat.samples.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;

/**
 * Parsing and serialising the compact JSON the sandbox stores and serves; reading and writing the
 * fields of parsed objects is {@link JsonFields}'s job.
 */
final class Json {

  /** No HTML escaping: Kubernetes writes {@code <}, {@code >} and {@code =} as they are. */
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private Json() {}

  static byte[] bytes(JsonElement element) {
    return GSON.toJson(element).getBytes(StandardCharsets.UTF_8);
  }

  static String text(JsonElement element) {
    return GSON.toJson(element);
  }

  static JsonObject parseObject(byte[] json) {
    return parseObject(new String(json, StandardCharsets.UTF_8));
  }

  /**
   * @throws ApiError 400 BadRequest when the text is not a JSON object
   */
  static JsonObject parseObject(String json) {
    JsonElement element = parse(json);
    if (!element.isJsonObject()) {
      throw badRequest("expected a JSON object, got: " + abbreviate(json));
    }
    return element.getAsJsonObject();
  }

  /**
   * @throws ApiError 400 BadRequest when the text is not JSON
   */
  static JsonElement parse(String json) {
    try {
      return JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw badRequest("the request body is not valid JSON: " + e.getMessage());
    }
  }

  private static ApiError badRequest(String message) {
    return new ApiError(400, "BadRequest", message);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
