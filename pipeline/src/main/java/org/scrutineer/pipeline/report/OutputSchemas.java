package org.scrutineer.pipeline.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schemas of every output table, each column with its description (the data dictionary in
 * README.md is checked against these comments by a test). Null means "not defined" or "not
 * published", never zero; the reason is in the row's flag or {@code *_undefined_reason} column.
 */
public final class OutputSchemas {
  public static final String DISPROPORTIONALITY = "disproportionality";
  public static final String OUTCOMES = "outcomes";
  public static final String MISSING_DATA = "missing_data";
  public static final String COVERAGE = "coverage";
  public static final String REJECTS = "rejects";
  public static final String RECORDS = "records";

  private static final DataType S = DataTypes.StringType;
  private static final DataType L = DataTypes.LongType;
  private static final DataType I = DataTypes.IntegerType;
  private static final DataType D = DataTypes.DoubleType;
  private static final DataType B = DataTypes.BooleanType;

  /** Columns shared by the three statistical tables: what, when and where. */
  private static final StructType CELL =
      new StructType()
          .add(field("power", S, "Police power: stop_search."))
          .add(field("period_type", S, "month or financial_year (April to March)."))
          .add(
              field(
                  "period", S, "yyyy-MM for a month; yyyy-yy (e.g. 2020-21) for a financial year."))
          .add(field("months_expected", I, "Months in the period: 1 or 12."))
          .add(
              field(
                  "months_submitted",
                  I,
                  "Months of the period with data submitted for the area; rates are annualised over these."))
          .add(
              field(
                  "period_complete",
                  B,
                  "True when every month of the period was submitted; false flags a gap (missing months are never zeros)."))
          .add(
              field(
                  "geography_level",
                  S,
                  "force (police force area) or district (local authority district)."))
          .add(
              field(
                  "area_code",
                  S,
                  "ONS code of the force area or district (BTP for British Transport Police)."))
          .add(field("area_name", S, "Name of the force area or district."))
          .add(field("force", S, "data.police.uk force slug the records came from."));

  /** One row per cell and ethnic group: events, rates, ratios to the reference group. */
  public static final StructType DISPROPORTIONALITY_SCHEMA =
      extend(
          CELL,
          field(
              "ethnic_group",
              S,
              "White, Black, Asian, Mixed, Other (self-defined, 5+1), Unknown (blank, not stated or unmapped) or All."),
          field(
              "events",
              L,
              "Person searches of people in the group (vehicle-only searches excluded)."),
          field(
              "population",
              L,
              "Resident population of the group (Census); null when there is none (Unknown, British Transport Police, area not in the population file)."),
          field("exposure_person_years", D, "population x months_submitted / 12."),
          field(
              "rate_per_1000",
              D,
              "1000 x events / exposure_person_years: annualised rate per 1,000 residents; null below the rate minimum (3 events) or without a population."),
          field(
              "rate_ci_low",
              D,
              "Lower 95% limit of the rate (exact Poisson below 10 events, Byar from 10)."),
          field("rate_ci_high", D, "Upper 95% limit of the rate."),
          field(
              "rate_undefined_reason",
              S,
              "Why rate_per_1000 is null: LOW_COUNT, NO_DENOMINATOR or NO_RESIDENT_POPULATION."),
          field("reference_group", S, "The group ratios compare against (default White)."),
          field("reference_events", L, "Events in the reference group in the same cell."),
          field(
              "ratio",
              D,
              "Disproportionality ratio: rate_per_1000 / reference group's rate. Null when either group has fewer than 10 events or the ratio is undefined."),
          field(
              "ratio_ci_low",
              D,
              "Lower 95% limit of the ratio, exact conditional (Clopper-Pearson on the binomial split; R poisson.test)."),
          field("ratio_ci_high", D, "Upper 95% limit of the ratio, exact conditional."),
          field(
              "ratio_katz_ci_low", D, "Lower 95% limit of the ratio, Katz log method (binomial)."),
          field(
              "ratio_katz_ci_high", D, "Upper 95% limit of the ratio, Katz log method (binomial)."),
          field("p_value", D, "Two-sided exact binomial (central) p-value for ratio = 1."),
          field(
              "ratio_undefined_reason",
              S,
              "Why ratio is null: REFERENCE_GROUP, NOT_APPLICABLE (Unknown, All), LOW_COUNT, ZERO_REFERENCE, NO_EVENTS, NO_DENOMINATOR, NO_RESIDENT_POPULATION."),
          field(
              "flag",
              S,
              "Small-number flag: rate_suppressed (< 3 events), ratio_suppressed (< 10 in the group or reference), u (unreliable, < 20), ok."),
          field(
              "unknown_ethnicity_share",
              D,
              "Share of the cell's person searches with Unknown self-defined ethnicity (not allocated to any group)."));

  /** One row per cell and ethnic group: outcome rates and their ratios to the reference group. */
  public static final StructType OUTCOMES_SCHEMA =
      extend(
          CELL,
          field("ethnic_group", S, "As in disproportionality."),
          field("searches", L, "Person searches of people in the group."),
          field("arrests", L, "Searches with outcome Arrest."),
          field("arrest_rate", D, "arrests / searches."),
          field("arrest_rate_ci_low", D, "Wilson 95% lower limit of arrest_rate."),
          field("arrest_rate_ci_high", D, "Wilson 95% upper limit of arrest_rate."),
          field(
              "outcome_known",
              L,
              "Searches whose outcome is recorded and classifiable (blank is unknown, never no further action)."),
          field("any_action", L, "Searches with an outcome other than no further action."),
          field("any_action_rate", D, "any_action / outcome_known."),
          field("any_action_rate_ci_low", D, "Wilson 95% lower limit of any_action_rate."),
          field("any_action_rate_ci_high", D, "Wilson 95% upper limit of any_action_rate."),
          field(
              "link_known",
              L,
              "Searches where 'outcome linked to object of search' is True or False."),
          field(
              "linked_finds",
              L,
              "Searches where the outcome was linked to the object of the search."),
          field("linked_find_rate", D, "linked_finds / link_known: the find rate."),
          field("linked_find_rate_ci_low", D, "Wilson 95% lower limit of linked_find_rate."),
          field("linked_find_rate_ci_high", D, "Wilson 95% upper limit of linked_find_rate."),
          field("missing_outcome_rate", D, "(searches - outcome_known) / searches."),
          field("missing_link_rate", D, "(searches - link_known) / searches."),
          field(
              "arrest_rate_ratio",
              D,
              "arrest_rate / reference group's arrest_rate; null when either has fewer than 10 arrests."),
          field("arrest_rate_ratio_ci_low", D, "Katz log 95% lower limit of arrest_rate_ratio."),
          field("arrest_rate_ratio_ci_high", D, "Katz log 95% upper limit of arrest_rate_ratio."),
          field(
              "any_action_rate_ratio",
              D,
              "any_action_rate / reference group's; null when either has fewer than 10 actions."),
          field(
              "any_action_rate_ratio_ci_low",
              D,
              "Katz log 95% lower limit of any_action_rate_ratio."),
          field(
              "any_action_rate_ratio_ci_high",
              D,
              "Katz log 95% upper limit of any_action_rate_ratio."),
          field(
              "linked_find_rate_ratio",
              D,
              "linked_find_rate / reference group's; null when either has fewer than 10 linked finds."),
          field(
              "linked_find_rate_ratio_ci_low",
              D,
              "Katz log 95% lower limit of linked_find_rate_ratio."),
          field(
              "linked_find_rate_ratio_ci_high",
              D,
              "Katz log 95% upper limit of linked_find_rate_ratio."),
          field(
              "flag",
              S,
              "Small-number flag on searches: rate_suppressed (< 3 searches: rates null), u (< 20), ok. Ratios follow the 10-event rule on their numerators."));

  /** One row per cell and field: completeness. */
  public static final StructType MISSING_DATA_SCHEMA =
      extend(
          CELL,
          field(
              "field",
              S,
              "self_defined_ethnicity, officer_defined_ethnicity, gender, age_range, legislation, object_of_search, outcome, outcome_linked_to_object, removal_of_more_than_outer_clothing, location (latitude/longitude) or date."),
          field("scope", S, "person_searches (person fields) or all_searches."),
          field("records", L, "Records in scope."),
          field("blank", L, "Records with nothing recorded."),
          field(
              "not_stated",
              L,
              "Records with an explicit not stated / unknown value (a refusal), kept apart from blank."),
          field(
              "unmapped",
              L,
              "Records with a value not in the code list (counted, reported and gated, never guessed)."),
          field("missing", L, "blank + not_stated + unmapped."),
          field("missing_rate", D, "missing / records."),
          field("blank_rate", D, "blank / records."),
          field("not_stated_rate", D, "not_stated / records."));

  /** One row per force and month of the run window. */
  public static final StructType COVERAGE_SCHEMA =
      new StructType()
          .add(field("power", S, "Police power."))
          .add(field("force", S, "data.police.uk force slug."))
          .add(field("force_name", S, "Force area name."))
          .add(
              field(
                  "area_code", S, "ONS police force area code (BTP for British Transport Police)."))
          .add(field("month", S, "yyyy-MM."))
          .add(
              field(
                  "submitted",
                  B,
                  "True when a file (or an extract's stated coverage) covers the month; false means missing, never zero."))
          .add(field("source_format", S, "police_uk or extract; null when not submitted."))
          .add(field("files", I, "Files covering the month."))
          .add(
              field(
                  "rows_accepted",
                  L,
                  "Accepted records counted in the month; null when not submitted."))
          .add(
              field(
                  "has_district",
                  B,
                  "True when the month's records carry a district, giving district-level results."))
          .add(
              field(
                  "partial_suspected",
                  B,
                  "True when rows_accepted is below 20% of the median of the force's other submitted months (a possibly partial submission)."));

  /** One row per rejected record. */
  public static final StructType REJECTS_SCHEMA =
      new StructType()
          .add(field("power", S, "Police power."))
          .add(field("source_file", S, "The file the record came from."))
          .add(
              field(
                  "line_number",
                  L,
                  "1-based line on which the record starts (the header is line 1)."))
          .add(
              field(
                  "reason",
                  S,
                  "The first rule broken, e.g. FIELD_COUNT, INVALID_DATE (see README)."))
          .add(field("rule", S, "The rule in words."))
          .add(field("detail", S, "Every rule the record broke, with the offending values."))
          .add(field("raw_text", S, "The record exactly as in the file."));

  /** Record level, Parquet only: every record read, standardised, beside its raw values. */
  public static final StructType RECORDS_SCHEMA =
      new StructType()
          .add(field("source_file", S, "The file the row came from."))
          .add(
              field(
                  "file_index",
                  I,
                  "The file's position in the run's input list (manifest inputs order)."))
          .add(
              field(
                  "record_type",
                  S,
                  "record (one row per record read) or file (one summary row per file)."))
          .add(
              field(
                  "line_number", L, "1-based line on which the record starts; null on file rows."))
          .add(field("power", S, "Police power."))
          .add(field("force", S, "data.police.uk force slug."))
          .add(field("force_code", S, "ONS police force area code of the force."))
          .add(
              field(
                  "month",
                  S,
                  "yyyy-MM the record counts in (police.uk: the file's month; extracts: the local month of the date)."))
          .add(field("type", S, "Search type as recorded (after an extract's value map)."))
          .add(field("date", S, "The date as an ISO-8601 UTC instant; null when blank."))
          .add(field("event_time", DataTypes.TimestampType, "date as a timestamp."))
          .add(field("part_of_operation", S, "As recorded."))
          .add(field("operation_name", S, "As recorded."))
          .add(field("latitude", S, "As recorded (WGS84 degrees)."))
          .add(field("longitude", S, "As recorded (WGS84 degrees)."))
          .add(field("gender", S, "As recorded."))
          .add(field("age_range", S, "As recorded."))
          .add(
              field(
                  "self_defined_ethnicity",
                  S,
                  "The raw self-defined ethnicity label or code, kept as recorded."))
          .add(
              field(
                  "officer_defined_ethnicity",
                  S,
                  "The raw officer-defined ethnicity, kept as recorded."))
          .add(field("legislation", S, "As recorded."))
          .add(field("object_of_search", S, "As recorded."))
          .add(field("outcome", S, "As recorded."))
          .add(field("outcome_linked_to_object", S, "As recorded."))
          .add(field("removal_of_more_than_outer_clothing", S, "As recorded."))
          .add(field("district", S, "ONS district code (extracts with a district column)."))
          .add(field("person_search", B, "False for vehicle-only searches."))
          .add(
              field(
                  "ethnic_group",
                  S,
                  "Self-defined ethnicity mapped to White, Black, Asian, Mixed, Other or Unknown."))
          .add(field("officer_ethnic_group", S, "Officer-defined ethnicity mapped the same way."))
          .add(field("arrest", B, "Outcome is an arrest."))
          .add(field("outcome_known", B, "Outcome recorded and classifiable."))
          .add(field("any_action", B, "Outcome other than no further action."))
          .add(field("link_known", B, "Outcome-linked flag is True or False."))
          .add(field("linked_find", B, "Outcome linked to the object of the search."))
          .add(
              field(
                  "self_defined_ethnicity_status",
                  S,
                  "valid, blank, not_stated or unmapped; likewise every *_status column."))
          .add(field("officer_defined_ethnicity_status", S, "Status of officer_defined_ethnicity."))
          .add(field("gender_status", S, "Status of gender."))
          .add(field("age_range_status", S, "Status of age_range."))
          .add(field("legislation_status", S, "Status of legislation."))
          .add(field("object_of_search_status", S, "Status of object_of_search."))
          .add(field("outcome_status", S, "Status of outcome."))
          .add(field("outcome_linked_to_object_status", S, "Status of outcome_linked_to_object."))
          .add(
              field(
                  "removal_of_more_than_outer_clothing_status",
                  S,
                  "Status of removal_of_more_than_outer_clothing."))
          .add(field("location_status", S, "Status of latitude and longitude together."))
          .add(field("date_status", S, "Status of date."))
          .add(
              field(
                  "reject_reason",
                  S,
                  "Null on accepted records; else the first rule broken (see rejects)."))
          .add(
              field(
                  "reject_detail",
                  S,
                  "Every rule broken, with the values; on a file row, what is wrong with its header."))
          .add(
              field(
                  "raw_text",
                  S,
                  "The record exactly as in the file; kept on rejected records only."))
          .add(field("file_rows", L, "File rows: records the reader counted in the file."))
          .add(field("file_bytes", L, "File rows: the file's size."))
          .add(field("file_sha256", S, "File rows: SHA-256 of the file."));

  /** Every table's schema by name, in output order (records, Parquet only, last). */
  public static final Map<String, StructType> ALL = all();

  private OutputSchemas() {}

  private static StructField field(String name, DataType type, String description) {
    return new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty())
        .withComment(description);
  }

  private static StructType extend(StructType base, StructField... fields) {
    StructType schema = base;
    for (StructField f : fields) {
      schema = schema.add(f);
    }
    return schema;
  }

  private static Map<String, StructType> all() {
    Map<String, StructType> all = new LinkedHashMap<>();
    all.put(DISPROPORTIONALITY, DISPROPORTIONALITY_SCHEMA);
    all.put(OUTCOMES, OUTCOMES_SCHEMA);
    all.put(MISSING_DATA, MISSING_DATA_SCHEMA);
    all.put(COVERAGE, COVERAGE_SCHEMA);
    all.put(REJECTS, REJECTS_SCHEMA);
    all.put(RECORDS, RECORDS_SCHEMA);
    return java.util.Collections.unmodifiableMap(all);
  }
}
