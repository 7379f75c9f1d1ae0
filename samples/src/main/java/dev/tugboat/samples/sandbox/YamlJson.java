package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a YAML document (JSON is YAML too) into a Gson tree, for server-side apply bodies. */
final class YamlJson {

  private YamlJson() {}

  /**
   * @throws ApiError 400 BadRequest when the text is not a YAML mapping
   */
  static JsonObject parseObject(String yaml) {
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new ApiError(400, "BadRequest", "the apply body is not valid YAML: " + e.getMessage());
    }
    JsonElement element = toJson(loaded);
    if (!element.isJsonObject()) {
      throw new ApiError(400, "BadRequest", "the apply body must be a YAML mapping (an object)");
    }
    return element.getAsJsonObject();
  }

  private static JsonElement toJson(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      map.forEach((key, item) -> object.add(String.valueOf(key), toJson(item)));
      return object;
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    if (value instanceof Number number) {
      return new JsonPrimitive(number);
    }
    if (value instanceof Boolean bool) {
      return new JsonPrimitive(bool);
    }
    if (value instanceof Date date) {
      // unquoted timestamps such as creationTimestamp: 2024-01-01T00:00:00Z
      return new JsonPrimitive(date.toInstant().toString());
    }
    return new JsonPrimitive(String.valueOf(value));
  }
}
