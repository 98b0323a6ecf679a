package org.scrutineer.pipeline.schema;

/**
 * Why a published statistic is null: the values of every {@code *_undefined_reason} column. A null
 * statistic always carries one of these, never a zero.
 */
public final class UndefinedReason {
  /** Too few events or trials for the small-number rules (METHODS.md 6). */
  public static final String LOW_COUNT = "LOW_COUNT";

  /** No resident population for the area and group (no denominator is ever invented). */
  public static final String NO_DENOMINATOR = "NO_DENOMINATOR";

  /** The force has no resident population (British Transport Police). */
  public static final String NO_RESIDENT_POPULATION = "NO_RESIDENT_POPULATION";

  /** The row is the reference group itself (White): its ratio to itself is not a result. */
  public static final String REFERENCE_GROUP = "REFERENCE_GROUP";

  /** The statistic does not apply to this row (for example a ratio for the Unknown group). */
  public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

  /** The reference group's rate or count is zero, so a ratio to it has no value. */
  public static final String ZERO_REFERENCE = "ZERO_REFERENCE";

  /** No events in the group. */
  public static final String NO_EVENTS = "NO_EVENTS";

  /** The power was not submitted for the period. */
  public static final String NOT_SUBMITTED = "NOT_SUBMITTED";

  /** The stage's denominator (the earlier stage) was not submitted for the period. */
  public static final String DENOMINATOR_NOT_SUBMITTED = "DENOMINATOR_NOT_SUBMITTED";

  /** Age-standardisation: the population file has no age and sex bands for the area. */
  public static final String NO_AGE_SEX_POPULATION = "NO_AGE_SEX_POPULATION";

  /** Age-standardisation: the records' age bands do not nest in the population's. */
  public static final String AGE_BANDS_DO_NOT_NEST = "AGE_BANDS_DO_NOT_NEST";

  /** Age-standardisation: a stratum with events has no population. */
  public static final String ZERO_STRATUM_POPULATION = "ZERO_STRATUM_POPULATION";

  /** Officer vs self-defined ethnicity: no record has both known. */
  public static final String NO_RECORDS_BOTH_KNOWN = "NO_RECORDS_BOTH_KNOWN";

  /** Officer vs self-defined ethnicity: every record is in one group, so kappa has no value. */
  public static final String ONE_GROUP_ONLY = "ONE_GROUP_ONLY";

  /** Year on year or funnels: the row has no ratio of its own. */
  public static final String NO_RATIO = "NO_RATIO";

  /** Year on year: the previous financial year is not in the run or was not submitted. */
  public static final String NO_PREVIOUS_YEAR = "NO_PREVIOUS_YEAR";

  /** Year on year: the previous financial year has no ratio. */
  public static final String NO_PREVIOUS_RATIO = "NO_PREVIOUS_RATIO";

  /** A ratio change whose ratio is itself undefined. */
  public static final String RATIO_UNDEFINED = "RATIO_UNDEFINED";

  /** Funnels: the force-level ratio the districts are compared with has no value. */
  public static final String NO_FORCE_RATIO = "NO_FORCE_RATIO";

  /** Funnels: a ratio of zero has no log-scale interval. */
  public static final String ZERO_RATIO = "ZERO_RATIO";

  /** Outcome test: no record with the outcome link known. */
  public static final String NO_LINK_KNOWN = "NO_LINK_KNOWN";

  /** Outcome test: the across-district average needs at least three districts. */
  public static final String FEWER_THAN_3_DISTRICTS = "FEWER_THAN_3_DISTRICTS";

  private UndefinedReason() {}
}
