package org.scrutineer.pipeline.report;

/** Escaping and small builders for the pack's HTML and SVG text. */
final class Html {
  private Html() {}

  /** Text escaped for an element's content or an attribute value. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A {@code data-key} attribute, or nothing for an empty key. */
  static String key(String key) {
    return key == null || key.isEmpty() ? "" : " data-key=\"" + esc(key) + "\"";
  }
}
