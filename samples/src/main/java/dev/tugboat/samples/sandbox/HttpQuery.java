package dev.tugboat.samples.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The decoded query parameters of a request. */
final class HttpQuery {

  private final Map<String, List<String>> parameters;

  private HttpQuery(Map<String, List<String>> parameters) {
    this.parameters = parameters;
  }

  /** Parses a raw (still encoded) query string; null for none. */
  static HttpQuery parse(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new HttpQuery(parameters);
  }

  /** The first value of a parameter, or null. */
  String get(String name) {
    List<String> values = parameters.get(name);
    return values == null ? null : values.get(0);
  }

  List<String> all(String name) {
    return parameters.getOrDefault(name, List.of());
  }

  /** {@code true} for {@code true} or {@code 1}, as the API server reads booleans. */
  boolean flag(String name) {
    String value = get(name);
    return "true".equals(value) || "1".equals(value);
  }

  /**
   * @throws ApiError 400 BadRequest when the value is not a whole number
   */
  long number(String name, long absent) {
    String value = get(name);
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new ApiError(
          400, "BadRequest", "query parameter " + name + " is not a number: " + value);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
