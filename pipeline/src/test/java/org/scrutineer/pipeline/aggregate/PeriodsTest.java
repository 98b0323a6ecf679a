package org.scrutineer.pipeline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PeriodsTest {

  @Test
  void financialYearsRunAprilToMarch() {
    assertThat(Periods.financialYear(YearMonth.of(2021, 3))).isEqualTo("2020-21");
    assertThat(Periods.financialYear(YearMonth.of(2021, 4))).isEqualTo("2021-22");
    assertThat(Periods.financialYear(YearMonth.of(1999, 12))).isEqualTo("1999-00");
    assertThat(Periods.range(YearMonth.of(2020, 11), YearMonth.of(2021, 2)))
        .containsExactly(
            YearMonth.of(2020, 11),
            YearMonth.of(2020, 12),
            YearMonth.of(2021, 1),
            YearMonth.of(2021, 2));
  }

  @Test
  void aPeriodBelongsToTheFinancialYearOfItsLastMonth() {
    assertThat(Periods.financialYearOf("month", "2021-03")).isEqualTo("2020-21");
    assertThat(Periods.financialYearOf("financial_year", "2021-22")).isEqualTo("2021-22");
    // A rolling 12 months belongs to the year it ends in, wherever it starts.
    assertThat(Periods.financialYearOf("rolling_12_months", "2020-05/2021-04"))
        .isEqualTo("2021-22");
    assertThat(Periods.financialYearOf("rolling_12_months", "2020-04/2021-03"))
        .isEqualTo("2020-21");
    assertThat(Periods.firstMonth("1999-00")).isEqualTo(YearMonth.of(1999, 4));
  }

  @Test
  void nextUndoesPrevious() {
    for (String[] period :
        new String[][] {
          {"month", "2020-12"},
          {"financial_year", "1999-00"},
          {"rolling_12_months", "2020-04/2021-03"}
        }) {
      String next = Periods.next(period[0], period[1]);
      assertThat(Periods.previous(period[0], next)).isEqualTo(period[1]);
    }
    assertThat(Periods.next("month", "2020-12")).isEqualTo("2021-01");
    assertThat(Periods.next("financial_year", "1999-00")).isEqualTo("2000-01");
    assertThat(Periods.next("rolling_12_months", "2020-04/2021-03")).isEqualTo("2020-05/2021-04");
  }
}
