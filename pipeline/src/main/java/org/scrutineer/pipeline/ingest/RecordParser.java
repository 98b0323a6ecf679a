package org.scrutineer.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.scrutineer.pipeline.geo.Boundaries;
import org.scrutineer.pipeline.io.CsvRecord;
import org.scrutineer.pipeline.io.CsvRecordReader;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.FieldType;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.RejectReason;

/**
 * Reads one input file into raw-layer rows ({@link RawSchema}): splits records, maps source columns
 * and codes to canonical fields, and applies the source-format rules (field count, date format, a
 * police.uk date within a day of its file's month, a known force). Streams the file once, computing
 * its SHA-256 on the way, and ends with the file's summary row.
 *
 * <p>Runs inside Spark tasks; one instance reads one file.
 */
final class RecordParser implements Iterator<Row> {
  private final SourceFile file;
  private final SourceReader format;
  private final int index;
  private final ForceRegistry registry;
  private final Boundaries boundaries;
  private String lastMonthText;
  private YearMonth lastMonth;
  private final CsvRecordReader reader;
  private final DigestInputStream digest;
  private final CountingInputStream counter;
  private final int[] fieldColumns;
  private final int forceColumn;
  private final List<String> timeFields;
  private final int headerSize;
  private final String fileProblem;
  private boolean summarised;
  private long records;

  /**
   * The identifier field of this file's power whose repeats are rejected ({@code custody_id},
   * {@code notice_id}), or {@code null}; and the line each force's identifier was first seen on.
   */
  private final String idField;

  private final Map<String, Long> firstLineOfId = new HashMap<>();

  /**
   * The force the file is for, whose rows of any other force are rejected: its mapping's force, or
   * the registry slug its name carries (the longest, so {@code west-midlands} is not {@code
   * midlands}); {@code null} for a file that names no force, which may hold several.
   */
  private final String fileForce;

  /** The text of every data row so far, where the format counts rows repeating an earlier one. */
  private final java.util.Set<String> earlierRows = new java.util.HashSet<>();

  private long duplicateRows;

  /** Physical lines inside the header and the records read so far. */
  private long linesInRecords;

  private Row next;
  private boolean finished;

  RecordParser(
      SourceFile file,
      int index,
      ForceRegistry registry,
      Configuration conf,
      Boundaries boundaries) {
    this.file = file;
    this.index = index;
    this.registry = registry;
    this.boundaries = file.power() == Power.STOP_SEARCH ? boundaries : null;
    this.fileForce = file.force() != null ? file.force() : slugInName(file.path(), registry);
    this.idField =
        switch (file.power()) {
          case CUSTODY -> Columns.CUSTODY_ID;
          case FPN -> Columns.NOTICE_ID;
          default -> null;
        };
    this.format = SourceReader.of(file);
    try {
      Path path = new Path(file.path());
      InputStream in = path.getFileSystem(conf).open(path);
      this.counter = new CountingInputStream(in);
      this.digest = new DigestInputStream(counter, MessageDigest.getInstance("SHA-256"));
      this.reader = new CsvRecordReader(digest, format.charset(), format.delimiter());
      CsvRecord header = reader.next();
      this.fileProblem = HeaderCheck.problem(file, header);
      this.finished = fileProblem != null;
      this.headerSize = fileProblem == null ? header.fields().size() : 0;
      this.linesInRecords = header == null ? 0 : lines(header);
      reader.expectFields(headerSize);
      List<String> headerNames =
          fileProblem == null ? HeaderCheck.normalized(header.fields()) : List.of();
      this.fieldColumns = fileProblem != null ? null : format.columns(headerNames);
      this.forceColumn = fileProblem != null ? -1 : format.forceColumn(headerNames);
      this.timeFields =
          file.power().format().fields().stream()
              .filter(f -> f.type() == FieldType.DATE_TIME && !f.name().equals(Columns.DATE))
              .map(f -> f.name())
              .toList();
      if (fileProblem != null) {
        reader.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.path(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = advance();
    }
    if (next == null && finished && !summarised) {
      summarised = true;
      next = summary();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = next;
    next = null;
    return row;
  }

  private Row advance() {
    try {
      CsvRecord record = reader.next();
      if (record == null) {
        finished = true;
        reader.close();
        return null;
      }
      records++;
      linesInRecords += lines(record);
      return toRow(record);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.path(), e);
    }
  }

  private Row toRow(CsvRecord record) {
    Object[] values = new Object[RawSchema.SCHEMA.size()];
    values[RawSchema.index(Columns.FILE_INDEX)] = index;
    values[RawSchema.index(Columns.RECORD_TYPE)] = RawSchema.RECORD;
    values[RawSchema.index(Columns.POWER)] = file.power().code();
    values[RawSchema.index(Columns.LINE_NUMBER)] = record.lineNumber();
    values[RawSchema.index(Columns.RAW_TEXT)] = record.rawText();
    values[RawSchema.index(Columns.FORCE)] = file.force();
    values[RawSchema.index(Columns.MONTH)] = file.month();
    if (record.isBlank()) {
      return reject(values, RejectReason.BLANK_LINE, "Line " + record.lineNumber() + " is empty");
    }
    if (record.error() != null) {
      return reject(values, record.error(), record.errorDetail());
    }
    List<String> fields = record.fields();
    if (fields.size() != headerSize) {
      return reject(
          values,
          RejectReason.FIELD_COUNT,
          String.format("%d fields where the header has %d", fields.size(), headerSize));
    }
    if (format.countsRepeatedRows() && !earlierRows.add(record.rawText())) {
      duplicateRows++;
    }
    for (int i = 0; i < RawSchema.CANONICAL.size(); i++) {
      String field = RawSchema.CANONICAL.get(i);
      String value = fieldColumns[i] >= 0 ? fields.get(fieldColumns[i]) : null;
      values[RawSchema.index(field)] = clean(format.value(field, value));
    }
    format.multiValues(values, fields);
    if (forceColumn >= 0) {
      values[RawSchema.index(Columns.FORCE)] =
          clean(format.value(Columns.FORCE, fields.get(forceColumn)));
    }
    String force = (String) values[RawSchema.index(Columns.FORCE)];
    if (force == null) {
      return reject(values, RejectReason.MISSING_REQUIRED, "Force is blank");
    }
    if (registry.find(force).isEmpty()) {
      return reject(
          values,
          RejectReason.UNKNOWN_FORCE,
          String.format("Force '%s' is not in the registry", force));
    }
    if (fileForce != null && !force.equals(fileForce)) {
      return reject(
          values,
          RejectReason.FORCE_MISMATCH,
          String.format(
              "Force '%s' in a file of %s (named by its %s)",
              force, fileForce, file.force() != null ? "mapping" : "file name"));
    }
    if (idField != null) {
      String id = (String) values[RawSchema.index(idField)];
      if (id != null) {
        Long first = firstLineOfId.putIfAbsent(force + "\u001f" + id, record.lineNumber());
        if (first != null) {
          return reject(
              values,
              RejectReason.DUPLICATE_ID,
              String.format(
                  "%s '%s' of %s is already on line %d; only the first is counted",
                  idField, id, force, first));
        }
      }
    }
    return dated(values);
  }

  /**
   * Sets {@code geo_status} and, for a stop-and-search record without a district when boundaries
   * are given, the district its coordinates fall in (for its month's boundary year, carried to the
   * target year). Coordinates that are not numbers are left to the coordinate rule.
   */
  private Row placed(Object[] values) {
    if (file.power() != Power.STOP_SEARCH) {
      return RowFactory.create(values);
    }
    int district = RawSchema.index(Columns.DISTRICT);
    int status = RawSchema.index(Columns.GEO_STATUS);
    if (values[district] != null) {
      values[status] = GeoStatus.GIVEN.code();
      return RowFactory.create(values);
    }
    if (boundaries == null) {
      return RowFactory.create(values);
    }
    String lat = (String) values[RawSchema.index(Columns.LATITUDE)];
    String lon = (String) values[RawSchema.index(Columns.LONGITUDE)];
    if (lat == null && lon == null) {
      values[status] = GeoStatus.NO_COORDINATES.code();
      return RowFactory.create(values);
    }
    if (lat == null || lon == null) {
      // One coordinate blank: INVALID_COORDINATES rejects the record.
      return RowFactory.create(values);
    }
    try {
      String located =
          boundaries.locate(
              month((String) values[RawSchema.index(Columns.MONTH)]),
              Double.parseDouble(lon),
              Double.parseDouble(lat));
      values[RawSchema.index(Columns.LOCATED_DISTRICT)] = located;
      values[district] = located;
      values[status] =
          located == null ? GeoStatus.OUTSIDE_DISTRICTS.code() : GeoStatus.ASSIGNED.code();
    } catch (NumberFormatException e) {
      // A coordinate that is not a number: INVALID_COORDINATES rejects the record.
    }
    return RowFactory.create(values);
  }

  /** The month of a record; a file's records share few months, so each is parsed once. */
  private YearMonth month(String text) {
    if (!text.equals(lastMonthText)) {
      lastMonthText = text;
      lastMonth = YearMonth.parse(text);
    }
    return lastMonth;
  }

  /**
   * Parses the dates into UTC instants, then sets or checks the month as the format says ({@link
   * SourceReader#month}).
   */
  private Row dated(Object[] values) {
    for (String field : timeFields) {
      int index = RawSchema.index(field);
      String text = (String) values[index];
      if (text != null) {
        try {
          values[index] = format.instant(text).toString();
        } catch (DateTimeParseException e) {
          return reject(values, RejectReason.INVALID_DATE, field + " " + dateProblem(text, e));
        }
      }
    }
    int dateIndex = RawSchema.index(Columns.DATE);
    String text = (String) values[dateIndex];
    Instant instant = null;
    if (text != null) {
      try {
        instant = format.instant(text);
      } catch (DateTimeParseException e) {
        return reject(values, RejectReason.INVALID_DATE, "Date " + dateProblem(text, e));
      }
      values[dateIndex] = instant.toString();
    }
    SourceReader.Rejection rejection = format.month(values, instant, text);
    return rejection != null
        ? reject(values, rejection.reason(), rejection.detail())
        : placed(values);
  }

  private String dateProblem(String text, DateTimeParseException e) {
    return e instanceof LocalTimes.ClockGap
        ? e.getMessage()
        : String.format("'%s' does not match the format '%s'", text, format.dateFormat());
  }

  /**
   * Trims a value and folds runs of inner white space to one space; blank becomes null. Done here,
   * once per value, so code-list matching needs only a case fold.
   */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    for (int i = 0; i < trimmed.length(); i++) {
      if (Character.isWhitespace(trimmed.charAt(i))
          && (trimmed.charAt(i) != ' ' || Character.isWhitespace(trimmed.charAt(i + 1)))) {
        return String.join(" ", trimmed.split("\\s+"));
      }
    }
    return trimmed;
  }

  private static String slugInName(String path, ForceRegistry registry) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    String found = null;
    for (org.scrutineer.pipeline.reference.Force force : registry.forces()) {
      String slug = force.slug();
      if (name.contains(slug) && (found == null || slug.length() > found.length())) {
        found = slug;
      }
    }
    return found;
  }

  /** The physical lines a record spans (its raw text keeps their breaks as {@code \n}). */
  private static long lines(CsvRecord record) {
    return 1 + record.rawText().chars().filter(c -> c == '\n').count();
  }

  private Row reject(Object[] values, RejectReason reason, String detail) {
    values[RawSchema.index(Columns.PARSE_ERROR)] = reason.name();
    values[RawSchema.index(Columns.PARSE_DETAIL)] = detail;
    return RowFactory.create(values);
  }

  private Row summary() {
    Object[] values = new Object[RawSchema.SCHEMA.size()];
    values[RawSchema.index(Columns.FILE_INDEX)] = index;
    values[RawSchema.index(Columns.RECORD_TYPE)] = RawSchema.FILE;
    values[RawSchema.index(Columns.POWER)] = file.power().code();
    values[RawSchema.index(Columns.FORCE)] = file.force();
    values[RawSchema.index(Columns.MONTH)] = file.month();
    values[RawSchema.index(Columns.FILE_ROWS)] = records;
    values[RawSchema.index(Columns.FILE_LINES)] = reader.physicalLines();
    values[RawSchema.index(Columns.FILE_DUPLICATE_ROWS)] = duplicateRows;
    String problem = fileProblem;
    if (problem == null && linesInRecords != reader.physicalLines()) {
      problem =
          String.format(
              "Lines do not reconcile in %s: %d lines, %d of them inside the header and records",
              file.path(), reader.physicalLines(), linesInRecords);
    }
    values[RawSchema.index(Columns.PARSE_ERROR)] = problem == null ? null : RawSchema.FILE_ERROR;
    values[RawSchema.index(Columns.PARSE_DETAIL)] = problem;
    values[RawSchema.index(Columns.FILE_BYTES)] = counter.count();
    values[RawSchema.index(Columns.FILE_SHA256)] =
        HexFormat.of().formatHex(digest.getMessageDigest().digest());
    return RowFactory.create(values);
  }

  /** Counts the bytes read through it. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }
}
