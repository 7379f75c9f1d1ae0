package dev.tugboat.restore.capacity.report;

/** Escaping for text put into HTML element content or a quoted attribute value. */
final class Html {

  private Html() {}

  /** {@code <script>} becomes {@code &lt;script&gt;}; quotes are escaped too, for attributes. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
