package org.scrutineer.pipeline.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
  public static final String STAGES = "stages";
  public static final String CUSTODY_DURATIONS = "custody_durations";
  public static final String MISSING_DATA = "missing_data";
  public static final String COVERAGE = "coverage";
  public static final String GEO_QUALITY = "geo_quality";
  public static final String ETHNICITY_AGREEMENT = "ethnicity_agreement";
  public static final String OUTCOME_TEST = "outcome_test";
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
          .add(field("power", S, "Police power: stop_search, use_of_force, custody or fpn."))
          .add(
              field(
                  "basis",
                  S,
                  "place_of_event (where the event happened) or place_of_residence (custody and FPN: residents of the force area counted where they live; visitors are left out)."))
          .add(
              field(
                  "period_type",
                  S,
                  "month, financial_year (April to March) or, in disproportionality only,"
                      + " rolling_12_months (period is first/last month, e.g. 2020-07/2021-06)."))
          .add(
              field(
                  "period",
                  S,
                  "yyyy-MM for a month; yyyy-yy (e.g. 2020-21) for a financial year;"
                      + " yyyy-MM/yyyy-MM for a rolling 12 months."))
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
                  "force (police force area), district (local authority district) or csp (Community Safety Partnership, a union of districts)."))
          .add(
              field(
                  "area_code",
                  S,
                  "ONS code of the force area, district or CSP (BTP for British Transport Police; UNKNOWN for the stop-and-search records that could not be placed in a district of their force)."))
          .add(field("area_name", S, "Name of the force area or district."))
          .add(field("force", S, "data.police.uk force slug the records came from."));

  /** One row per cell and ethnic group: events, rates, ratios to the reference group. */
  public static final StructType DISPROPORTIONALITY_SCHEMA =
      extend(
          CELL,
          field(
              "ethnic_group",
              S,
              "White, Black, Asian, Mixed, Other (5+1; self-defined, except use of force: officer-perceived), Unknown (blank, not stated or unmapped) or All."),
          field(
              "events",
              L,
              "Events of the power for people in the group: person searches (vehicle-only searches excluded), use-of-force subject-incidents (officer reports de-duplicated), custody detentions, or fixed penalty notices."),
          field(
              "population",
              L,
              "Resident population of the group (Census); null when there is none (Unknown, British Transport Police, area not in the population file)."),
          field(
              "population_source",
              S,
              "The population file the denominators of this period come from (with several --population files, the one in force in the period's first month)."),
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
              "rate_per_10000",
              D,
              "The same rate per 10,000 residents (the convention of the national FPN analyses)."),
          field("rate_per_10000_ci_low", D, "Lower 95% limit of rate_per_10000."),
          field("rate_per_10000_ci_high", D, "Upper 95% limit of rate_per_10000."),
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
              "ratio_katz_ci_low",
              D,
              "Lower 95% limit of the ratio, Katz log method (binomial, over the population at risk, not the person-years)."),
          field(
              "ratio_katz_ci_high",
              D,
              "Upper 95% limit of the ratio, Katz log method (binomial, over the population at risk, not the person-years)."),
          field("p_value", D, "Two-sided exact binomial (central) p-value for ratio = 1."),
          field(
              "q_value",
              D,
              "Benjamini-Hochberg false discovery rate q-value of p_value, over every p-value of the run (disproportionality including rolling windows, outcomes, stages, and outcome_test's Fisher p-values, together)."),
          field(
              "ratio_change",
              D,
              "Financial-year rows: ratio / the same ratio in the previous financial year (year-on-year change)."),
          field(
              "ratio_change_ci_low",
              D,
              "Lower 95% limit of ratio_change (log method, Poisson counts)."),
          field("ratio_change_ci_high", D, "Upper 95% limit of ratio_change."),
          field("ratio_change_p_value", D, "Two-sided test of no change."),
          field(
              "ratio_change_undefined_reason",
              S,
              "Financial-year rows without ratio_change: NO_PREVIOUS_YEAR (not in the run or not submitted), NO_RATIO (this year has none; see ratio_undefined_reason), NO_PREVIOUS_RATIO."),
          field(
              "series_break",
              S,
              "Why this period is not like for like with the previous one of its type (previous month, financial year or rolling 12 months), ';'-separated: submission_change (either misses submitted months: the force started, stopped or missed submitting), denominator_source (another population file), ethnicity_code_list (the force's self-defined ethnicity code list changed, e.g. 2001 to 2011 Census list: Chinese moved from Other to Asian); null when comparable or for the first period."),
          field(
              "ethnicity_code_list",
              S,
              "The newest self-defined ethnicity code list (2001, 2011 or 2021 Census) whose own values the force's records have shown up to the end of this period; null when none of its values has been seen."),
          field(
              "funnel_target",
              D,
              "District and CSP rows: the force's ratio for the same power, period and group, the centre of the funnel."),
          field(
              "funnel_95_low",
              D,
              "Lower 95% funnel limit for the area's ratio around funnel_target."),
          field("funnel_95_high", D, "Upper 95% funnel limit."),
          field("funnel_998_low", D, "Lower 99.8% funnel limit."),
          field("funnel_998_high", D, "Upper 99.8% funnel limit."),
          field(
              "funnel_position",
              S,
              "above_99.8, above_95, within, below_95 or below_99.8: where the area's ratio falls against its force's (exact Poisson limits; the area's reference rate taken as known)."),
          field(
              "funnel_undefined_reason",
              S,
              "District and CSP rows without funnel limits: NO_RATIO (the area has none), NO_FORCE_RATIO, ZERO_RATIO (no events: no limits around an expected count of zero)."),
          field(
              "ratio_unknown_to_reference",
              D,
              "Lower missing-ethnicity bound: the ratio if every Unknown event in the cell were the reference group's (METHODS 4.3)."),
          field(
              "ratio_unknown_to_group",
              D,
              "Upper missing-ethnicity bound: the ratio if every Unknown event were this group's."),
          field(
              "unknown_parity_share",
              D,
              "Share of the Unknown events that would have to be this group's (the rest the reference group's) for the ratio to be 1; null when no share in [0, 1] does."),
          field(
              "ratio_undefined_reason",
              S,
              "Why ratio is null: REFERENCE_GROUP, NOT_APPLICABLE (Unknown, All), LOW_COUNT, ZERO_REFERENCE, NO_EVENTS, NO_DENOMINATOR, NO_RESIDENT_POPULATION."),
          field(
              "std_strata",
              S,
              "The age and sex strata of the standardised rate for this power, e.g. female/male x <25, 25-34, 35+ (population age bands are collapsed into them)."),
          field(
              "std_events",
              L,
              "Events of the group with a known stratum (female or male, age known): the numerator of the standardised rate; null without an age-and-sex population."),
          field(
              "std_events_share",
              D,
              "std_events / events: the share of the group's events the standardised rate covers (the rest have unknown age, sex or another gender)."),
          field(
              "std_rate_per_1000",
              D,
              "Directly age- and sex-standardised annual rate per 1,000 residents: sum over strata of w x events / exposure, weights w the population file's own total by stratum (all groups). Needs a population with age_band and sex."),
          field("std_rate_ci_low", D, "Lower 95% limit of std_rate_per_1000 (Dobson method)."),
          field("std_rate_ci_high", D, "Upper 95% limit of std_rate_per_1000 (Dobson method)."),
          field(
              "std_ratio",
              D,
              "Standardised disproportionality ratio: std_rate_per_1000 / the reference group's."),
          field(
              "std_ratio_ci_low",
              D,
              "Lower 95% limit of std_ratio (log method with the two Dobson variances)."),
          field("std_ratio_ci_high", D, "Upper 95% limit of std_ratio."),
          field(
              "std_undefined_reason",
              S,
              "Why a standardised value is null: NO_AGE_SEX_POPULATION (population without age_band and sex), AGE_BANDS_DO_NOT_NEST, NO_DENOMINATOR, ZERO_STRATUM_POPULATION, NO_EVENTS, LOW_COUNT (under 10 events with a stratum), ZERO_REFERENCE, REFERENCE_GROUP (rate but no ratio), NOT_APPLICABLE (Unknown, All), NO_RESIDENT_POPULATION."),
          field(
              "flag",
              S,
              "Small-number flag: rate_suppressed (< 3 events), ratio_suppressed (< 10 in the group or reference), u (unreliable, < 20 in the group or reference), ok; in panel/, suppressed where the count is [c]."),
          field(
              "unknown_ethnicity_share",
              D,
              "Share of the cell's events with Unknown ethnicity (not allocated to any group)."));

  /** Rate columns shared by outcomes and stages. */
  private static final StructField[] RELATIVE_RATE = {
    field("numerator", L, "The count on top (see measure or stage)."),
    field(
        "denominator",
        D,
        "The count below (for the search stage, resident person-years); blank values are not counted in it."),
    field(
        "rate",
        D,
        "numerator / denominator (x100 for per 100); null below 3 in the denominator (3 events for rates) or without a denominator."),
    field(
        "rate_ci_low",
        D,
        "Lower 95% limit: Wilson for a share, exact Poisson (Byar from 10) for a rate."),
    field("rate_ci_high", D, "Upper 95% limit."),
    field(
        "rate_undefined_reason",
        S,
        "Why rate is null: LOW_COUNT, NO_DENOMINATOR, NOT_SUBMITTED, DENOMINATOR_NOT_SUBMITTED (stages: the stage below was not submitted; the numerator stands)."),
    field("reference_group", S, "The group ratios compare against (default White)."),
    field("reference_numerator", L, "The reference group's numerator in the same cell."),
    field("reference_denominator", D, "The reference group's denominator in the same cell."),
    field(
        "ratio",
        D,
        "rate / the reference group's rate; null when either numerator is below 10 or the ratio is undefined."),
    field("ratio_ci_low", D, "Lower 95% limit of the ratio (see ratio_method)."),
    field("ratio_ci_high", D, "Upper 95% limit of the ratio."),
    field(
        "ratio_method",
        S,
        "katz (log interval for a ratio of shares) or exact_conditional (for a ratio of rates)."),
    field("p_value", D, "Exact central p-value for ratio = 1 (exact_conditional ratios only)."),
    field(
        "q_value",
        D,
        "Benjamini-Hochberg q-value of p_value over every p-value of the run (disproportionality, outcomes, stages and outcome_test together)."),
    field(
        "ratio_undefined_reason",
        S,
        "Why ratio is null: REFERENCE_GROUP, NOT_APPLICABLE (Unknown, All), LOW_COUNT, ZERO_REFERENCE, NO_EVENTS, NO_DENOMINATOR, NOT_SUBMITTED, DENOMINATOR_NOT_SUBMITTED."),
    field(
        "flag",
        S,
        "Small-number flag: rate_suppressed (< 3 trials for a share, < 3 events for a rate: exactly when rate is null), ratio_suppressed (< 10 in the group or reference), u (< 20 in either numerator or the trials), ok; in panel/, suppressed where a count is [c].")
  };

  /** One row per cell, rate measure and ethnic group: the rate and its ratio to the reference. */
  public static final StructType OUTCOMES_SCHEMA =
      extend(
          extend(
              CELL,
              field("ethnic_group", S, "As in disproportionality."),
              field(
                  "measure",
                  S,
                  "The rate: see README Outcome measures (e.g. arrest_rate, reached_weapon_drawn_share, strip_search_rate, visitor_share).")),
          RELATIVE_RATE);

  /** One row per cell, stage and ethnic group: each stage's rate over the stage before it. */
  public static final StructType STAGES_SCHEMA =
      extend(
          extend(
              CELL,
              field("ethnic_group", S, "As in disproportionality."),
              field("stage", S, "search, arrest, detention, strip_search or charge."),
              field(
                  "denominator_stage",
                  S,
                  "The stage the rate is over: population (resident person-years), search, arrest or detention.")),
          RELATIVE_RATE);

  /** One row per custody cell and group: detention length. */
  public static final StructType CUSTODY_DURATIONS_SCHEMA =
      extend(
          CELL,
          field("ethnic_group", S, "As in disproportionality."),
          field("detentions", L, "Detentions with both detention_authorised and release_time."),
          field("q1_hours", D, "25th percentile of the detention length in hours."),
          field("median_hours", D, "Median detention length in hours."),
          field("q3_hours", D, "75th percentile (q3_hours - q1_hours is the interquartile range)."),
          field("undefined_reason", S, "LOW_COUNT when there are fewer than 3 detentions."),
          field("flag", S, "rate_suppressed (< 3), u (< 20) or ok."));

  /** One row per cell and field: completeness. */
  public static final StructType MISSING_DATA_SCHEMA =
      extend(
          CELL,
          field(
              "field",
              S,
              "A key field of the power (README Record formats; location is stop-and-search latitude/longitude together)."),
          field(
              "scope", S, "person_searches (stop-and-search person fields) or records (the rest)."),
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
          .add(
              field(
                  "submission",
                  S,
                  "submitted; submitted_empty (a file with a header and no rows: not a zero, the month counts as not submitted); missing."))
          .add(
              field(
                  "source_format", S, "police_uk, extract or canonical; null when not submitted."))
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

  /** One row per stop-and-search cell and compared group: the outcome (find rate) test. */
  public static final StructType OUTCOME_TEST_SCHEMA =
      extend(
          CELL,
          field(
              "ethnic_group",
              S,
              "Black, Asian, Mixed or Other (groups compared with the reference)."),
          field("reference_group", S, "The group compared against (default White)."),
          field(
              "link_known",
              L,
              "The group's person searches with 'outcome linked to object' recorded."),
          field(
              "linked_finds",
              L,
              "Of those, searches whose outcome was linked to the object (finds)."),
          field("reference_link_known", L, "The same for the reference group."),
          field("reference_linked_finds", L, "The same for the reference group."),
          field("find_rate", D, "linked_finds / link_known."),
          field("reference_find_rate", D, "The reference group's find rate."),
          field(
              "difference",
              D,
              "find_rate - reference_find_rate; null below 3 searches in either group."),
          field("difference_ci_low", D, "Lower 95% limit (Newcombe hybrid score)."),
          field("difference_ci_high", D, "Upper 95% limit."),
          field(
              "ratio",
              D,
              "find_rate / reference_find_rate; null when either has fewer than 10 finds."),
          field("ratio_ci_low", D, "Lower 95% limit (Katz log)."),
          field("ratio_ci_high", D, "Upper 95% limit."),
          field(
              "chi_square_p",
              D,
              "Pearson chi-square test of equal find rates (no continuity correction)."),
          field("fisher_p", D, "Fisher's exact two-sided test of equal find rates."),
          field(
              "q_value",
              D,
              "Benjamini-Hochberg q-value of fisher_p, in the one family of every p-value of the run (disproportionality, outcomes, stages and outcome_test)."),
          field(
              "test_undefined_reason",
              S,
              "Why difference and the tests are null: NO_LINK_KNOWN (either group has no searches with the link recorded) or LOW_COUNT (fewer than 3)."),
          field(
              "districts_averaged",
              I,
              "Force rows: districts where both groups have at least 50 searches with the link recorded."),
          field(
              "average_find_rate",
              D,
              "Force rows: the unweighted mean of the group's district find rates (OPP outcome test), given at least 3 such districts."),
          field("average_reference_find_rate", D, "Force rows: the same for the reference group."),
          field(
              "average_difference",
              D,
              "Force rows: average_find_rate - average_reference_find_rate; negative suggests the group is searched on less evidence."),
          field(
              "average_undefined_reason",
              S,
              "Force rows without the average: FEWER_THAN_3_DISTRICTS (qualifying districts)."),
          field(
              "flag",
              S,
              "Small-number flag on the finds: ratio_suppressed (< 10), u (< 20) or ok."));

  /** One row per stop-and-search cell and known group: officer against self-defined ethnicity. */
  public static final StructType ETHNICITY_AGREEMENT_SCHEMA =
      extend(
          CELL,
          field("ethnic_group", S, "White, Black, Asian, Mixed or Other."),
          field(
              "records_both_known",
              L,
              "Person searches in the cell with both self- and officer-defined group known."),
          field(
              "agreement", D, "Share of those where the two groups agree (percentage agreement)."),
          field(
              "kappa",
              D,
              "Cohen's kappa on the 5x5 table of known groups; null when only one group occurs."),
          field("kappa_ci_low", D, "Lower 95% limit of kappa (large-sample, Cohen 1960)."),
          field("kappa_ci_high", D, "Upper 95% limit of kappa."),
          field(
              "kappa_undefined_reason",
              S,
              "Why kappa is null: NO_RECORDS_BOTH_KNOWN, or ONE_GROUP_ONLY (every record in one group: chance agreement is 1)."),
          field(
              "self_defined_events", L, "Person searches of the group by self-defined ethnicity."),
          field(
              "officer_defined_events",
              L,
              "Person searches of the group by officer-defined ethnicity."),
          field(
              "self_else_officer_events",
              L,
              "Person searches of the group by self-defined ethnicity, else officer-defined where self-defined is Unknown."),
          field("both_in_group", L, "Person searches both codings put in the group."),
          field(
              "officer_white",
              L,
              "Confusion matrix row: searches self-defined as the group that the officer recorded as White."),
          field("officer_black", L, "... that the officer recorded as Black."),
          field("officer_asian", L, "... that the officer recorded as Asian."),
          field("officer_mixed", L, "... that the officer recorded as Mixed."),
          field("officer_other", L, "... that the officer recorded as Other."),
          field("officer_unknown", L, "... with no (or an unmapped) officer-defined ethnicity."),
          field(
              "officer_group_self_unknown_share",
              D,
              "Of the searches the officer perceived as the group, the share with Unknown self-defined ethnicity (not stated, blank or unmapped)."),
          field(
              "ratio_self",
              D,
              "Disproportionality ratio on self-defined ethnicity (as in disproportionality)."),
          field("ratio_self_ci_low", D, "Lower 95% exact conditional limit."),
          field("ratio_self_ci_high", D, "Upper 95% exact conditional limit."),
          field("ratio_officer", D, "The ratio on officer-defined ethnicity for both groups."),
          field("ratio_officer_ci_low", D, "Lower 95% exact conditional limit."),
          field("ratio_officer_ci_high", D, "Upper 95% exact conditional limit."),
          field(
              "ratio_self_else_officer",
              D,
              "The ratio on self-defined ethnicity, else officer-defined."),
          field("ratio_self_else_officer_ci_low", D, "Lower 95% exact conditional limit."),
          field("ratio_self_else_officer_ci_high", D, "Upper 95% exact conditional limit."));

  /** One row per force and submitted stop-and-search month: how records got their districts. */
  public static final StructType GEO_QUALITY_SCHEMA =
      new StructType()
          .add(field("force", S, "data.police.uk force slug."))
          .add(field("force_name", S, "Force area name."))
          .add(field("area_code", S, "ONS police force area code."))
          .add(field("month", S, "yyyy-MM."))
          .add(field("records", L, "Accepted stop-and-search records of the month."))
          .add(field("given", L, "Records whose source gave the district (extracts)."))
          .add(
              field(
                  "assigned",
                  L,
                  "Records placed by their coordinates in a district of their own force area."))
          .add(
              field(
                  "outside_force",
                  L,
                  "Records whose coordinates fall in a district of another force area: district UNKNOWN, never moved."))
          .add(
              field(
                  "outside_districts",
                  L,
                  "Records whose coordinates fall in no district (sea, estuary, clipped coast): district UNKNOWN."))
          .add(field("no_coordinates", L, "Records without coordinates: district UNKNOWN."))
          .add(
              field(
                  "not_placed",
                  L,
                  "Records without a district when no boundaries were given (no district results)."))
          .add(field("assigned_share", D, "assigned / records."))
          .add(field("outside_force_share", D, "outside_force / records."))
          .add(field("outside_districts_share", D, "outside_districts / records."))
          .add(field("no_coordinates_share", D, "no_coordinates / records."));

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
  public static final StructType RECORDS_SCHEMA = records();

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

  private static StructType records() {
    StructType schema =
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
                    "line_number",
                    L,
                    "1-based line on which the record starts; null on file rows."))
            .add(field("power", S, "Police power of the file."))
            .add(field("force", S, "data.police.uk force slug."))
            .add(field("force_code", S, "ONS police force area code of the force."))
            .add(
                field(
                    "month",
                    S,
                    "yyyy-MM the record counts in (police.uk: the file's month; others: the local month of the date)."))
            .add(
                field(
                    "geo_status",
                    S,
                    "Stop and search: given, assigned, outside_force, outside_districts or no_coordinates (how the record got its district; see geo_quality); null without boundaries."))
            .add(
                field(
                    "located_district",
                    S,
                    "Stop and search: the district its coordinates fall in (boundary year of its month, carried to the lookup's year), kept even when outside its force."));
    for (String name : PowerFormat.ALL_FIELDS) {
      schema = schema.add(field(name, S, canonicalDescription(name)));
    }
    schema =
        schema
            .add(field("event_time", DataTypes.TimestampType, "date as a timestamp."))
            .add(field("person_search", B, "False for stop-and-search vehicle-only searches."))
            .add(
                field(
                    "ethnic_group",
                    S,
                    "The power's ethnicity (self-defined; use of force: officer-perceived) as White, Black, Asian, Mixed, Other or Unknown."))
            .add(field("officer_ethnic_group", S, "Officer-defined ethnicity mapped the same way."))
            .add(field("child", B, "Under 18, from age or age band; null when not known."))
            .add(field("arrest", B, "Stop and search: outcome is an arrest."))
            .add(field("outcome_known", B, "Stop and search: outcome recorded and classifiable."))
            .add(field("any_action", B, "Stop and search: outcome other than no further action."))
            .add(field("link_known", B, "Stop and search: outcome-linked flag is True or False."))
            .add(field("linked_find", B, "Stop and search: outcome linked to the object."))
            .add(
                field(
                    "severity_step",
                    I,
                    "Use of force: highest severity ladder step (1-6) of the row's tactics; 0 off the ladder; null when none recorded."))
            .add(
                field(
                    "duration_hours",
                    D,
                    "Custody: hours from detention_authorised to release_time."))
            .add(
                field(
                    "home_status",
                    S,
                    "Custody and FPN: resident (home district in the force area), visitor (outside it) or unknown."));
    for (String name : MissingField.NAMES) {
      schema =
          schema.add(
              field(
                  Columns.status(name),
                  S,
                  "valid, blank, not_stated or unmapped for "
                      + name
                      + "; null for powers without the field."));
    }
    return schema
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
                "raw_text", S, "The record exactly as in the file; kept on rejected records only."))
        .add(field("file_rows", L, "File rows: records the reader counted in the file."))
        .add(
            field(
                "file_lines",
                L,
                "File rows: physical lines of the file, each inside the header or exactly one record."))
        .add(
            field(
                "file_duplicate_rows",
                L,
                "File rows: data.police.uk rows identical in every field to an earlier row of the file (counted, never dropped)."))
        .add(field("file_bytes", L, "File rows: the file's size."))
        .add(field("file_sha256", S, "File rows: SHA-256 of the file."));
  }

  /** A canonical field's description, naming the powers that have it. */
  private static String canonicalDescription(String name) {
    Map<String, List<String>> byDescription = new LinkedHashMap<>();
    for (Power power : Power.values()) {
      Field field = power.format().field(name);
      if (field != null) {
        byDescription
            .computeIfAbsent(field.description(), d -> new ArrayList<>())
            .add(power.code());
      }
    }
    List<String> parts = new ArrayList<>();
    boolean time =
        java.util.Arrays.stream(Power.values())
            .map(p -> p.format().field(name))
            .anyMatch(
                f -> f != null && f.type() == org.scrutineer.pipeline.schema.FieldType.DATE_TIME);
    byDescription.forEach(
        (description, powers) ->
            parts.add(String.join(", ", powers) + ": " + description.replaceAll("\\.$", "")));
    return (time ? "ISO-8601 UTC instant; null when blank. " : "As recorded. ")
        + String.join("; ", parts)
        + ".";
  }

  private static Map<String, StructType> all() {
    Map<String, StructType> all = new LinkedHashMap<>();
    all.put(DISPROPORTIONALITY, DISPROPORTIONALITY_SCHEMA);
    all.put(OUTCOMES, OUTCOMES_SCHEMA);
    all.put(STAGES, STAGES_SCHEMA);
    all.put(CUSTODY_DURATIONS, CUSTODY_DURATIONS_SCHEMA);
    all.put(MISSING_DATA, MISSING_DATA_SCHEMA);
    all.put(COVERAGE, COVERAGE_SCHEMA);
    all.put(GEO_QUALITY, GEO_QUALITY_SCHEMA);
    all.put(ETHNICITY_AGREEMENT, ETHNICITY_AGREEMENT_SCHEMA);
    all.put(OUTCOME_TEST, OUTCOME_TEST_SCHEMA);
    all.put(REJECTS, REJECTS_SCHEMA);
    all.put(RECORDS, RECORDS_SCHEMA);
    return java.util.Collections.unmodifiableMap(all);
  }
}
