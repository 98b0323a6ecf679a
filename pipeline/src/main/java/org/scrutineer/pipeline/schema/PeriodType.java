package org.scrutineer.pipeline.schema;

/** The values of {@code period_type}; {@code aggregate.Periods} labels and walks them. */
public final class PeriodType {
  /** A calendar month, {@code period} {@code yyyy-MM}. */
  public static final String MONTH = "month";

  /** An April-to-March financial year, {@code period} {@code 2020-21}. */
  public static final String FINANCIAL_YEAR = "financial_year";

  /**
   * Twelve months ending with each month, {@code period} {@code 2020-07/2021-06} (first and last
   * month).
   */
  public static final String ROLLING_YEAR = "rolling_12_months";

  private PeriodType() {}
}
