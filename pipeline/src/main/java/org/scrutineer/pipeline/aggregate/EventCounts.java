package org.scrutineer.pipeline.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;
import static org.scrutineer.pipeline.schema.Columns.AREA_CODE;
import static org.scrutineer.pipeline.schema.Columns.BASIS;
import static org.scrutineer.pipeline.schema.Columns.DISTRICT;
import static org.scrutineer.pipeline.schema.Columns.ETHNIC_GROUP;
import static org.scrutineer.pipeline.schema.Columns.FILE_BYTES;
import static org.scrutineer.pipeline.schema.Columns.FILE_DUPLICATE_ROWS;
import static org.scrutineer.pipeline.schema.Columns.FILE_INDEX;
import static org.scrutineer.pipeline.schema.Columns.FILE_LINES;
import static org.scrutineer.pipeline.schema.Columns.FILE_ROWS;
import static org.scrutineer.pipeline.schema.Columns.FILE_SHA256;
import static org.scrutineer.pipeline.schema.Columns.FORCE;
import static org.scrutineer.pipeline.schema.Columns.FORCE_CODE;
import static org.scrutineer.pipeline.schema.Columns.GEOGRAPHY_LEVEL;
import static org.scrutineer.pipeline.schema.Columns.HOME_DISTRICT;
import static org.scrutineer.pipeline.schema.Columns.HOME_STATUS;
import static org.scrutineer.pipeline.schema.Columns.MONTH;
import static org.scrutineer.pipeline.schema.Columns.PERIOD;
import static org.scrutineer.pipeline.schema.Columns.PERIOD_TYPE;
import static org.scrutineer.pipeline.schema.Columns.POWER;
import static org.scrutineer.pipeline.schema.Columns.RECORD_TYPE;
import static org.scrutineer.pipeline.schema.Columns.REJECT_DETAIL;
import static org.scrutineer.pipeline.schema.Columns.REJECT_REASON;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.scrutineer.pipeline.ingest.GeoStatus;
import org.scrutineer.pipeline.reference.FieldStatus;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.MissingField;
import org.scrutineer.pipeline.schema.PeriodType;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.standardize.Records;

/**
 * Counts records for every reporting cell, in two small steps so the records are read once.
 *
 * <p>{@link #recordCounts} reads the marked records ({@link EventUnits}) once and counts them by
 * file, record type, reject reason, power, force, month, district, home district and ethnic group,
 * carrying each file's summary (rows, bytes, hash). The result is small (thousands of rows) and is
 * what the caller persists. {@link #cellCounts} then sums it into reporting cells: each accepted
 * record counts in its month and its financial year, for its force and (when it has one) its
 * district, on the place-of-event basis; records of residents (home district inside the force)
 * count again on the place-of-residence basis, in their home district.
 *
 * <p>Measures ({@link PowerMeasures} lists them with their meanings): {@code records}, {@code
 * events} (the power's unit), the power-specific counts, and for each {@link MissingField} name
 * {@code <field>_blank}, {@code <field>_not_stated}, {@code <field>_unmapped}. Cells with no
 * records do not appear; the caller fills zeros only for periods the coverage says were submitted.
 */
public final class EventCounts {

  public static final String RECORDS = PowerMeasures.RECORDS;
  public static final String EVENTS = PowerMeasures.EVENTS;

  /** The key columns of {@link #recordCounts}. */
  public static final List<String> RECORD_KEYS =
      List.of(
          FILE_INDEX,
          RECORD_TYPE,
          REJECT_REASON,
          POWER,
          FORCE,
          FORCE_CODE,
          MONTH,
          DISTRICT,
          HOME_DISTRICT,
          HOME_STATUS,
          Columns.GEO_STATUS,
          ETHNIC_GROUP);

  /** The key columns of {@link #cellCounts}, in order. */
  public static final List<String> KEYS =
      List.of(POWER, BASIS, PERIOD_TYPE, PERIOD, GEOGRAPHY_LEVEL, AREA_CODE, FORCE, ETHNIC_GROUP);

  /** Every measure's name, in output order: the union of every power's measures. */
  public static final List<String> MEASURE_NAMES = measureNames();

  private EventCounts() {}

  /**
   * The record columns {@link #inCells} places a row by (power, force, month, districts, home,
   * placement status, ethnic group) followed by {@code extra}, for steps that count other things by
   * the same cells.
   */
  public static Column[] cellInputs(Column... extra) {
    List<Column> columns = new ArrayList<>();
    // The record keys after the file index, record type and reject reason.
    for (String name : RECORD_KEYS.subList(3, RECORD_KEYS.size())) {
      columns.add(col(name));
    }
    columns.addAll(List.of(extra));
    return columns.toArray(new Column[0]);
  }

  /**
   * The count column of events (person searches, subject-incidents, detentions, notices) whose
   * ethnicity field carries a label no code list knows, e.g. {@code
   * self_defined_ethnicity_unmapped_events}: the unmapped-label gate's numerator, over the same
   * events as its denominator (a use-of-force subject-incident counts once, by the row it is
   * counted in, however many officers reported it).
   */
  public static String unmappedEventsColumn(String field) {
    return missingColumn(field, FieldStatus.UNMAPPED) + "_events";
  }

  /** The count column of a field's status, e.g. {@code gender_not_stated}. */
  public static String missingColumn(String field, FieldStatus status) {
    return field + "_" + status.code();
  }

  /**
   * Counts the standardised records (data and file rows) by {@link #RECORD_KEYS}, power by power:
   * each power's rows are marked with their units ({@link EventUnits}) and only that power's
   * measures are evaluated on them (the others are 0). File rows keep their {@code file_rows},
   * {@code file_bytes}, {@code file_sha256} and, when the header was wrong, {@code reject_detail}.
   * These file columns are grouping keys, not string aggregates, so Spark can use its hash
   * aggregate rather than sorting every record.
   *
   * <p>Output: {@link #RECORD_KEYS}, the file columns, and one count per {@link #MEASURE_NAMES}.
   */
  public static Dataset<Row> recordCounts(Dataset<Row> records) {
    return recordCounts(records, java.util.EnumSet.allOf(Power.class));
  }

  /** {@link #recordCounts(Dataset)} for the powers a run read, skipping scans of the others. */
  public static Dataset<Row> recordCounts(Dataset<Row> records, java.util.Set<Power> powers) {
    Dataset<Row> all = null;
    for (Power power : powers) {
      Dataset<Row> counted =
          count(EventUnits.mark(records.where(is(power)), power), measures(power));
      all = all == null ? counted : all.union(counted);
    }
    return all;
  }

  private static Dataset<Row> count(Dataset<Row> marked, Map<String, Column> measures) {
    List<Column> aggregates = new ArrayList<>();
    measures.forEach(
        (name, condition) -> aggregates.add(sum(when(condition, 1L).otherwise(0L)).as(name)));
    List<Column> keys = new ArrayList<>();
    List<Column> output = new ArrayList<>();
    RECORD_KEYS.forEach(key -> keys.add(col(key)));
    keys.add(col(FILE_ROWS));
    keys.add(col(FILE_LINES));
    keys.add(col(FILE_DUPLICATE_ROWS));
    keys.add(col(FILE_BYTES));
    keys.add(col(FILE_SHA256));
    keys.add(when(col(RECORD_TYPE).equalTo("file"), col(REJECT_DETAIL)).as(REJECT_DETAIL));
    RECORD_KEYS.forEach(key -> output.add(col(key)));
    for (String file :
        List.of(
            FILE_ROWS, FILE_LINES, FILE_DUPLICATE_ROWS, FILE_BYTES, FILE_SHA256, REJECT_DETAIL)) {
      output.add(col(file));
    }
    for (String name : MEASURE_NAMES) {
      output.add(measures.containsKey(name) ? col(name) : lit(0L).as(name));
    }
    return marked
        .groupBy(keys.toArray(new Column[0]))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
        .select(output.toArray(new Column[0]));
  }

  /**
   * Sums {@link #recordCounts} into reporting cells.
   *
   * @param recordCounts the output of {@link #recordCounts}
   * @param submitted {@code "<power> <force> <yyyy-MM>"} triples to count; accepted records of
   *     other months (outside the window or an extract's stated coverage) are left out
   * @param districtCsps district code to Community Safety Partnership code (from the lookup; empty
   *     for no CSP level)
   */
  public static Dataset<Row> cellCounts(
      Dataset<Row> recordCounts, List<String> submitted, Map<String, String> districtCsps) {
    return cellCounts(recordCounts, submitted, districtCsps, MEASURE_NAMES, null);
  }

  /**
   * {@link #cellCounts(Dataset, List, Map)} for one power's cells, with only that power's measures
   * (the rest are zero), so the counts collected to the driver stay small.
   */
  public static Dataset<Row> cellCounts(
      Dataset<Row> recordCounts,
      List<String> submitted,
      Map<String, String> districtCsps,
      Power power) {
    return cellCounts(
        recordCounts, submitted, districtCsps, List.copyOf(measures(power).keySet()), power);
  }

  private static Dataset<Row> cellCounts(
      Dataset<Row> recordCounts,
      List<String> submitted,
      Map<String, String> districtCsps,
      List<String> names,
      Power power) {
    List<Column> sums = new ArrayList<>();
    names.forEach(name -> sums.add(sum(col(name)).as(name)));
    Column rows = col(RECORD_TYPE).equalTo("record").and(col(REJECT_REASON).isNull());
    if (power != null) {
      rows = rows.and(is(power));
    }
    return inCells(recordCounts.where(rows), submitted, districtCsps)
        .groupBy(KEYS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
  }

  /**
   * Repeats each accepted row of the submitted months once per reporting cell it counts in, setting
   * the {@link #KEYS} columns other than {@code power}, {@code force} and {@code ethnic_group}: its
   * month and financial year, times its force and district on the place-of-event basis, and for a
   * resident its force and home district on the place-of-residence basis; and the Community Safety
   * Partnership of each district. A stop-and-search record that could not be placed in a district
   * of its force counts in the district {@link GeographyLevel#UNKNOWN_DISTRICT}.
   */
  static Dataset<Row> inCells(
      Dataset<Row> rows, List<String> submitted, Map<String, String> districtCsps) {
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
            struct(lit(PeriodType.MONTH).as(PERIOD_TYPE), col(MONTH).as(PERIOD)),
            struct(lit(PeriodType.FINANCIAL_YEAR).as(PERIOD_TYPE), financialYear.as(PERIOD)));
    Column resident = col(HOME_STATUS).equalTo(lit(Records.RESIDENT));
    Column unplaced =
        col(Columns.GEO_STATUS)
            .isin(
                GeoStatus.NO_COORDINATES.code(),
                GeoStatus.OUTSIDE_DISTRICTS.code(),
                GeoStatus.OUTSIDE_FORCE.code());
    Column district = coalesce(col(DISTRICT), when(unplaced, lit(GeographyLevel.UNKNOWN_DISTRICT)));
    Column home = when(resident, col(HOME_DISTRICT));
    List<Column> areas = new ArrayList<>();
    areas.add(geography(lit(Basis.PLACE_OF_EVENT), GeographyLevel.FORCE, col(FORCE_CODE)));
    areas.add(geography(lit(Basis.PLACE_OF_EVENT), GeographyLevel.DISTRICT, district));
    areas.add(
        geography(
            lit(Basis.PLACE_OF_RESIDENCE), GeographyLevel.FORCE, when(resident, col(FORCE_CODE))));
    areas.add(geography(lit(Basis.PLACE_OF_RESIDENCE), GeographyLevel.DISTRICT, home));
    if (!districtCsps.isEmpty()) {
      Column csps = Records.mapLiteral(districtCsps);
      areas.add(
          geography(
              lit(Basis.PLACE_OF_EVENT), GeographyLevel.CSP, try_element_at(csps, col(DISTRICT))));
      areas.add(
          geography(lit(Basis.PLACE_OF_RESIDENCE), GeographyLevel.CSP, try_element_at(csps, home)));
    }
    Column geographies = array(areas.toArray(new Column[0]));
    return rows.where(concat_ws(" ", col(POWER), col(FORCE), col(MONTH)).isin(submitted.toArray()))
        .withColumn("p", explode(periods))
        .withColumn("g", explode(geographies))
        .withColumn(PERIOD_TYPE, col("p." + PERIOD_TYPE))
        .withColumn(PERIOD, col("p." + PERIOD))
        .withColumn(BASIS, col("g." + BASIS))
        .withColumn(GEOGRAPHY_LEVEL, col("g." + GEOGRAPHY_LEVEL))
        .withColumn(AREA_CODE, col("g." + AREA_CODE))
        .where(col(AREA_CODE).isNotNull())
        .drop("p", "g");
  }

  private static Column geography(Column basis, String level, Column code) {
    return struct(basis.as(BASIS), lit(level).as(GEOGRAPHY_LEVEL), code.as(AREA_CODE));
  }

  /**
   * A power's measures with their record conditions: {@link PowerMeasures#conditions(Power)}, then
   * for each of its {@link MissingField}s the blank, not stated and unmapped counts over the
   * field's scope.
   */
  public static Map<String, Column> measures(Power power) {
    Map<String, Column> measures = new LinkedHashMap<>(PowerMeasures.conditions(power));
    Column isRecord = col(RECORD_TYPE).equalTo("record");
    for (MissingField missing : MissingField.of(power)) {
      Column scope = missing.personOnly() ? isRecord.and(col(Columns.PERSON_SEARCH)) : isRecord;
      for (FieldStatus status :
          List.of(FieldStatus.BLANK, FieldStatus.NOT_STATED, FieldStatus.UNMAPPED)) {
        measures.put(
            missingColumn(missing.field(), status),
            scope.and(col(missing.statusColumn()).equalTo(status.code())));
      }
      if (missing.field().equals(Columns.SELF_DEFINED_ETHNICITY)
          || missing.field().equals(Columns.OFFICER_DEFINED_ETHNICITY)) {
        measures.put(
            unmappedEventsColumn(missing.field()),
            col(EventUnits.COUNTED)
                .and(col(missing.statusColumn()).equalTo(FieldStatus.UNMAPPED.code())));
      }
    }
    return Collections.unmodifiableMap(measures);
  }

  private static List<String> measureNames() {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (Power power : Power.values()) {
      names.addAll(measures(power).keySet());
    }
    return List.copyOf(names);
  }

  static Column is(Power power) {
    return col(POWER).equalTo(lit(power.code()));
  }

  static Column isTrue(String field) {
    return lower(col(field)).equalTo(lit("true"));
  }
}
