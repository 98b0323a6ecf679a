package org.scrutineer.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parse errors are told as file, line and column in plain words, not parser internals. */
class StrictJsonTest {
  @Test
  void syntaxErrorsAreToldInPlainWordsWithTheirPlace() {
    Map<String, String> cases =
        Map.of(
            "{\"a\": 1,\n}",
            "f.json line 2 column 1: expected a name in double quotes, found '}' (a comma after"
                + " the last entry, or a name without quotes?)",
            "{\"a\": 1 \"b\": 2}",
            "f.json line 1 column 9: expected a comma or } after a value, found '\"' (a missing"
                + " comma?)",
            "{\"a\": [1 2]}",
            "f.json line 1 column 10: expected a comma or ] after a list item, found '2'",
            "{\"a\" 1}",
            "f.json line 1 column 6: expected a colon after a name, found '1'",
            "{\"a\": [1,",
            "the file ends before the JSON does (a missing } or ], or an unclosed quote?)",
            "{\"a\": True}",
            "'True' is not a JSON value (text needs double quotes; true, false and null are lower"
                + " case)",
            "{\"a\": \"C:\\data\"}",
            "a backslash in a quoted text that does not start an escape",
            "{\"a\": 1, \"a\": 2}",
            "line 1 column 13: 'a' is given twice in one object");
    cases.forEach(
        (json, says) -> {
          String message = describe(json);
          assertThat(message).as(json).startsWith("Invalid config f.json").contains(says);
          assertThat(message).as(json).doesNotContain("code ", "Source:", "\n");
        });
  }

  private static String describe(String json) {
    try {
      StrictJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return StrictJson.describe("Invalid config", "f.json", e);
    }
    throw new AssertionError("parsed: " + json);
  }
}
