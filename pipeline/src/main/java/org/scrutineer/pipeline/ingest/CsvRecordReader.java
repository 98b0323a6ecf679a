package org.scrutineer.pipeline.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 delimited text into records while keeping each record's line number and raw text,
 * which Spark's CSV source cannot give and which every reject must carry.
 *
 * <p>Quoted fields may hold delimiters, doubled quotes and line breaks. A quote inside an unquoted
 * field is kept as text (as Excel does). Two faults are reported on the record rather than thrown:
 * a quoted field still open at the end of the file ({@link RejectReason#UNTERMINATED_QUOTE}) and
 * text after a closing quote ({@link RejectReason#MALFORMED_QUOTE}); read from bytes, a record
 * holding bytes that are not text in the file's encoding is a third ({@link
 * RejectReason#INVALID_ENCODING}), never silently repaired. A leading UTF-8 byte-order mark is
 * dropped. The final line break of a file does not start a record.
 */
public final class CsvRecordReader implements Closeable {
  private static final char QUOTE = '"';

  private final LineSource reader;
  private final char delimiter;
  private long nextLine = 1;
  private boolean first = true;

  /** Reads decoded text from {@code reader}, splitting fields on {@code delimiter}. */
  public CsvRecordReader(Reader reader, char delimiter) {
    this(LineSource.of(reader), delimiter);
  }

  /**
   * Reads {@code in} as text in {@code charset}; a record with bytes that are not valid text is
   * reported as {@link RejectReason#INVALID_ENCODING}.
   */
  public CsvRecordReader(InputStream in, Charset charset, char delimiter) {
    this(LineSource.of(in, charset), delimiter);
  }

  private CsvRecordReader(LineSource reader, char delimiter) {
    this.reader = reader;
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
    boolean malformed = reader.lastLineMalformed();
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
        malformed |= reader.lastLineMalformed();
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
    if (malformed) {
      return invalidEncoding(start, raw);
    }
    return new CsvRecord(start, fields, raw.toString(), null, null);
  }

  private static CsvRecord invalidEncoding(long start, CharSequence raw) {
    return new CsvRecord(
        start,
        List.of(),
        raw.toString(),
        RejectReason.INVALID_ENCODING,
        String.format(
            "Line %d has bytes that are not text in the file's encoding (shown as \uFFFD)", start));
  }

  /** The 1-based line the reader is on: the line of the next record, or of a decoding fault. */
  public long line() {
    return nextLine;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
