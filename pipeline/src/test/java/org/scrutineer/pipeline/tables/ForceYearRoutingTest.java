package org.scrutineer.pipeline.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.cells.ForceYear;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.PeriodType;

/**
 * Which of a force's financial years reads each input row of the statistics: a year needs its own
 * counts and the year before's (previous periods, rolling windows), and the force's whole run of
 * force-level months (its ethnicity code list stays in use once seen).
 */
class ForceYearRoutingTest {
  private static final List<String> YEARS =
      ForceYear.years(YearMonth.of(2019, 1), YearMonth.of(2022, 5));

  private static final StructType SCHEMA =
      new StructType()
          .add(Columns.FORCE, DataTypes.StringType)
          .add(Columns.BASIS, DataTypes.StringType)
          .add(Columns.PERIOD_TYPE, DataTypes.StringType)
          .add(Columns.PERIOD, DataTypes.StringType)
          .add(Columns.GEOGRAPHY_LEVEL, DataTypes.StringType)
          .add(ForceStatistics.INPUT, DataTypes.StringType);

  @Test
  void theRunsYearsAreThoseWithAMonthInTheWindow() {
    assertThat(YEARS).containsExactly("2018-19", "2019-20", "2020-21", "2021-22", "2022-23");
    ForceYear unit = new ForceYear("kent", "2020-21");
    assertThat(unit.readFrom()).isEqualTo(YearMonth.of(2019, 4));
    assertThat(unit.readTo()).isEqualTo(YearMonth.of(2021, 3));
  }

  @Test
  void aCountGoesToItsYearAndTheNext() {
    assertThat(years(row(ForceStatistics.COUNTS, PeriodType.MONTH, "2020-03", GeographyLevel.CSP)))
        .containsExactly("2019-20", "2020-21");
    assertThat(
            years(
                row(
                    ForceStatistics.COUNTS,
                    PeriodType.FINANCIAL_YEAR,
                    "2019-20",
                    GeographyLevel.DISTRICT)))
        .containsExactly("2019-20", "2020-21");
    // The last year has no next.
    assertThat(years(row(ForceStatistics.COUNTS, PeriodType.MONTH, "2022-05", GeographyLevel.CSP)))
        .containsExactly("2022-23");
  }

  @Test
  void aForceLevelMonthGoesToEveryLaterYearForTheCodeListsHistory() {
    assertThat(
            years(row(ForceStatistics.COUNTS, PeriodType.MONTH, "2019-02", GeographyLevel.FORCE)))
        .containsExactlyElementsOf(YEARS);
    // A force-level financial year is not history: the code list is read from months.
    assertThat(
            years(
                row(
                    ForceStatistics.COUNTS,
                    PeriodType.FINANCIAL_YEAR,
                    "2018-19",
                    GeographyLevel.FORCE)))
        .containsExactly("2018-19", "2019-20");
  }

  @Test
  void quantilesMatrixAndMarkersStayInTheirYear() {
    for (String input :
        List.of(ForceStatistics.DURATIONS, ForceStatistics.MATRIX, ForceStatistics.FORCE)) {
      assertThat(years(row(input, PeriodType.MONTH, "2020-03", GeographyLevel.FORCE)))
          .as(input)
          .containsExactly("2019-20");
    }
  }

  @Test
  void aPeriodOutsideTheRunIsAnError() {
    assertThatThrownBy(
            () ->
                ForceStatistics.unitsOf(
                    row(ForceStatistics.COUNTS, PeriodType.MONTH, "2017-03", GeographyLevel.FORCE),
                    YEARS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside the run");
  }

  private static List<String> years(Row row) {
    List<ForceYear> units = ForceStatistics.unitsOf(row, YEARS);
    assertThat(units).allMatch(u -> u.force().equals("kent"));
    return units.stream().map(ForceYear::year).toList();
  }

  private static Row row(String input, String periodType, String period, String level) {
    return new GenericRowWithSchema(
        new Object[] {"kent", Basis.PLACE_OF_EVENT, periodType, period, level, input}, SCHEMA);
  }
}
