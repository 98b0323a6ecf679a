package org.scrutineer.pipeline.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.scrutineer.pipeline.schema.Columns.ANY_ACTION;
import static org.scrutineer.pipeline.schema.Columns.AREA_CODE;
import static org.scrutineer.pipeline.schema.Columns.ARREST;
import static org.scrutineer.pipeline.schema.Columns.DISTRICT;
import static org.scrutineer.pipeline.schema.Columns.ETHNIC_GROUP;
import static org.scrutineer.pipeline.schema.Columns.FILE_BYTES;
import static org.scrutineer.pipeline.schema.Columns.FILE_INDEX;
import static org.scrutineer.pipeline.schema.Columns.FILE_ROWS;
import static org.scrutineer.pipeline.schema.Columns.FILE_SHA256;
import static org.scrutineer.pipeline.schema.Columns.FORCE;
import static org.scrutineer.pipeline.schema.Columns.FORCE_CODE;
import static org.scrutineer.pipeline.schema.Columns.GEOGRAPHY_LEVEL;
import static org.scrutineer.pipeline.schema.Columns.LINKED_FIND;
import static org.scrutineer.pipeline.schema.Columns.LINK_KNOWN;
import static org.scrutineer.pipeline.schema.Columns.MONTH;
import static org.scrutineer.pipeline.schema.Columns.OUTCOME_KNOWN;
import static org.scrutineer.pipeline.schema.Columns.PERIOD;
import static org.scrutineer.pipeline.schema.Columns.PERIOD_TYPE;
import static org.scrutineer.pipeline.schema.Columns.PERSON_SEARCH;
import static org.scrutineer.pipeline.schema.Columns.POWER;
import static org.scrutineer.pipeline.schema.Columns.RECORD_TYPE;
import static org.scrutineer.pipeline.schema.Columns.REJECT_DETAIL;
import static org.scrutineer.pipeline.schema.Columns.REJECT_REASON;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.scrutineer.pipeline.reference.FieldStatus;
import org.scrutineer.pipeline.standardize.MissingField;

/**
 * Counts records for every reporting cell, in two small steps so the records are read once.
 *
 * <p>{@link #recordCounts} reads the validated raw layer once and counts it by file, record type,
 * reject reason, force, month, district and self-defined ethnic group, carrying each file's summary
 * (rows, bytes, hash). The result is small (thousands of rows) and is what the caller persists.
 * {@link #cellCounts} then sums it into reporting cells: each accepted record counts in its month
 * and its financial year, for its force and (when it has one) its district.
 *
 * <p>Measures, all over person searches except {@code records} and the missing-data counts of
 * fields counted over all searches: {@code records}, {@code person_searches}, {@code arrests},
 * {@code outcome_known}, {@code any_action}, {@code link_known}, {@code linked_finds}, and for each
 * {@link MissingField} {@code <field>_blank}, {@code <field>_not_stated}, {@code <field>_unmapped}.
 * Cells with no records do not appear; the caller fills zeros only for periods the coverage says
 * were submitted.
 */
public final class EventCounts {
  /** {@code geography_level} of a police force area. */
  public static final String FORCE_LEVEL = "force";

  /** {@code geography_level} of a local authority district. */
  public static final String DISTRICT_LEVEL = "district";

  public static final String RECORDS = "records";
  public static final String PERSON_SEARCHES = "person_searches";
  public static final String ARRESTS = "arrests";
  public static final String OUTCOME_KNOWN_COUNT = "outcome_known";
  public static final String ANY_ACTION_COUNT = "any_action";
  public static final String LINK_KNOWN_COUNT = "link_known";
  public static final String LINKED_FINDS = "linked_finds";

  /** The key columns of {@link #recordCounts}. */
  public static final List<String> RECORD_KEYS =
      List.of(
          FILE_INDEX, RECORD_TYPE, REJECT_REASON, FORCE, FORCE_CODE, MONTH, DISTRICT, ETHNIC_GROUP);

  /** The key columns of {@link #cellCounts}, in order. */
  public static final List<String> KEYS =
      List.of(POWER, PERIOD_TYPE, PERIOD, GEOGRAPHY_LEVEL, AREA_CODE, FORCE, ETHNIC_GROUP);

  /** Every measure, by name, with the record condition it counts. */
  public static final Map<String, Column> MEASURES = measures();

  private EventCounts() {}

  /** The count column of a field's status, e.g. {@code gender_not_stated}. */
  public static String missingColumn(MissingField field, FieldStatus status) {
    return field.field() + "_" + status.code();
  }

  /**
   * Counts the validated raw layer (data and file rows) by {@link #RECORD_KEYS}; file rows keep
   * their {@code file_rows}, {@code file_bytes}, {@code file_sha256} and, when the header was
   * wrong, {@code reject_detail}. These file columns are grouping keys, not string aggregates, so
   * Spark can use its hash aggregate rather than sorting every record.
   */
  public static Dataset<Row> recordCounts(Dataset<Row> validated) {
    List<Column> aggregates = new ArrayList<>();
    MEASURES.forEach(
        (name, condition) -> aggregates.add(sum(when(condition, 1L).otherwise(0L)).as(name)));
    List<Column> keys = new ArrayList<>();
    RECORD_KEYS.forEach(key -> keys.add(col(key)));
    keys.add(col(FILE_ROWS));
    keys.add(col(FILE_BYTES));
    keys.add(col(FILE_SHA256));
    keys.add(when(col(RECORD_TYPE).equalTo("file"), col(REJECT_DETAIL)).as(REJECT_DETAIL));
    return validated
        .groupBy(keys.toArray(new Column[0]))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));
  }

  /**
   * Sums {@link #recordCounts} into reporting cells.
   *
   * @param recordCounts the output of {@link #recordCounts}
   * @param submitted {@code "<force> <yyyy-MM>"} pairs to count; accepted records of other months
   *     (outside the window or an extract's stated coverage) are left out
   * @param power the power code written in the {@code power} column
   */
  public static Dataset<Row> cellCounts(
      Dataset<Row> recordCounts, List<String> submitted, String power) {
    Column y = col(MONTH).substr(1, 4).cast(DataTypes.IntegerType);
    Column m = col(MONTH).substr(6, 2).cast(DataTypes.IntegerType);
    Column fyStart = when(m.geq(4), y).otherwise(y.minus(1));
    Column financialYear =
        concat(
            fyStart.cast(DataTypes.StringType),
            lit("-"),
            lpad(fyStart.plus(1).mod(100).cast(DataTypes.StringType), 2, "0"));
    Column periods =
        array(
            struct(lit(Periods.MONTH).as(PERIOD_TYPE), col(MONTH).as(PERIOD)),
            struct(lit(Periods.FINANCIAL_YEAR).as(PERIOD_TYPE), financialYear.as(PERIOD)));
    Column geographies =
        array(
            struct(lit(FORCE_LEVEL).as(GEOGRAPHY_LEVEL), col(FORCE_CODE).as(AREA_CODE)),
            struct(lit(DISTRICT_LEVEL).as(GEOGRAPHY_LEVEL), col(DISTRICT).as(AREA_CODE)));
    List<Column> sums = new ArrayList<>();
    MEASURES.keySet().forEach(name -> sums.add(sum(col(name)).as(name)));
    return recordCounts
        .where(col(RECORD_TYPE).equalTo("record").and(col(REJECT_REASON).isNull()))
        .where(concat_ws(" ", col(FORCE), col(MONTH)).isin(submitted.toArray()))
        .withColumn(POWER, lit(power))
        .withColumn("p", explode(periods))
        .withColumn("g", explode(geographies))
        .withColumn(PERIOD_TYPE, col("p." + PERIOD_TYPE))
        .withColumn(PERIOD, col("p." + PERIOD))
        .withColumn(GEOGRAPHY_LEVEL, col("g." + GEOGRAPHY_LEVEL))
        .withColumn(AREA_CODE, col("g." + AREA_CODE))
        .where(col(AREA_CODE).isNotNull())
        .groupBy(KEYS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
  }

  private static Map<String, Column> measures() {
    Column person = col(PERSON_SEARCH);
    Map<String, Column> measures = new LinkedHashMap<>();
    measures.put(RECORDS, col(RECORD_TYPE).equalTo("record"));
    measures.put(PERSON_SEARCHES, person);
    measures.put(ARRESTS, person.and(col(ARREST)));
    measures.put(OUTCOME_KNOWN_COUNT, person.and(col(OUTCOME_KNOWN)));
    measures.put(ANY_ACTION_COUNT, person.and(col(ANY_ACTION)));
    measures.put(LINK_KNOWN_COUNT, person.and(col(LINK_KNOWN)));
    measures.put(LINKED_FINDS, person.and(col(LINKED_FIND)));
    for (MissingField field : MissingField.values()) {
      Column inScope = field.personOnly() ? person : col(RECORD_TYPE).equalTo("record");
      for (FieldStatus status :
          List.of(FieldStatus.BLANK, FieldStatus.NOT_STATED, FieldStatus.UNMAPPED)) {
        measures.put(
            missingColumn(field, status),
            inScope.and(col(field.statusColumn()).equalTo(status.code())));
      }
    }
    return java.util.Collections.unmodifiableMap(measures);
  }
}
