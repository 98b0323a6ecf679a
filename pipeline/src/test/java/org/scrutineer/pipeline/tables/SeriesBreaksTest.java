package org.scrutineer.pipeline.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.aggregate.EthnicityCodeLists;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.population.PopulationReader;
import org.scrutineer.pipeline.population.PopulationTable;
import org.scrutineer.pipeline.reference.ReferenceTable;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.RowBuilder;

/**
 * Series breaks on a hand-built monthly series: a missed month, a change of population file and a
 * change of the force's ethnicity code list, each flagged once where it happens.
 */
class SeriesBreaksTest {
  private static final YearMonth FROM = YearMonth.of(2020, 1);
  private static final YearMonth TO = YearMonth.of(2020, 6);

  @Test
  void eachBreakIsFlaggedAtThePeriodWhereItHappens() {
    List<Row> rows = new ArrayList<>();
    List<Row> counts = new ArrayList<>();
    // March 2020 was not submitted; population file B from April (so the month after the gap
    // breaks twice, though March has no row to compare with); Roma (2021 list) first in June.
    PopulationTable a = table("a.csv");
    PopulationTable b = table("b.csv");
    Denominators denominators =
        new Denominators(
            List.of(
                new Denominators.Vintage(null, a),
                new Denominators.Vintage(YearMonth.of(2020, 4), b)));
    for (String month : List.of("2020-01", "2020-02", "2020-04", "2020-05", "2020-06")) {
      Cell cell = month(month);
      rows.add(
          cell.columns(new RowBuilder(OutputSchemas.DISPROPORTIONALITY_SCHEMA))
              .set("ethnic_group", "White")
              .set("population_source", (month.compareTo("2020-04") < 0 ? a : b).source())
              .build());
      String list = month.equals("2020-01") ? "2011" : month.equals("2020-06") ? "2021" : null;
      counts.add(
          DisproportionalityTableTest.countRow(
              cell,
              "White",
              list == null
                  ? Map.of(EventCounts.EVENTS, 5L)
                  : Map.of(EventCounts.EVENTS, 5L, EthnicityCodeLists.measure(list), 1L)));
    }
    List<Row> out = SeriesBreaks.withBreaks(rows, new CellCounts(counts), denominators, FROM, TO);
    assertThat(out.stream().map(r -> r.<String>getAs("series_break")).toList())
        .containsExactly(
            null, null, "submission_change;denominator_source", null, "ethnicity_code_list");
    // A list once seen stays in use through months without a tell-tale value.
    assertThat(out.stream().map(r -> r.<String>getAs("ethnicity_code_list")).toList())
        .containsExactly("2011", "2011", "2011", "2011", "2021");
  }

  @Test
  void previousPeriodsOfEachType() {
    assertThat(Periods.previous("month", "2021-01")).isEqualTo("2020-12");
    assertThat(Periods.previous("financial_year", "2021-22")).isEqualTo("2020-21");
    assertThat(Periods.previous("rolling_12_months", "2020-07/2021-06"))
        .isEqualTo("2020-06/2021-05");
  }

  private static PopulationTable table(String name) {
    return PopulationReader.read(
        ReferenceTable.read(
            name,
            new java.io.StringReader(
                "area_code,area_name,ethnic_group,population\nE1,One,White,1\n")),
        null);
  }

  private static Cell month(String month) {
    return new Cell(
        "stop_search", "place_of_event", "month", month, 1, 1, "force", "E1", "One", "one");
  }
}
