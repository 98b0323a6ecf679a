package org.scrutineer.pipeline.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;

/**
 * Marks the unit each record counts as, before counting.
 *
 * <p>Use of force is recorded one row per officer per subject, but rates count subject-incidents:
 * the rows of one force with the same {@code incident_id} and {@code subject_id} are one
 * subject-incident; when {@code subject_id} is blank, rows with the same {@code incident_id} and
 * the same recorded age band, gender and perceived ethnicity are. The subject-incident counts once,
 * in the month, district and ethnic group of its earliest row (by date, then file and line), at the
 * highest severity step any of its rows reached, and as injured when any row records the subject
 * injured.
 *
 * <p>FPN recipients are people: notices with the same force and {@code person_id} are one
 * recipient, counted in the cell of their first notice and as a repeat recipient when they received
 * more than one notice in the run.
 *
 * <p>Input: standardised records. Output: the same rows (all of them, rejected ones included) plus
 * {@code counted} (the row is one event of its power: a person search, the first row of a
 * subject-incident, a detention, a notice; false on rejected and file rows), {@code unit_step},
 * {@code unit_injured} and {@code unit_injury_known} (use of force, on every row of the unit), and
 * {@code first_notice} and {@code repeat_recipient} (FPN with a person id; null otherwise).
 */
public final class EventUnits {
  public static final String COUNTED = "counted";
  public static final String UNIT_STEP = "unit_step";
  public static final String UNIT_INJURED = "unit_injured";
  public static final String UNIT_INJURY_KNOWN = "unit_injury_known";
  public static final String FIRST_NOTICE = "first_notice";
  public static final String REPEAT_RECIPIENT = "repeat_recipient";

  private EventUnits() {}

  /**
   * Adds the unit columns to the rows of one power (all of them: rejected and file rows are kept,
   * with {@code counted} false).
   */
  public static Dataset<Row> mark(Dataset<Row> records, Power power) {
    Column accepted =
        col(Columns.RECORD_TYPE)
            .equalTo(lit(RawSchema.RECORD))
            .and(col(Columns.REJECT_REASON).isNull());
    switch (power) {
      case USE_OF_FORCE -> {
        Column subject =
            coalesce(
                col(Columns.SUBJECT_ID),
                concat_ws(
                    "/",
                    lit("attributes"),
                    coalesce(lower(col(Columns.AGE_RANGE)), lit("")),
                    coalesce(lower(col(Columns.GENDER)), lit("")),
                    coalesce(lower(col(Columns.OFFICER_DEFINED_ETHNICITY)), lit(""))));
        WindowSpec unit = Window.partitionBy(col(Columns.FORCE), col(Columns.INCIDENT_ID), subject);
        Column injured = lower(col(Columns.SUBJECT_INJURED));
        Dataset<Row> units =
            records
                .where(accepted)
                .withColumn(COUNTED, row_number().over(ordered(unit)).equalTo(1))
                .withColumn(UNIT_STEP, max(col(Columns.SEVERITY_STEP)).over(unit))
                .withColumn(UNIT_INJURED, max(injured.equalTo("true")).over(unit))
                .withColumn(UNIT_INJURY_KNOWN, max(injured.isNotNull()).over(unit));
        return units.unionByName(uncounted(records, accepted), true);
      }
      case FPN -> {
        Column withPerson = accepted.and(col(Columns.PERSON_ID).isNotNull());
        WindowSpec person = Window.partitionBy(col(Columns.FORCE), col(Columns.PERSON_ID));
        Dataset<Row> recipients =
            records
                .where(withPerson)
                .withColumn(COUNTED, lit(true))
                .withColumn(FIRST_NOTICE, row_number().over(ordered(person)).equalTo(1))
                .withColumn(REPEAT_RECIPIENT, count(lit(1)).over(person).gt(1));
        Dataset<Row> rest =
            records
                .where(org.apache.spark.sql.functions.not(withPerson))
                .withColumn(COUNTED, accepted)
                .withColumn(FIRST_NOTICE, lit(null).cast("boolean"))
                .withColumn(REPEAT_RECIPIENT, lit(null).cast("boolean"));
        return recipients.unionByName(rest);
      }
      default -> {
        return records.withColumn(COUNTED, accepted.and(col(Columns.PERSON_SEARCH)));
      }
    }
  }

  /** The rows that are not accepted, marked as counting for nothing. */
  private static Dataset<Row> uncounted(Dataset<Row> records, Column accepted) {
    return records
        .where(org.apache.spark.sql.functions.not(accepted))
        .withColumn(COUNTED, lit(false));
  }

  private static WindowSpec ordered(WindowSpec spec) {
    return spec.orderBy(col(Columns.EVENT_TIME), col(Columns.FILE_INDEX), col(Columns.LINE_NUMBER));
  }
}
