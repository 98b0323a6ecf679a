package org.scrutineer.pipeline.standardize;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;
import static org.scrutineer.pipeline.schema.Columns.AGE_RANGE;
import static org.scrutineer.pipeline.schema.Columns.ANY_ACTION;
import static org.scrutineer.pipeline.schema.Columns.ARREST;
import static org.scrutineer.pipeline.schema.Columns.DATE;
import static org.scrutineer.pipeline.schema.Columns.DISTRICT;
import static org.scrutineer.pipeline.schema.Columns.ETHNIC_GROUP;
import static org.scrutineer.pipeline.schema.Columns.EVENT_TIME;
import static org.scrutineer.pipeline.schema.Columns.FORCE;
import static org.scrutineer.pipeline.schema.Columns.FORCE_CODE;
import static org.scrutineer.pipeline.schema.Columns.GENDER;
import static org.scrutineer.pipeline.schema.Columns.LATITUDE;
import static org.scrutineer.pipeline.schema.Columns.LEGISLATION;
import static org.scrutineer.pipeline.schema.Columns.LINKED_FIND;
import static org.scrutineer.pipeline.schema.Columns.LINK_KNOWN;
import static org.scrutineer.pipeline.schema.Columns.LONGITUDE;
import static org.scrutineer.pipeline.schema.Columns.OBJECT_OF_SEARCH;
import static org.scrutineer.pipeline.schema.Columns.OFFICER_DEFINED_ETHNICITY;
import static org.scrutineer.pipeline.schema.Columns.OFFICER_ETHNIC_GROUP;
import static org.scrutineer.pipeline.schema.Columns.OUTCOME;
import static org.scrutineer.pipeline.schema.Columns.OUTCOME_KNOWN;
import static org.scrutineer.pipeline.schema.Columns.OUTCOME_LINKED;
import static org.scrutineer.pipeline.schema.Columns.PARSE_DETAIL;
import static org.scrutineer.pipeline.schema.Columns.PARSE_ERROR;
import static org.scrutineer.pipeline.schema.Columns.PART_OF_OPERATION;
import static org.scrutineer.pipeline.schema.Columns.PERSON_SEARCH;
import static org.scrutineer.pipeline.schema.Columns.POWER;
import static org.scrutineer.pipeline.schema.Columns.RAW_TEXT;
import static org.scrutineer.pipeline.schema.Columns.RECORD_TYPE;
import static org.scrutineer.pipeline.schema.Columns.REJECT_DETAIL;
import static org.scrutineer.pipeline.schema.Columns.REJECT_REASON;
import static org.scrutineer.pipeline.schema.Columns.REMOVAL_OF_CLOTHING;
import static org.scrutineer.pipeline.schema.Columns.SELF_DEFINED_ETHNICITY;
import static org.scrutineer.pipeline.schema.Columns.TYPE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.ingest.RejectReason;
import org.scrutineer.pipeline.reference.CodeList;
import org.scrutineer.pipeline.reference.FieldStatus;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.Power;

/**
 * Validates canonical stop-and-search records and derives the analysis columns, with column
 * expressions only.
 *
 * <p>Input: raw-layer data records ({@code RawSchema}, {@code record_type = "record"}). Output: the
 * same rows and columns plus {@code reject_reason} and {@code reject_detail} (null on accepted
 * rows; the first rule broken and every rule broken, in words), and, for use on accepted rows:
 * {@code power}, {@code force_code}, {@code event_time} (timestamp, null when the date is blank),
 * {@code person_search}, {@code ethnic_group} (self-defined 5+1; blank, not stated and unmapped
 * values are Unknown), {@code officer_ethnic_group}, outcome flags ({@code arrest}, {@code
 * outcome_known}, {@code any_action}, {@code link_known}, {@code linked_find}), and one {@code
 * <field>_status} column per {@link MissingField}. {@code raw_text} is kept only on rejected rows,
 * so the cached accepted data stays small.
 *
 * <p>Rules applied here (source-format rules were applied while reading): type is one of the three
 * data.police.uk search types; latitude and longitude are both blank or both numbers within WGS84
 * range; True/False fields hold True, False or nothing; a district is a 9-character ONS code.
 * Unrecognised codes in coded fields are not rejects: they are kept, counted as unmapped and gated.
 */
public final class StopSearchRecords {
  private static final String TRUE = "true";
  private static final String FALSE = "false";
  private static final List<String> TYPES =
      List.of("person search", "person and vehicle search", "vehicle search");
  private static final String SELF_KEY = "_self_defined_key";
  private static final String CODE_IN_BRACKETS = "\\(([A-Za-z][0-9]|NS|ns)\\)\\s*$";

  private StopSearchRecords() {}

  /** Adds validation and derived columns to raw data records. */
  public static Dataset<Row> standardize(Dataset<Row> records, ForceRegistry registry) {
    Column type = normalized(col(TYPE));
    Column lat = col(LATITUDE).try_cast(DataTypes.DoubleType);
    Column lon = col(LONGITUDE).try_cast(DataTypes.DoubleType);

    List<Rule> rules = new ArrayList<>();
    rules.add(new Rule(col(TYPE).isNull(), RejectReason.MISSING_REQUIRED, lit("Type is blank")));
    rules.add(
        new Rule(
            col(TYPE).isNotNull().and(functions.not(type.isin(TYPES.toArray()))),
            RejectReason.INVALID_TYPE,
            functions.format_string("Type '%s' is not a data.police.uk search type", col(TYPE))));
    rules.add(
        new Rule(
            col(LATITUDE)
                .isNull()
                .notEqual(col(LONGITUDE).isNull())
                .or(col(LATITUDE).isNotNull().and(outside(lat, 90)))
                .or(col(LONGITUDE).isNotNull().and(outside(lon, 180))),
            RejectReason.INVALID_COORDINATES,
            functions.format_string(
                "Latitude '%s' and longitude '%s' are not both blank or both valid degrees",
                coalesce(col(LATITUDE), lit("")), coalesce(col(LONGITUDE), lit("")))));
    for (String field : List.of(PART_OF_OPERATION, OUTCOME_LINKED, REMOVAL_OF_CLOTHING)) {
      rules.add(
          new Rule(
              col(field).isNotNull().and(functions.not(lower(col(field)).isin(TRUE, FALSE))),
              RejectReason.INVALID_BOOLEAN,
              functions.format_string(
                  "%s is '%s' (must be True, False or blank)", lit(field), col(field))));
    }
    rules.add(
        new Rule(
            col(DISTRICT).isNotNull().and(functions.not(col(DISTRICT).rlike("^[A-Z][0-9]{8}$"))),
            RejectReason.INVALID_DISTRICT,
            functions.format_string("District '%s' is not a 9-character ONS code", col(DISTRICT))));

    Column reason = col(PARSE_ERROR);
    List<Column> details = new ArrayList<>();
    for (Rule rule : rules) {
      reason = coalesce(reason, when(rule.broken, lit(rule.reason.name())));
      details.add(when(rule.broken, rule.detail));
    }
    Column detail =
        when(col(PARSE_ERROR).isNotNull(), col(PARSE_DETAIL))
            .otherwise(functions.nullif(concat_ws("; ", details.toArray(new Column[0])), lit("")));
    // File summary rows are not records: they carry a header problem, never a record rule.
    Column isRecord = col(RECORD_TYPE).equalTo(lit(RawSchema.RECORD));
    reason = when(isRecord, reason);
    detail = when(isRecord, detail).otherwise(col(PARSE_DETAIL));

    Column selfKey = col(SELF_KEY);
    Column outcomeClass =
        try_element_at(mapLiteral(CodeList.OUTCOMES.classes()), normalized(col(OUTCOME)));
    Column linked = lower(col(OUTCOME_LINKED));

    return records
        .withColumn(SELF_KEY, ethnicityKey(col(SELF_DEFINED_ETHNICITY)))
        .withColumn(REJECT_REASON, reason)
        .withColumn(REJECT_DETAIL, detail)
        .withColumn(RAW_TEXT, when(col(REJECT_REASON).isNotNull(), col(RAW_TEXT)))
        .withColumn(POWER, lit(Power.STOP_SEARCH.code()))
        .withColumn(FORCE_CODE, try_element_at(mapLiteral(forceCodes(registry)), col(FORCE)))
        .withColumn(EVENT_TIME, try_to_timestamp(col(DATE)))
        .withColumn(PERSON_SEARCH, type.notEqual(lit("vehicle search")))
        .withColumn(ETHNIC_GROUP, group(selfKey, CodeList.SELF_DEFINED_ETHNICITY))
        .withColumn(
            MissingField.SELF_DEFINED_ETHNICITY.statusColumn(),
            status(col(SELF_DEFINED_ETHNICITY), selfKey, CodeList.SELF_DEFINED_ETHNICITY))
        .withColumn(
            OFFICER_ETHNIC_GROUP,
            group(normalized(col(OFFICER_DEFINED_ETHNICITY)), CodeList.OFFICER_DEFINED_ETHNICITY))
        .withColumn(
            MissingField.OFFICER_DEFINED_ETHNICITY.statusColumn(),
            status(
                col(OFFICER_DEFINED_ETHNICITY),
                normalized(col(OFFICER_DEFINED_ETHNICITY)),
                CodeList.OFFICER_DEFINED_ETHNICITY))
        .withColumn(
            MissingField.GENDER.statusColumn(),
            status(col(GENDER), normalized(col(GENDER)), CodeList.GENDER))
        .withColumn(
            MissingField.AGE_RANGE.statusColumn(),
            status(col(AGE_RANGE), normalized(col(AGE_RANGE)), CodeList.AGE_RANGE))
        .withColumn(
            MissingField.OUTCOME.statusColumn(),
            status(col(OUTCOME), normalized(col(OUTCOME)), CodeList.OUTCOMES))
        .withColumn(MissingField.LEGISLATION.statusColumn(), presence(col(LEGISLATION)))
        .withColumn(MissingField.OBJECT_OF_SEARCH.statusColumn(), presence(col(OBJECT_OF_SEARCH)))
        .withColumn(MissingField.OUTCOME_LINKED.statusColumn(), presence(col(OUTCOME_LINKED)))
        .withColumn(
            MissingField.REMOVAL_OF_CLOTHING.statusColumn(), presence(col(REMOVAL_OF_CLOTHING)))
        .withColumn(
            MissingField.LOCATION.statusColumn(), presence(coalesce(col(LATITUDE), col(LONGITUDE))))
        .withColumn(MissingField.DATE.statusColumn(), presence(col(DATE)))
        .withColumn(ARREST, coalesce(outcomeClass.equalTo("arrest"), lit(false)))
        .withColumn(
            OUTCOME_KNOWN, coalesce(outcomeClass.isin("arrest", "action", "nfa"), lit(false)))
        .withColumn(ANY_ACTION, coalesce(outcomeClass.isin("arrest", "action"), lit(false)))
        .withColumn(LINK_KNOWN, coalesce(linked.isin(TRUE, FALSE), lit(false)))
        .withColumn(LINKED_FIND, coalesce(linked.equalTo(TRUE), lit(false)))
        .drop(SELF_KEY);
  }

  /**
   * The form code lists match: lower case. The reader has already trimmed values and folded inner
   * white space ({@code CodeList.normalize} is the same rule in Java).
   */
  static Column normalized(Column value) {
    return lower(value);
  }

  /** A self-defined label's lookup key: its bracketed code if it has one, else the label. */
  static Column ethnicityKey(Column value) {
    Column code = regexp_extract(value, CODE_IN_BRACKETS, 1);
    return when(code.notEqual(lit("")), lower(code)).otherwise(normalized(value));
  }

  private static Column group(Column key, CodeList codes) {
    return coalesce(
        try_element_at(mapLiteral(codes.classes()), key), lit(EthnicGroup.UNKNOWN.label()));
  }

  private static Column status(Column value, Column key, CodeList codes) {
    return when(value.isNull(), lit(FieldStatus.BLANK.code()))
        .otherwise(
            coalesce(
                try_element_at(mapLiteral(codes.statuses()), key),
                lit(FieldStatus.UNMAPPED.code())));
  }

  private static Column presence(Column value) {
    return when(value.isNull(), lit(FieldStatus.BLANK.code()))
        .otherwise(lit(FieldStatus.VALID.code()));
  }

  private static Column outside(Column degrees, double limit) {
    return degrees.isNull().or(degrees.lt(-limit)).or(degrees.gt(limit));
  }

  private static Map<String, String> forceCodes(ForceRegistry registry) {
    Map<String, String> codes = new java.util.LinkedHashMap<>();
    for (Force force : registry.forces()) {
      codes.put(force.slug(), force.areaCode());
    }
    return codes;
  }

  /** A literal map column, for lookups of small code lists without a join. */
  static Column mapLiteral(Map<String, String> map) {
    List<Column> entries = new ArrayList<>(map.size() * 2);
    map.forEach(
        (k, v) -> {
          entries.add(lit(k));
          entries.add(lit(v));
        });
    return functions.map(entries.toArray(new Column[0]));
  }

  private record Rule(Column broken, RejectReason reason, Column detail) {}
}
