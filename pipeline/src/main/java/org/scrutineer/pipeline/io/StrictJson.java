package org.scrutineer.pipeline.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one way Scrutineer reads the JSON a user writes (a {@code --config} file, an extract mapping,
 * a boundary file): a key given twice in one object is an error, never "the last one wins", and a
 * parse error is told as the file, line and column in plain words.
 */
public final class StrictJson {
  private StrictJson() {}

  /** A mapper that rejects duplicate keys. */
  public static ObjectMapper mapper() {
    return new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /**
   * A one-line account of a parse error: {@code "<what> <file> line L column C: <problem>"}, the
   * problem in plain words ({@link #plain}).
   */
  public static String describe(String what, String file, JsonProcessingException e) {
    return e.getLocation() == null
        ? String.format("%s %s: %s", what, file, plain(e.getOriginalMessage()))
        : String.format(
            "%s %s line %d column %d: %s",
            what,
            file,
            e.getLocation().getLineNr(),
            e.getLocation().getColumnNr(),
            plain(e.getOriginalMessage()));
  }

  /**
   * Jackson's account of a syntax error in words a person writing JSON by hand understands, without
   * the parser's internals (character codes, token classes, class names); other problems (a key
   * given twice, a value of the wrong shape) as Jackson gives them, first line only.
   */
  static String plain(String message) {
    if (message == null) {
      return "not valid JSON";
    }
    String first = message.lines().findFirst().orElse("").strip();
    java.util.regex.Matcher unexpected =
        java.util.regex.Pattern.compile(
                "Unexpected character \\('(.*?)' \\(code \\d+\\)\\):? ?(.*)",
                java.util.regex.Pattern.DOTALL)
            .matcher(first);
    if (unexpected.find()) {
      String found = "'" + unexpected.group(1) + "'";
      String expecting = unexpected.group(2);
      if (expecting.contains("double-quote to start field name")) {
        return "expected a name in double quotes, found "
            + found
            + " (a comma after the last entry, or a name without quotes?)";
      }
      if (expecting.contains("comma to separate Object entries")) {
        return "expected a comma or } after a value, found " + found + " (a missing comma?)";
      }
      if (expecting.contains("comma to separate Array entries")) {
        return "expected a comma or ] after a list item, found " + found + " (a missing comma?)";
      }
      if (expecting.contains("colon to separate field name and value")) {
        return "expected a colon after a name, found " + found;
      }
      if (expecting.contains("expected a value") || expecting.contains("expected a valid value")) {
        return "expected a value, found " + found + " (a comma after the last list item?)";
      }
      return "unexpected " + found;
    }
    if (first.startsWith("Unexpected end-of-input")) {
      return "the file ends before the JSON does (a missing } or ], or an unclosed quote?)";
    }
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("Unrecognized token '(.*?)'").matcher(first);
    if (token.find()) {
      return "'"
          + token.group(1)
          + "' is not a JSON value (text needs double quotes; true, false and null are lower case)";
    }
    java.util.regex.Matcher duplicate =
        java.util.regex.Pattern.compile("Duplicate field '(.*?)'").matcher(first);
    if (duplicate.find()) {
      return "'" + duplicate.group(1) + "' is given twice in one object";
    }
    if (first.startsWith("Illegal unquoted character")) {
      return "a control character (such as a tab or line break) inside a quoted text; write it as"
          + " \\t or \\n";
    }
    if (first.startsWith("Unrecognized character escape")) {
      return "a backslash in a quoted text that does not start an escape; write \\\\ for one"
          + " backslash (or use / in paths)";
    }
    return first
        .replaceAll(" \\(code \\d+\\)", "")
        .replaceAll(" \\(class [^)]*\\)", "")
        .replaceAll(" \\(for [^)]*\\)", "");
  }
}
