package org.scrutineer.pipeline.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.Strata;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.population.PopulationReader;
import org.scrutineer.pipeline.reference.ReferenceTable;

/**
 * Age and sex standardisation through the disproportionality table, on a planted effect: Black
 * residents are searched at exactly the White rate in every age and sex stratum but are younger, so
 * the crude ratio is above 1 and the standardised ratio is exactly 1.
 */
class StandardisedRatesTest {
  private static final String[] BANDS = {"0-24", "25-34", "35+"};

  /** Residents per stratum: female under 25, 25-34, 35+, then male. */
  private static final long[] WHITE = {30000, 20000, 50000, 30000, 20000, 50000};

  private static final long[] BLACK = {6000, 2000, 2000, 6000, 2000, 2000};

  /** Searches per 1,000 residents in each stratum, the same for both groups. */
  private static final double[] RATE = {4, 2, 0.5, 20, 10, 2};

  private static final Cell YEAR = TestCells.year("stop_search", "2020-21", 12, "force", "E1");

  @Test
  void sameStratumRatesGiveAStandardisedRatioOfOneWhereTheCrudeRatioIsNot() {
    List<Row> rows = build(YEAR, population(BLACK), 7);
    Row white = group(rows, "White");
    Row black = group(rows, "Black");
    // Crude: (173 + 7 without a stratum) / 20,000 against 1,085 / 200,000.
    assertThat(black.<Double>getAs("ratio"))
        .isCloseTo((180 / 20000.0) / (1085 / 200000.0), within(1e-9));
    assertThat(black.<Double>getAs("std_ratio")).isCloseTo(1.0, within(1e-12));
    assertThat(black.<Double>getAs("std_ratio_ci_low")).isLessThan(1.0);
    assertThat(black.<Double>getAs("std_ratio_ci_high")).isGreaterThan(1.0);
    // Standard: every group by stratum (White + Black + 3 x 1,000), 39,000, 25,000, 55,000 per
    // sex of 238,000; so (39 x 4 + 25 x 2 + 55 x 0.5 + 39 x 20 + 25 x 10 + 55 x 2) / 238 per 1,000.
    double expected = 1373.5 / 238.0;
    assertThat(white.<Double>getAs("std_rate_per_1000")).isCloseTo(expected, within(1e-9));
    assertThat(black.<Double>getAs("std_rate_per_1000")).isCloseTo(expected, within(1e-9));
    assertThat(black.<Long>getAs("std_events")).isEqualTo(173);
    assertThat(black.<Double>getAs("std_events_share")).isCloseTo(173 / 180.0, within(1e-12));
    assertThat(white.<String>getAs("std_undefined_reason")).isEqualTo("REFERENCE_GROUP");
    assertThat(black.<String>getAs("std_strata")).isEqualTo("female/male x <25, 25-34, 35+");
    assertThat(group(rows, "Unknown").<String>getAs("std_undefined_reason"))
        .isEqualTo("NOT_APPLICABLE");
  }

  @Test
  void degenerateInputsGiveReasonsNeverInfinityOrNaN() {
    long[] noOldWomen = BLACK.clone();
    noOldWomen[2] = 0;
    Row black = group(build(YEAR, population(noOldWomen), 0), "Black");
    assertThat(black.<Object>getAs("std_rate_per_1000")).isNull();
    assertThat(black.<String>getAs("std_undefined_reason")).isEqualTo("ZERO_STRATUM_POPULATION");

    // Mixed residents with no searches: no rate, a reason.
    Row mixed = group(build(YEAR, population(BLACK), 0), "Mixed");
    assertThat(mixed.<String>getAs("std_undefined_reason")).isEqualTo("NO_EVENTS");

    // Use of force strata cut at 18, which the 0-24 band straddles.
    Cell force = TestCells.year("use_of_force", "2020-21", 12, "force", "E1");
    assertThat(
            group(build(force, population(BLACK), 0), "Black")
                .<String>getAs("std_undefined_reason"))
        .isEqualTo("AGE_BANDS_DO_NOT_NEST");

    // No standardised value anywhere is infinite or NaN.
    for (Row row : build(YEAR, population(BLACK), 0)) {
      for (String column : List.of("std_rate_per_1000", "std_ratio", "std_rate_ci_high")) {
        Double value = row.getAs(column);
        assertThat(value == null || Double.isFinite(value)).as(column).isTrue();
      }
    }
  }

  private static String population(long[] black) {
    StringBuilder text =
        new StringBuilder("area_code,area_name,ethnic_group,population,age_band,sex\n");
    for (int s = 0; s < 6; s++) {
      String band = BANDS[s % 3];
      String sex = s < 3 ? "female" : "male";
      text.append(String.format("E1,One,White,%d,%s,%s%n", WHITE[s], band, sex));
      text.append(String.format("E1,One,Black,%d,%s,%s%n", black[s], band, sex));
      for (String other : List.of("Asian", "Mixed", "Other")) {
        text.append(String.format("E1,One,%s,1000,%s,%s%n", other, band, sex));
      }
    }
    return text.toString();
  }

  private static List<Row> build(Cell cell, String population, long blackWithoutStratum) {
    List<Row> counts = new ArrayList<>();
    counts.add(countRow(cell, "White", WHITE, 0));
    counts.add(countRow(cell, "Black", BLACK, blackWithoutStratum));
    return DisproportionalityTable.build(
        List.of(cell),
        new CellCounts(counts),
        Denominators.single(
            PopulationReader.read(
                ReferenceTable.read("p.csv", new StringReader(population)), null)),
        c -> true,
        ReportSettings.DEFAULT);
  }

  /** Events in each stratum at {@link #RATE}, plus some without a stratum. */
  private static Row countRow(Cell cell, String group, long[] residents, long withoutStratum) {
    Map<String, Long> measures = new HashMap<>();
    long total = withoutStratum;
    int ages = Strata.cuts(org.scrutineer.pipeline.schema.Power.STOP_SEARCH).length + 1;
    for (int s = 0; s < 6; s++) {
      long n = Math.round(residents[s] * RATE[s] / 1000);
      measures.put(Strata.measure(Strata.SEXES.get(s / ages), s % ages), n);
      total += n;
    }
    measures.put(EventCounts.EVENTS, total);
    measures.put(EventCounts.RECORDS, total);
    return DisproportionalityTableTest.countRow(cell, group, measures);
  }

  private static Row group(List<Row> rows, String group) {
    return rows.stream()
        .filter(r -> group.equals(r.getAs("ethnic_group")))
        .findFirst()
        .orElseThrow();
  }
}
