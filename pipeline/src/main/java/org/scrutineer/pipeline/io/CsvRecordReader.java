package org.scrutineer.pipeline.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.scrutineer.pipeline.schema.RejectReason;

/**
 * Splits RFC 4180 delimited text into records while keeping each record's line number and raw text,
 * which Spark's CSV source cannot give and which every reject must carry.
 *
 * <p>Quoted fields may hold delimiters, doubled quotes and line breaks. A quote inside an unquoted
 * field is kept as text (as Excel does). Two faults are reported on the record rather than thrown:
 * a quoted field that is never closed ({@link RejectReason#UNTERMINATED_QUOTE}: only the line it
 * opened on is rejected, see {@link #next}) and text after a closing quote ({@link
 * RejectReason#MALFORMED_QUOTE}); read from bytes, a record holding bytes that are not text in the
 * file's encoding is a third ({@link RejectReason#INVALID_ENCODING}), never silently repaired. A
 * leading UTF-8 byte-order mark is dropped. The final line break of a file does not start a record.
 */
public final class CsvRecordReader implements Closeable {
  private static final char QUOTE = '"';

  /**
   * The most lines a quoted field may continue over: past them (or past a line that reads as a
   * complete record of its own), the quote is taken as never closed.
   */
  public static final int MAX_QUOTED_LINES = 20;

  /** A physical line and whether its bytes were valid text. */
  private record Line(String text, boolean malformed) {}

  private final LineSource reader;
  private final char delimiter;
  private final java.util.ArrayDeque<Line> pending = new java.util.ArrayDeque<>();
  private long nextLine = 1;
  private long physicalLines;
  private int expectedFields;
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

  /**
   * The number of fields a complete record has (the header's), once known: a line inside an open
   * quoted field that reads on its own as a complete record ends the quote's run (see {@link
   * #next}). Zero (the default) for none.
   */
  public void expectFields(int fields) {
    this.expectedFields = fields;
  }

  /** The physical lines read from the input so far (each once, however often it was parsed). */
  public long physicalLines() {
    return physicalLines;
  }

  private Line readLine() throws IOException {
    if (!pending.isEmpty()) {
      return pending.poll();
    }
    String text = reader.readLine();
    if (text == null) {
      return null;
    }
    physicalLines++;
    return new Line(text, reader.lastLineMalformed());
  }

  /**
   * Returns the next record, or {@code null} at the end of the input.
   *
   * <p>A quoted field may run over line breaks, but not past the end of the file, not over more
   * than {@link #MAX_QUOTED_LINES} lines, and not over a line that reads on its own as a complete
   * record (with the {@link #expectFields expected} number of fields): then its quote is taken as
   * never closed, the line it opened on alone is returned as {@link
   * RejectReason#UNTERMINATED_QUOTE}, and reading resumes at the next line, so one stray quote
   * never swallows the rest of a file.
   */
  public CsvRecord next() throws IOException {
    Line firstLine = readLine();
    if (firstLine == null) {
      return null;
    }
    String line = firstLine.text();
    if (first) {
      first = false;
      if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
    }
    long start = nextLine;
    nextLine++;
    boolean malformed = firstLine.malformed();
    List<Line> continued = new ArrayList<>();
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
        Line more = readLine();
        String why =
            more == null
                ? "before the end of the file"
                : continued.size() == MAX_QUOTED_LINES
                    ? String.format("within %d lines", MAX_QUOTED_LINES)
                    : completeRecord(more.text())
                        ? String.format(
                            "before line %d, which reads as a complete record", nextLine)
                        : null;
        if (why != null) {
          if (more != null) {
            continued.add(more);
          }
          for (int k = continued.size() - 1; k >= 0; k--) {
            pending.addFirst(continued.get(k));
          }
          nextLine = start + 1;
          return new CsvRecord(
              start,
              List.of(),
              line,
              RejectReason.UNTERMINATED_QUOTE,
              String.format(
                  "A quoted field opened on line %d is not closed %s; line %d alone is rejected"
                      + " and reading resumes at line %d",
                  start, why, start, start + 1));
        }
        continued.add(more);
        nextLine++;
        malformed |= more.malformed();
        raw.append('\n').append(more.text());
        field.append('\n');
        text = more.text();
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

  /** Whether {@code line} alone splits into exactly the expected fields, every quote closed. */
  private boolean completeRecord(String line) {
    if (expectedFields <= 0) {
      return false;
    }
    int fields = 1;
    boolean quoted = false;
    boolean fieldStart = true;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == QUOTE) {
          if (i + 1 < line.length() && line.charAt(i + 1) == QUOTE) {
            i++;
          } else {
            quoted = false;
          }
        }
      } else if (c == delimiter) {
        fields++;
        fieldStart = true;
        continue;
      } else if (c == QUOTE && fieldStart) {
        quoted = true;
      }
      fieldStart = false;
    }
    return !quoted && fields == expectedFields;
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
