package org.scrutineer.pipeline.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.scrutineer.pipeline.disclosure.PanelTables;
import org.scrutineer.pipeline.io.CsvFormat;
import org.scrutineer.pipeline.io.CsvRecord;
import org.scrutineer.pipeline.io.CsvRecordReader;

/**
 * One published CSV table (a force's file of {@code csv/} or {@code panel/}), read whole: these are
 * aggregate tables, sized by areas, periods and groups, never by records.
 *
 * @param name the file's name, for messages
 * @param columns the header's column names, in order
 * @param rows the rows, in file order
 */
public record CsvTable(String name, List<String> columns, List<Row> rows) {

  /** An empty table (a file the results do not have). */
  public static CsvTable empty(String name) {
    return new CsvTable(name, List.of(), List.of());
  }

  /**
   * Reads a table written by the pipeline (UTF-8 with a byte order mark, comma separated).
   *
   * @throws IOException when the file cannot be read, or a line does not split into the header's
   *     fields (naming the file and line)
   */
  public static CsvTable read(String name, InputStream in) throws IOException {
    try (CsvRecordReader reader = new CsvRecordReader(in, StandardCharsets.UTF_8, ',')) {
      CsvRecord header = reader.next();
      if (header == null) {
        return empty(name);
      }
      List<String> columns = new ArrayList<>(header.fields());
      if (!columns.isEmpty() && columns.get(0).startsWith(CsvFormat.BOM)) {
        columns.set(0, columns.get(0).substring(CsvFormat.BOM.length()));
      }
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        index.put(columns.get(i), i);
      }
      reader.expectFields(columns.size());
      List<Row> rows = new ArrayList<>();
      for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
        if (record.isBlank()) {
          continue;
        }
        if (record.error() != null || record.fields().size() != columns.size()) {
          throw new IOException(
              String.format(
                  "Invalid results table %s, line %d: %s",
                  name,
                  record.lineNumber(),
                  record.error() != null
                      ? record.errorDetail()
                      : record.fields().size() + " fields, the header has " + columns.size()));
        }
        rows.add(new Row(index, record.fields()));
      }
      return new CsvTable(name, List.copyOf(columns), List.copyOf(rows));
    }
  }

  /** The rows that pass {@code filter}, in order. */
  public List<Row> where(Predicate<Row> filter) {
    return rows.stream().filter(filter).toList();
  }

  /**
   * One row. Values are the text as published: an empty string where the table has no value, and
   * {@code [c]} where the panel tables suppress it.
   */
  public static final class Row {
    private final Map<String, Integer> index;
    private final List<String> values;

    Row(Map<String, Integer> index, List<String> values) {
      this.index = index;
      this.values = values;
    }

    /** The value as text, or the empty string when the table has no such column. */
    public String text(String column) {
      Integer i = index.get(column);
      return i == null ? "" : values.get(i);
    }

    /** Whether the value is the suppression mark. */
    public boolean suppressed(String column) {
      return PanelTables.SUPPRESSED.equals(text(column));
    }

    /** The value as a number; {@code null} when empty, suppressed or absent (never zero). */
    public Double number(String column) {
      String text = text(column);
      if (text.isEmpty() || PanelTables.SUPPRESSED.equals(text)) {
        return null;
      }
      try {
        return Double.valueOf(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** The values in the table's column order. */
    public List<String> values() {
      return values;
    }
  }
}
