package org.scrutineer.pipeline.ingest;

import static org.scrutineer.pipeline.schema.Columns.FILE_BYTES;
import static org.scrutineer.pipeline.schema.Columns.FILE_DUPLICATE_ROWS;
import static org.scrutineer.pipeline.schema.Columns.FILE_INDEX;
import static org.scrutineer.pipeline.schema.Columns.FILE_LINES;
import static org.scrutineer.pipeline.schema.Columns.FILE_ROWS;
import static org.scrutineer.pipeline.schema.Columns.FILE_SHA256;
import static org.scrutineer.pipeline.schema.Columns.FORCE;
import static org.scrutineer.pipeline.schema.Columns.GEO_STATUS;
import static org.scrutineer.pipeline.schema.Columns.LINE_NUMBER;
import static org.scrutineer.pipeline.schema.Columns.LOCATED_DISTRICT;
import static org.scrutineer.pipeline.schema.Columns.MONTH;
import static org.scrutineer.pipeline.schema.Columns.PARSE_DETAIL;
import static org.scrutineer.pipeline.schema.Columns.PARSE_ERROR;
import static org.scrutineer.pipeline.schema.Columns.POWER;
import static org.scrutineer.pipeline.schema.Columns.RAW_TEXT;
import static org.scrutineer.pipeline.schema.Columns.RECORD_TYPE;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scrutineer.pipeline.schema.PowerFormat;

/**
 * The raw layer: one row per record read, with its power and every canonical field of every power
 * ({@link PowerFormat#ALL_FIELDS}; fields its power lacks are null) a string exactly as mapped from
 * the source, plus one {@code record_type = "file"} row per file carrying the file's row count,
 * size and SHA-256 (so reconciliation does not depend on the rows that follow).
 *
 * <p>{@code file_index} is the file's position in the list given to {@link RawRecords#read}; {@code
 * raw_text} is the record as read (standardisation keeps it on rejected records only). {@code date}
 * holds an ISO-8601 UTC instant ({@code 2020-06-01T00:32:00Z}) or null when blank; {@code month} is
 * the {@code yyyy-MM} the record counts in (police.uk: from the file name; extracts: the local
 * month of the date). A non-null {@code parse_error} marks a record that failed a source-format
 * rule; such records keep their raw text.
 */
public final class RawSchema {
  /** {@code record_type} of a data record. */
  public static final String RECORD = "record";

  /** {@code record_type} of the per-file summary row. */
  public static final String FILE = "file";

  /**
   * {@code parse_error} of a file summary row whose header is wrong or unreadable; the file was not
   * read and the run stops with exit code 2.
   */
  public static final String FILE_ERROR = "FILE";

  /** Canonical string fields, in schema order after {@code force} and {@code month}. */
  public static final List<String> CANONICAL = PowerFormat.ALL_FIELDS;

  /** The schema of {@link RawRecords#read}. */
  public static final StructType SCHEMA = schema();

  private RawSchema() {}

  /** Position of a column in {@link #SCHEMA}. */
  public static int index(String column) {
    return SCHEMA.fieldIndex(column);
  }

  private static StructType schema() {
    StructType schema =
        new StructType()
            .add(FILE_INDEX, DataTypes.IntegerType, false)
            .add(RECORD_TYPE, DataTypes.StringType, false)
            .add(POWER, DataTypes.StringType, false)
            .add(LINE_NUMBER, DataTypes.LongType, true)
            .add(RAW_TEXT, DataTypes.StringType, true)
            .add(PARSE_ERROR, DataTypes.StringType, true)
            .add(PARSE_DETAIL, DataTypes.StringType, true)
            .add(FORCE, DataTypes.StringType, true)
            .add(MONTH, DataTypes.StringType, true)
            .add(GEO_STATUS, DataTypes.StringType, true)
            .add(LOCATED_DISTRICT, DataTypes.StringType, true);
    for (String field : CANONICAL) {
      schema = schema.add(field, DataTypes.StringType, true);
    }
    return schema
        .add(FILE_ROWS, DataTypes.LongType, true)
        .add(FILE_LINES, DataTypes.LongType, true)
        .add(FILE_DUPLICATE_ROWS, DataTypes.LongType, true)
        .add(FILE_BYTES, DataTypes.LongType, true)
        .add(FILE_SHA256, DataTypes.StringType, true);
  }
}
