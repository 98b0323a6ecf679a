package org.scrutineer.pipeline.io;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.spark.sql.Row;

/**
 * Formats rows as CSV that opens cleanly in Excel: RFC 4180 quoting, CRLF line ends, a UTF-8
 * byte-order mark (written by the caller), empty cells for null, numbers in plain notation where
 * sensible (six significant digits; Parquet keeps full precision), text that Excel would run as a
 * formula ({@code = + - @}, tab or carriage return first) prefixed with an apostrophe, and text
 * longer than an Excel cell holds cut with a visible marker ({@link #cut}).
 */
public final class CsvFormat {
  public static final String BOM = "\uFEFF";
  public static final String EOL = "\r\n";
  private static final MathContext DIGITS = new MathContext(6);

  private CsvFormat() {}

  public static String header(Iterable<String> names) {
    StringBuilder line = new StringBuilder();
    for (String name : names) {
      if (line.length() > 0) {
        line.append(',');
      }
      line.append(text(name));
    }
    return line.append(EOL).toString();
  }

  public static String line(Row row) {
    return line(row, 0);
  }

  /** The line of the row's values from column {@code first} on. */
  public static String line(Row row, int first) {
    StringBuilder line = new StringBuilder();
    for (int i = first; i < row.size(); i++) {
      if (i > first) {
        line.append(',');
      }
      line.append(value(row.get(i)));
    }
    return line.append(EOL).toString();
  }

  public static String value(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return text(value.toString());
  }

  private static String number(double d) {
    if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
      return d == 0 ? "0" : "";
    }
    double abs = Math.abs(d);
    if (abs < 1e-4 || abs >= 1e15) {
      return new BigDecimal(d).round(DIGITS).toString();
    }
    return new BigDecimal(d).round(DIGITS).stripTrailingZeros().toPlainString();
  }

  /**
   * First characters that make a spreadsheet read a cell as a formula (or, tab and carriage return,
   * let one hide behind them): such text gets an apostrophe before it.
   */
  static final String FORMULA_STARTS = "=+-@\t\r";

  /** The most characters of text in one CSV cell (Excel holds at most 32,767). */
  static final int MAX_CELL = 32_000;

  /**
   * Text cut to {@link #MAX_CELL} characters, with a visible marker saying how long it was (the
   * Parquet table keeps it whole).
   */
  static String cut(String s) {
    if (s.length() <= MAX_CELL) {
      return s;
    }
    String marker = String.format(" [cut: %,d characters in all; whole in Parquet]", s.length());
    return s.substring(0, MAX_CELL - marker.length()) + marker;
  }

  private static String text(String raw) {
    String s = cut(raw);
    String safe = !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    boolean quote =
        safe.indexOf(',') >= 0
            || safe.indexOf('"') >= 0
            || safe.indexOf('\n') >= 0
            || safe.indexOf('\r') >= 0
            || (!safe.isEmpty()
                && (safe.charAt(0) == ' ' || safe.charAt(safe.length() - 1) == ' '));
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
