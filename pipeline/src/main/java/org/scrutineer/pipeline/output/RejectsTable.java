package org.scrutineer.pipeline.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.RejectReason;

/**
 * The {@code rejects} table ({@link OutputSchemas#REJECTS_SCHEMA}) from the record-level table:
 * every rejected record with its file, line, reason, the rule in words, every rule broken and its
 * raw text, in file and line order.
 */
public final class RejectsTable {
  private RejectsTable() {}

  /** Selects the rejected records of {@code records} ({@link OutputSchemas#RECORDS_SCHEMA}). */
  public static Dataset<Row> from(Dataset<Row> records) {
    Column rule = null;
    for (RejectReason reason : RejectReason.values()) {
      Column matches = col(Columns.REJECT_REASON).equalTo(reason.name());
      rule = rule == null ? when(matches, reason.rule()) : rule.when(matches, reason.rule());
    }
    return records
        .where(col(Columns.RECORD_TYPE).equalTo(RawSchema.RECORD))
        .where(col(Columns.REJECT_REASON).isNotNull())
        .select(
            col(Columns.POWER).as(Columns.POWER),
            col(Columns.SOURCE_FILE).as(Columns.SOURCE_FILE),
            col(Columns.LINE_NUMBER).as(Columns.LINE_NUMBER),
            col(Columns.REJECT_REASON).as("reason"),
            rule.as("rule"),
            col(Columns.REJECT_DETAIL).as("detail"),
            col(Columns.RAW_TEXT).as(Columns.RAW_TEXT));
  }
}
