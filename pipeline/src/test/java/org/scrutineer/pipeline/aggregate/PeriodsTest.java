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
}
