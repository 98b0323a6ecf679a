package org.scrutineer.pipeline.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.population.PopulationReader;
import org.scrutineer.pipeline.reference.ReferenceTable;

/**
 * Every driver-side table on degenerate inputs: a year with no events at all, a group with zero
 * population, a force with one district (which then equals its force), no officer-defined ethnicity
 * and no outcome links. No value is infinite or NaN anywhere, and every statistic left null says
 * why.
 */
class DegenerateInputsTest {
  private static final String POPULATION =
      "area_code,area_name,ethnic_group,population\n"
          + "E1,One,White,100000\nE1,One,Black,0\nE1,One,Asian,5000\nE1,One,Mixed,0\nE1,One,Other,1000\n"
          + "D1,Only,White,100000\nD1,Only,Black,0\nD1,Only,Asian,5000\nD1,Only,Mixed,0\nD1,Only,Other,1000\n";

  private static final Map<String, Long> EVENTS = Map.of("White", 50L, "Black", 12L, "Asian", 15L);

  private final List<Cell> cells = new ArrayList<>();
  private final List<Row> counts = new ArrayList<>();

  DegenerateInputsTest() {
    for (String level : List.of("force", "district")) {
      String code = level.equals("force") ? "E1" : "D1";
      for (String year : List.of("2019-20", "2020-21")) {
        Cell cell = TestCells.year("stop_search", year, 12, level, code);
        cells.add(cell);
        if (year.equals("2020-21")) {
          EVENTS.forEach(
              (group, n) ->
                  counts.add(
                      DisproportionalityTableTest.countRow(
                          cell, group, Map.of(EventCounts.EVENTS, n, EventCounts.RECORDS, n))));
        }
      }
    }
  }

  @Test
  void noInfinityOrNaNAndEveryNullStatisticHasAReason() {
    ReportSettings settings = ReportSettings.DEFAULT;
    CellCounts cellCounts = new CellCounts(counts);
    Denominators population =
        Denominators.single(
            PopulationReader.read(
                ReferenceTable.read("p.csv", new StringReader(POPULATION)), null));
    StatisticalTables tables =
        StatisticalTables.build(
            cells,
            cellCounts,
            population,
            c -> true,
            YearMonth.of(2019, 4),
            YearMonth.of(2021, 3),
            settings);
    List<Row> dispro = tables.disproportionality();
    List<Row> agreement =
        EthnicityAgreementTable.build(cells, List.of(), population, c -> true, settings);
    List<Row> all = new ArrayList<>(dispro);
    all.addAll(tables.outcomes());
    all.addAll(tables.outcomeTest());
    all.addAll(agreement);
    all.addAll(tables.stages());
    all.addAll(MissingDataTable.build(cells, cellCounts));
    int doubles = 0;
    for (Row row : all) {
      for (StructField field : row.schema().fields()) {
        if (field.dataType().equals(DataTypes.DoubleType) && row.getAs(field.name()) != null) {
          double value = row.getAs(field.name());
          assertThat(Double.isFinite(value)).as("%s in %s", field.name(), row).isTrue();
          doubles++;
        }
      }
    }
    assertThat(doubles).isPositive();

    for (Row row : dispro) {
      reasoned(row, "rate_per_1000", "rate_undefined_reason");
      reasoned(row, "ratio", "ratio_undefined_reason");
      reasoned(row, "std_rate_per_1000", "std_undefined_reason");
      if (row.getAs("period_type").equals("financial_year")) {
        reasoned(row, "ratio_change", "ratio_change_undefined_reason");
      }
      if (row.getAs("geography_level").equals("district")) {
        reasoned(row, "funnel_position", "funnel_undefined_reason");
      }
    }
    for (Row row : tables.outcomeTest()) {
      reasoned(row, "fisher_p", "test_undefined_reason");
      if (row.getAs("geography_level").equals("force")) {
        reasoned(row, "average_find_rate", "average_undefined_reason");
      }
    }
    for (Row row : agreement) {
      reasoned(row, "kappa", "kappa_undefined_reason");
    }

    // The reasons themselves, where the inputs make them certain.
    Row black = find(dispro, "force", "2020-21", "Black");
    assertThat(black.<String>getAs("ratio_undefined_reason")).isEqualTo("NO_DENOMINATOR");
    assertThat(black.<String>getAs("rate_undefined_reason")).isEqualTo("NO_DENOMINATOR");
    Row emptyYear = find(dispro, "force", "2019-20", "Asian");
    assertThat(emptyYear.<String>getAs("ratio_undefined_reason"))
        .isIn("ZERO_REFERENCE", "NO_EVENTS");
    assertThat(emptyYear.<String>getAs("ratio_change_undefined_reason"))
        .isEqualTo("NO_PREVIOUS_YEAR");
    Row asian = find(dispro, "force", "2020-21", "Asian");
    assertThat(asian.<String>getAs("ratio_change_undefined_reason")).isEqualTo("NO_PREVIOUS_RATIO");
    // One district: it is its force, so it sits inside its own funnel.
    assertThat(find(dispro, "district", "2020-21", "Asian").<String>getAs("funnel_position"))
        .isEqualTo("within");
    assertThat(agreement.get(0).<String>getAs("kappa_undefined_reason"))
        .isEqualTo("NO_RECORDS_BOTH_KNOWN");
    assertThat(tables.outcomeTest().get(0).<String>getAs("test_undefined_reason"))
        .isEqualTo("NO_LINK_KNOWN");
  }

  private static void reasoned(Row row, String value, String reason) {
    if (row.getAs(value) == null) {
      assertThat(row.<String>getAs(reason))
          .as("%s is null without %s in %s", value, reason, row)
          .isNotNull();
    }
  }

  private static Row find(List<Row> rows, String level, String period, String group) {
    return rows.stream()
        .filter(
            r ->
                r.getAs("geography_level").equals(level)
                    && r.getAs("period").equals(period)
                    && r.getAs("ethnic_group").equals(group))
        .findFirst()
        .orElseThrow();
  }
}
