package org.scrutineer.pipeline.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.scrutineer.pipeline.schema.RejectReason;

/**
 * What differs between source formats when a file's records become raw-layer rows: the encoding and
 * delimiter, which column holds each canonical field, how a source value reads as canonical text,
 * how dates are written and how a record's month is found. {@link RecordParser} applies the rules
 * every format shares (field count, known force, the file's force, repeated identifiers, places).
 * One implementation per {@link SourceFormat}; one instance reads one file, inside a Spark task.
 */
interface SourceReader {
  /** The reader of {@code file}'s format. */
  static SourceReader of(SourceFile file) {
    return switch (file.format()) {
      case POLICE_UK -> new PoliceUkReader(file);
      case CANONICAL -> new CanonicalReader();
      case EXTRACT -> new ExtractReader(file);
    };
  }

  /** The file's character set. */
  default Charset charset() {
    return StandardCharsets.UTF_8;
  }

  /** The file's field delimiter. */
  default char delimiter() {
    return ',';
  }

  /**
   * The column of each field of {@link RawSchema#CANONICAL}, in its order, or -1 where the file has
   * none; {@code header} is the file's header, normalised ({@link HeaderCheck#normalized}).
   */
  int[] columns(List<String> header);

  /** The column naming each record's force, or -1 when the file's force applies to every record. */
  int forceColumn(List<String> header);

  /**
   * A source value of {@code field} as canonical text (a force's codes become canonical labels);
   * {@code value} is null or blank where the file has no value, and the result may then be a
   * default. The identity for formats that are canonical already.
   */
  default String value(String field, String value) {
    return value;
  }

  /**
   * The value of each field the file spreads over several columns, by field, in the order of {@link
   * RawSchema#CANONICAL}; none by default.
   */
  default void multiValues(Object[] values, List<String> fields) {}

  /** Whether records identical to an earlier one are counted (police.uk republishes rows). */
  default boolean countsRepeatedRows() {
    return false;
  }

  /**
   * A date-time value as an instant.
   *
   * @throws DateTimeParseException when it does not match the format ({@link LocalTimes.ClockGap}
   *     for a local time the clocks skipped)
   */
  Instant instant(String text);

  /** The date format, as the reject detail names it. */
  String dateFormat();

  /**
   * Sets the record's month from its date, or checks the date against the month the file is for.
   *
   * @param values the raw-layer values, {@code month} among them
   * @param date the record's date, or null when blank
   * @param text the date as written
   * @return null when the record may go on; else why it is rejected, with its detail
   */
  Rejection month(Object[] values, Instant date, String text);

  /** A rule a record breaks, with the detail the rejects output shows. */
  record Rejection(RejectReason reason, String detail) {}
}
