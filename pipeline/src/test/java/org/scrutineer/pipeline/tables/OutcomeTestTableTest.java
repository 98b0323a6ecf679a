package org.scrutineer.pipeline.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;

/** The outcome test on hand-built counts: the METHODS vector and the district average. */
class OutcomeTestTableTest {
  @Test
  void findRatesAreComparedAndAveragedAcrossDistricts() {
    List<Cell> cells = new ArrayList<>();
    List<Row> counts = new ArrayList<>();
    Cell force = cell("force", "E23000001");
    cells.add(force);
    // METHODS.md section 0: 18 of 120 against 60 of 300: X2 p = 0.234, Fisher p = 0.268.
    counts.add(row(force, "Black", 18, 120));
    counts.add(row(force, "White", 60, 300));
    // Three districts with at least 50 searches each: Black 10/50, 12/60, 9/90; White 20/50,
    // 30/100, 10/50. Unweighted means: (0.2 + 0.2 + 0.1) / 3 and (0.4 + 0.3 + 0.2) / 3.
    long[][] districts = {{10, 50, 20, 50}, {12, 60, 30, 100}, {9, 90, 10, 50}};
    for (int i = 0; i < districts.length; i++) {
      Cell district = cell("district", "E0700000" + i);
      cells.add(district);
      counts.add(row(district, "Black", districts[i][0], districts[i][1]));
      counts.add(row(district, "White", districts[i][2], districts[i][3]));
    }
    // A fourth with too few searches is left out of the average.
    Cell small = cell("district", "E07000009");
    cells.add(small);
    counts.add(row(small, "Black", 1, 5));
    counts.add(row(small, "White", 30, 60));

    List<Row> rows = OutcomeTestTable.build(cells, new CellCounts(counts), ReportSettings.DEFAULT);
    Row black =
        rows.stream()
            .filter(r -> r.getAs("geography_level").equals("force"))
            .filter(r -> r.getAs("ethnic_group").equals("Black"))
            .findFirst()
            .orElseThrow();
    assertThat(black.<Double>getAs("find_rate")).isCloseTo(0.15, within(1e-12));
    assertThat(black.<Double>getAs("chi_square_p")).isCloseTo(0.234, within(0.001));
    assertThat(black.<Double>getAs("fisher_p")).isCloseTo(0.268, within(0.001));
    assertThat(black.<Double>getAs("ratio")).isCloseTo(0.75, within(1e-12));
    assertThat(black.<Integer>getAs("districts_averaged")).isEqualTo(3);
    assertThat(black.<Double>getAs("average_find_rate")).isCloseTo(0.5 / 3, within(1e-12));
    assertThat(black.<Double>getAs("average_reference_find_rate"))
        .isCloseTo(0.9 / 3, within(1e-12));
    assertThat(black.<Double>getAs("average_difference")).isCloseTo(-0.4 / 3, within(1e-12));
    Row asian =
        rows.stream()
            .filter(r -> r.getAs("geography_level").equals("force"))
            .filter(r -> r.getAs("ethnic_group").equals("Asian"))
            .findFirst()
            .orElseThrow();
    assertThat(asian.<Object>getAs("average_find_rate")).isNull();
    assertThat(asian.<Object>getAs("ratio")).isNull();
  }

  private static Cell cell(String level, String code) {
    return TestCells.year("stop_search", "2020-21", 12, level, code);
  }

  private static Row row(Cell cell, String group, long finds, long known) {
    return DisproportionalityTableTest.countRow(
        cell, group, Map.of("linked_finds", finds, "link_known", known));
  }
}
