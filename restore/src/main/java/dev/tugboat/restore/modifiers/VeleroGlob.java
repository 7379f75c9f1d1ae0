package dev.tugboat.restore.modifiers;

import java.util.regex.Pattern;

/**
 * The glob syntax Velero matches group-resources and namespaces with (the gobwas/glob library):
 * {@code *} any run of characters, {@code ?} one character, {@code [abc]}, {@code [a-z]} and {@code
 * [!abc]} one character of (or not of) a set, {@code {a,b}} one of the alternatives (which may hold
 * globs), {@code \} escapes the next character. With a separator, {@code *} and {@code ?} do not
 * match the separator and {@code **} matches anything: {@code *.apps} matches {@code
 * deployments.apps} but not {@code deployments.x.apps}.
 */
final class VeleroGlob {

  private final String glob;
  private final boolean dotSeparated;
  private int position;

  private VeleroGlob(String glob, boolean dotSeparated) {
    this.glob = glob;
    this.dotSeparated = dotSeparated;
  }

  /**
   * @param dotSeparated whether {@code .} separates segments, as in group-resources
   * @throws IllegalArgumentException when a {@code [} or {@code {} is not closed, or the pattern
   *     ends with {@code \}
   */
  static Pattern compile(String glob, boolean dotSeparated) {
    VeleroGlob parser = new VeleroGlob(glob, dotSeparated);
    String regex = parser.sequence(false);
    if (parser.position < glob.length()) {
      throw parser.problem("unexpected '" + glob.charAt(parser.position) + "'");
    }
    return Pattern.compile(regex, Pattern.DOTALL);
  }

  /** Translates until the end, or inside alternatives until the next ',' or '}'. */
  private String sequence(boolean inAlternatives) {
    StringBuilder regex = new StringBuilder();
    while (position < glob.length()) {
      char c = glob.charAt(position);
      if (inAlternatives && (c == ',' || c == '}')) {
        break;
      }
      position++;
      switch (c) {
        case '*' -> {
          boolean superStar = position < glob.length() && glob.charAt(position) == '*';
          if (superStar) {
            position++;
          }
          regex.append(superStar || !dotSeparated ? ".*" : "[^.]*");
        }
        case '?' -> regex.append(dotSeparated ? "[^.]" : ".");
        case '[' -> regex.append(characterClass());
        case '{' -> regex.append(alternatives());
        case '\\' -> {
          if (position >= glob.length()) {
            throw problem("it ends with '\\'");
          }
          regex.append(Pattern.quote(String.valueOf(glob.charAt(position++))));
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private String characterClass() {
    int close = glob.indexOf(']', position);
    if (close < 0) {
      throw problem("a '[' is not closed");
    }
    String body = glob.substring(position, close);
    position = close + 1;
    boolean negated = body.startsWith("!");
    StringBuilder regex = new StringBuilder(negated ? "[^" : "[");
    for (char c : (negated ? body.substring(1) : body).toCharArray()) {
      regex.append(c == '-' ? "-" : "\\x{" + Integer.toHexString(c) + "}");
    }
    return regex.append(']').toString();
  }

  private String alternatives() {
    StringBuilder regex = new StringBuilder("(?:");
    while (true) {
      regex.append(sequence(true));
      if (position >= glob.length()) {
        throw problem("a '{' is not closed");
      }
      char c = glob.charAt(position++);
      if (c == '}') {
        return regex.append(')').toString();
      }
      regex.append('|');
    }
  }

  private IllegalArgumentException problem(String what) {
    return new IllegalArgumentException("the glob '" + glob + "' is invalid: " + what);
  }
}
