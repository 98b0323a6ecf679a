package org.scrutineer.pipeline.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scrutineer.pipeline.io.CsvRecord;
import org.scrutineer.pipeline.io.CsvRecordReader;
import org.scrutineer.pipeline.io.InputException;

/**
 * A small comma-separated reference table (code lists, the force registry) read whole into memory.
 * Lines starting with {@code #} are comments. Every row must have the header's fields.
 */
public final class ReferenceTable {
  private final String name;
  private final Map<String, Integer> columns;
  private final List<CsvRecord> rows;

  private ReferenceTable(String name, Map<String, Integer> columns, List<CsvRecord> rows) {
    this.name = name;
    this.columns = columns;
    this.rows = rows;
  }

  /** Reads a table shipped on the classpath beside this class. */
  public static ReferenceTable resource(String fileName) {
    InputStream in = ReferenceTable.class.getResourceAsStream(fileName);
    if (in == null) {
      throw new IllegalStateException("Missing reference resource: " + fileName);
    }
    return read(fileName, new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /**
   * Reads a user-supplied table from a local or Hadoop path.
   *
   * @throws InputException when the file cannot be read
   */
  public static ReferenceTable file(String path, org.apache.hadoop.conf.Configuration conf) {
    org.apache.hadoop.fs.Path hadoopPath = new org.apache.hadoop.fs.Path(path);
    try {
      InputStream in = hadoopPath.getFileSystem(conf).open(hadoopPath);
      return read(path, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (java.io.FileNotFoundException e) {
      throw new InputException("File not found: " + path, e);
    } catch (IOException e) {
      throw new InputException(String.format("Cannot read %s: %s", path, e.getMessage()), e);
    }
  }

  /**
   * Reads a table from {@code reader}.
   *
   * @param name the file name used in error messages
   * @throws InputException when a row does not have the header's number of fields
   */
  public static ReferenceTable read(String name, Reader reader) {
    try (CsvRecordReader csv = new CsvRecordReader(reader, ',')) {
      Map<String, Integer> columns = new HashMap<>();
      List<CsvRecord> rows = new ArrayList<>();
      CsvRecord record;
      while ((record = csv.next()) != null) {
        if (record.isBlank() || record.rawText().startsWith("#")) {
          continue;
        }
        if (record.error() != null) {
          throw new InputException(
              String.format("%s line %d: %s", name, record.lineNumber(), record.errorDetail()));
        }
        if (columns.isEmpty()) {
          for (int i = 0; i < record.fields().size(); i++) {
            columns.put(record.fields().get(i).trim(), i);
          }
          continue;
        }
        if (record.fields().size() != columns.size()) {
          throw new InputException(
              String.format(
                  "%s line %d: %d fields where the header has %d",
                  name, record.lineNumber(), record.fields().size(), columns.size()));
        }
        rows.add(record);
      }
      return new ReferenceTable(name, columns, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header's column names, in file order. */
  public List<String> columns() {
    return columns.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The number of data rows. */
  public int size() {
    return rows.size();
  }

  /** The value of {@code column} in data row {@code row} (0-based), trimmed. */
  public String get(int row, String column) {
    Integer index = columns.get(column);
    if (index == null) {
      throw new InputException(
          String.format("%s: missing column '%s' (found %s)", name, column, columns.keySet()));
    }
    return rows.get(row).fields().get(index).trim();
  }

  /** The file line of data row {@code row}, for error messages. */
  public long line(int row) {
    return rows.get(row).lineNumber();
  }

  /** The table's name, for error messages. */
  public String name() {
    return name;
  }
}
