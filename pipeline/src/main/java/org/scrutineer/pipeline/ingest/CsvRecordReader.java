package org.scrutineer.pipeline.ingest;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 delimited text into records while keeping each record's line number and raw text,
 * which Spark's CSV source cannot give and which every reject must carry.
 *
 * <p>Quoted fields may hold delimiters, doubled quotes and line breaks. A quote inside an unquoted
 * field is kept as text (as Excel does). Two faults are reported on the record rather than thrown:
 * a quoted field still open at the end of the file ({@link RejectReason#UNTERMINATED_QUOTE}) and
 * text after a closing quote ({@link RejectReason#MALFORMED_QUOTE}). A leading UTF-8 byte-order
 * mark is dropped. The final line break of a file does not start a record.
 */
public final class CsvRecordReader implements Closeable {
  private static final char QUOTE = '"';

  private final BufferedReader reader;
  private final char delimiter;
  private long nextLine = 1;
  private boolean first = true;

  /** Reads from {@code reader}, splitting fields on {@code delimiter}. */
  public CsvRecordReader(Reader reader, char delimiter) {
    this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    this.delimiter = delimiter;
  }

  /** Returns the next record, or {@code null} at the end of the input. */
  public CsvRecord next() throws IOException {
    String line = reader.readLine();
    if (line == null) {
      return null;
    }
    if (first) {
      first = false;
      if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
    }
    long start = nextLine;
    nextLine++;
    StringBuilder raw = new StringBuilder(line);
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    boolean fieldStart = true;
    int i = 0;
    String text = line;
    while (true) {
      if (i == text.length()) {
        if (!quoted) {
          break;
        }
        String more = reader.readLine();
        if (more == null) {
          return new CsvRecord(
              start,
              List.of(),
              raw.toString(),
              RejectReason.UNTERMINATED_QUOTE,
              String.format("A quoted field opened on line %d is not closed", start));
        }
        nextLine++;
        raw.append('\n').append(more);
        field.append('\n');
        text = more;
        i = 0;
        continue;
      }
      char c = text.charAt(i++);
      if (quoted) {
        if (c == QUOTE) {
          if (i < text.length() && text.charAt(i) == QUOTE) {
            field.append(QUOTE);
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          field.append(c);
        }
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
        fieldStart = true;
        continue;
      } else if (afterQuote) {
        return new CsvRecord(
            start,
            List.of(),
            raw.toString(),
            RejectReason.MALFORMED_QUOTE,
            String.format("Text after a closing quote in field %d", fields.size() + 1));
      } else if (c == QUOTE && fieldStart) {
        quoted = true;
      } else {
        field.append(c);
      }
      fieldStart = false;
    }
    fields.add(field.toString());
    return new CsvRecord(start, fields, raw.toString(), null, null);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
