package org.scrutineer.pipeline.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.population.PopulationReader;
import org.scrutineer.pipeline.population.PopulationTable;
import org.scrutineer.pipeline.reference.ReferenceTable;

/** Driver-side statistics on hand-built counts: values, undefined reasons and flags. */
class DisproportionalityTableTest {
  private static final Cell YEAR = TestCells.year("stop_search", "2020-21", 12, "force", "E1");
  private static final Cell PART = TestCells.year("stop_search", "2020-21", 6, "force", "E1");

  @Test
  void missingEthnicityBoundsOfMethodsRowOneThroughTheTable() {
    // METHODS.md section 0: row 1 with U = 50 unknown: L = 3.43, H = 5.67.
    Row black =
        group(build(YEAR, Map.of("White", 300L, "Black", 120L, "Unknown", 50L), true), "Black");
    assertThat(black.<Double>getAs("ratio")).isCloseTo(4.0, within(1e-9));
    assertThat(black.<Double>getAs("ratio_unknown_to_reference")).isCloseTo(3.43, within(0.005));
    assertThat(black.<Double>getAs("ratio_unknown_to_group")).isCloseTo(5.67, within(0.005));
    assertThat(black.<Object>getAs("unknown_parity_share")).isNull();
  }

  @Test
  void methodsVectorRowOneThroughTheTable() {
    List<Row> rows =
        build(YEAR, Map.of("White", 300L, "Black", 120L, "Asian", 5L, "Unknown", 50L), true);

    Row black = group(rows, "Black");
    assertThat(black.<Double>getAs("ratio")).isCloseTo(4.0, within(1e-12));
    assertThat(black.<Double>getAs("ratio_ci_low")).isCloseTo(3.2094, within(5e-5));
    assertThat(black.<Double>getAs("ratio_ci_high")).isCloseTo(4.9592, within(5e-5));
    assertThat(black.<Double>getAs("ratio_katz_ci_low")).isCloseTo(3.2384, within(5e-5));
    assertThat(black.<Double>getAs("rate_per_1000")).isCloseTo(6.0, within(1e-12));
    assertThat(black.<String>getAs("flag")).isEqualTo("ok");

    Row asian = group(rows, "Asian");
    assertThat(asian.<Object>getAs("ratio")).isNull();
    assertThat(asian.<String>getAs("ratio_undefined_reason")).isEqualTo("LOW_COUNT");
    assertThat(asian.<String>getAs("flag")).isEqualTo("ratio_suppressed");
    assertThat(asian.<Double>getAs("rate_per_1000")).isNotNull();

    Row mixed = group(rows, "Mixed");
    assertThat(mixed.<Long>getAs("events")).isZero();
    assertThat(mixed.<String>getAs("flag")).isEqualTo("rate_suppressed");
    assertThat(mixed.<Object>getAs("rate_per_1000")).isNull();

    Row unknown = group(rows, "Unknown");
    assertThat(unknown.<Object>getAs("population")).isNull();
    assertThat(unknown.<String>getAs("ratio_undefined_reason")).isEqualTo("NOT_APPLICABLE");
    Row all = group(rows, "All");
    assertThat(all.<Long>getAs("events")).isEqualTo(475);
    assertThat(all.<Double>getAs("unknown_ethnicity_share")).isCloseTo(50 / 475.0, within(1e-12));
    assertThat(group(rows, "White").<String>getAs("ratio_undefined_reason"))
        .isEqualTo("REFERENCE_GROUP");
  }

  @Test
  void partialYearsAreAnnualisedOverSubmittedMonths() {
    Row black = group(build(PART, Map.of("White", 300L, "Black", 120L), true), "Black");

    assertThat(black.<Double>getAs("rate_per_1000")).isCloseTo(12.0, within(1e-12));
    assertThat(black.<Double>getAs("ratio")).isCloseTo(4.0, within(1e-12));
    assertThat(black.<Boolean>getAs("period_complete")).isFalse();
  }

  @Test
  void zeroReferenceEventsAndMissingDenominatorsAreUndefinedWithReasons() {
    Row zero = group(build(YEAR, Map.of("White", 0L, "Black", 30L), true), "Black");
    assertThat(zero.<Object>getAs("ratio")).isNull();
    assertThat(zero.<String>getAs("ratio_undefined_reason")).isEqualTo("ZERO_REFERENCE");

    Row btp = group(build(YEAR, Map.of("White", 300L, "Black", 30L), false), "Black");
    assertThat(btp.<Object>getAs("rate_per_1000")).isNull();
    assertThat(btp.<String>getAs("ratio_undefined_reason")).isEqualTo("NO_RESIDENT_POPULATION");

    Cell elsewhere =
        new Cell(
            "stop_search",
            "place_of_event",
            "month",
            "2020-06",
            1,
            1,
            "district",
            "E9",
            null,
            "one");
    Row none = group(build(elsewhere, Map.of("White", 30L, "Black", 30L), true), "Black");
    assertThat(none.<String>getAs("ratio_undefined_reason")).isEqualTo("NO_DENOMINATOR");
    assertThat(none.<String>getAs("rate_undefined_reason")).isEqualTo("NO_DENOMINATOR");
  }

  private static List<Row> build(Cell cell, Map<String, Long> events, boolean residents) {
    List<Row> counts = new ArrayList<>();
    events.forEach((group, n) -> counts.add(countRow(cell, group, n)));
    String population =
        "area_code,area_name,ethnic_group,population\n"
            + "E1,One,White,200000\nE1,One,Black,20000\nE1,One,Asian,10000\nE1,One,Mixed,5000\nE1,One,Other,1000\n";
    PopulationTable table =
        PopulationReader.read(
            ReferenceTable.read("p.csv", new StringReader(population)),
            PopulationReader.Format.CANONICAL);
    return DisproportionalityTable.build(
        List.of(cell),
        new CellCounts(counts),
        Denominators.single(table),
        c -> residents,
        ReportSettings.DEFAULT);
  }

  /** A cellCounts row with every measure zero except person searches and records. */
  private static Row countRow(Cell cell, String group, long n) {
    return countRow(cell, group, Map.of(EventCounts.EVENTS, n, EventCounts.RECORDS, n));
  }

  /** A cellCounts row for one cell and group with the given measures (all others zero). */
  static Row countRow(Cell cell, String group, Map<String, Long> measures) {
    List<Object> values =
        new ArrayList<>(
            List.of(
                cell.power(),
                cell.basis(),
                cell.periodType(),
                cell.period(),
                cell.level(),
                cell.areaCode(),
                cell.force(),
                group));
    for (String measure : EventCounts.MEASURE_NAMES) {
      values.add(measures.getOrDefault(measure, 0L));
    }
    List<String> names = new ArrayList<>(EventCounts.KEYS);
    names.addAll(EventCounts.MEASURE_NAMES);
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType();
    for (int i = 0; i < names.size(); i++) {
      schema =
          schema.add(
              names.get(i),
              i < EventCounts.KEYS.size()
                  ? org.apache.spark.sql.types.DataTypes.StringType
                  : org.apache.spark.sql.types.DataTypes.LongType);
    }
    return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
        values.toArray(), schema);
  }

  private static Row group(List<Row> rows, String group) {
    return rows.stream()
        .filter(r -> group.equals(r.getAs("ethnic_group")))
        .findFirst()
        .orElseThrow();
  }
}
