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
   * problem as Jackson words it without its source excerpt.
   */
  public static String describe(String what, String file, JsonProcessingException e) {
    return e.getLocation() == null
        ? String.format("%s %s: %s", what, file, e.getOriginalMessage())
        : String.format(
            "%s %s line %d column %d: %s",
            what,
            file,
            e.getLocation().getLineNr(),
            e.getLocation().getColumnNr(),
            e.getOriginalMessage());
  }
}
