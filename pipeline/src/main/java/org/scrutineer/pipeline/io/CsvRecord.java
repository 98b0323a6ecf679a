package org.scrutineer.pipeline.io;

import java.util.List;
import org.scrutineer.pipeline.schema.RejectReason;

/**
 * One record of a delimited text file, as read.
 *
 * @param lineNumber the 1-based physical line on which the record starts (the header is line 1)
 * @param fields the field values, unquoted; empty fields are empty strings
 * @param rawText the record's text as it stands in the file (lines joined with {@code \n})
 * @param error a {@link RejectReason} when the record could not be split, else {@code null}
 * @param errorDetail a human-readable account of the error, else {@code null}
 */
public record CsvRecord(
    long lineNumber, List<String> fields, String rawText, RejectReason error, String errorDetail) {

  /** True when the record is a single empty line. */
  public boolean isBlank() {
    return rawText.isEmpty();
  }
}
