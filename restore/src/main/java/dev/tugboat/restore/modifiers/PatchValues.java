package dev.tugboat.restore.modifiers;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the {@code value} of a patch operation or a match the way Velero does ({@code
 * json_patch.go addQuotes}): the field is text, and {@code null}, {@code true}, {@code false}, a
 * number, or text starting with {@code {} or {@code [} is taken as JSON; anything else is a string.
 * Text wrapped in double quotes is the string inside them, so that {@code "\"true\""} sets the
 * string {@code true}.
 */
final class PatchValues {

  /** RFC 8259's number grammar: what Velero can pass on as a JSON number. */
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private PatchValues() {}

  /**
   * @throws IllegalArgumentException when text starting with {@code {} or {@code [} is not valid
   *     JSON
   */
  static JsonElement parse(String text) {
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return new JsonPrimitive(text.substring(1, text.length() - 1));
    }
    if (text.equals("null")) {
      return JsonNull.INSTANCE;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return new JsonPrimitive(Boolean.parseBoolean(lower));
    }
    if (text.startsWith("{") || text.startsWith("[") || JSON_NUMBER.matcher(text).matches()) {
      return strictJson(text);
    }
    return new JsonPrimitive(text);
  }

  private static JsonElement strictJson(String text) {
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      JsonElement value = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException("the value '" + text + "' has text after its JSON");
      }
      return value;
    } catch (JsonParseException | IOException e) {
      throw new IllegalArgumentException(
          "the value '" + text + "' is read as JSON but is not valid JSON (quote its names)", e);
    }
  }
}
