package org.scrutineer.pipeline.cells;

import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.RowBuilder;

/**
 * One reporting cell: a power, a basis, a period and an area. Every cell in the outputs is one
 * whose data were submitted for at least one month of the period.
 *
 * @param power the power code
 * @param basis {@code place_of_event}, or {@code place_of_residence} for events counted where the
 *     person lives
 * @param periodType {@code month}, {@code financial_year} or {@code rolling_12_months}
 * @param period the period label
 * @param monthsExpected months in the period (1 or 12)
 * @param monthsSubmitted months of the period with data submitted for the area
 * @param level {@code force} or {@code district}
 * @param areaCode ONS code (or BTP)
 * @param areaName area name, {@code null} when unknown
 * @param force force slug
 */
public record Cell(
    String power,
    String basis,
    String periodType,
    String period,
    int monthsExpected,
    int monthsSubmitted,
    String level,
    String areaCode,
    String areaName,
    String force) {

  /** The key under which {@code EventCounts} rows for this cell are found. */
  public Key key() {
    return new Key(power, basis, periodType, period, level, areaCode, force);
  }

  /** The key of the cell with the same basis, period and area for another power. */
  public Key keyFor(String otherPower) {
    return new Key(otherPower, basis, periodType, period, level, areaCode, force);
  }

  /** Person-years of exposure for a population over the submitted months. */
  public double exposure(long population) {
    return population * monthsSubmitted / 12.0;
  }

  /** Sets the shared cell columns on a row. */
  public RowBuilder columns(RowBuilder row) {
    return row.set(Columns.POWER, power)
        .set(Columns.BASIS, basis)
        .set(Columns.PERIOD_TYPE, periodType)
        .set(Columns.PERIOD, period)
        .set("months_expected", monthsExpected)
        .set("months_submitted", monthsSubmitted)
        .set("period_complete", monthsSubmitted == monthsExpected)
        .set(Columns.GEOGRAPHY_LEVEL, level)
        .set(Columns.AREA_CODE, areaCode)
        .set(Columns.AREA_NAME, areaName)
        .set(Columns.FORCE, force);
  }

  /**
   * The identity of a cell, matching the key columns of {@code EventCounts}.
   *
   * @param power power code
   * @param basis place of event or residence
   * @param periodType period type
   * @param period period label
   * @param level geography level
   * @param areaCode area code
   * @param force force slug
   */
  public record Key(
      String power,
      String basis,
      String periodType,
      String period,
      String level,
      String areaCode,
      String force) {
    /** The key of a row that has the cell key columns (as {@code EventCounts} rows do). */
    public static Key of(org.apache.spark.sql.Row row) {
      return new Key(
          row.getAs(Columns.POWER),
          row.getAs(Columns.BASIS),
          row.getAs(Columns.PERIOD_TYPE),
          row.getAs(Columns.PERIOD),
          row.getAs(Columns.GEOGRAPHY_LEVEL),
          row.getAs(Columns.AREA_CODE),
          row.getAs(Columns.FORCE));
    }
  }
}
