package dev.tugboat.restore.modifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON Pointer such as {@code /metadata/labels/app.kubernetes.io~1name}: the reference
 * tokens, unescaped ({@code ~1} is {@code /}, {@code ~0} is {@code ~}).
 */
record JsonPointer(String text, List<String> tokens) {

  JsonPointer {
    tokens = List.copyOf(tokens);
  }

  /**
   * @throws IllegalArgumentException when the text does not start with {@code /} or has a {@code ~}
   *     not followed by {@code 0} or {@code 1}
   */
  static JsonPointer parse(String text) {
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException(
          "the JSON pointer '" + text + "' must start with '/', e.g. /spec/replicas");
    }
    List<String> tokens = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      tokens.add(unescape(raw, text));
    }
    return new JsonPointer(text, tokens);
  }

  /** The pointer to the container of the target: all tokens but the last. */
  List<String> parentTokens() {
    return tokens.subList(0, tokens.size() - 1);
  }

  /** The last token: the key or index of the target inside its container. */
  String lastToken() {
    return tokens.get(tokens.size() - 1);
  }

  /** Whether {@code other} points inside the value this pointer points to (or to it). */
  boolean isPrefixOf(JsonPointer other) {
    return other.tokens.size() >= tokens.size()
        && other.tokens.subList(0, tokens.size()).equals(tokens);
  }

  private static String unescape(String raw, String text) {
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '~') {
        token.append(c);
        continue;
      }
      char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
      if (next != '0' && next != '1') {
        throw new IllegalArgumentException(
            "the JSON pointer '" + text + "' has a '~' not followed by 0 or 1");
      }
      token.append(next == '0' ? '~' : '/');
      i++;
    }
    return token.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
