package org.scrutineer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.schema.PeriodType;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.tables.ReportSettings;

/**
 * The whole pipeline on a generated two-year police.uk series for one force with planted trends and
 * age structure: Black residents are searched at exactly the White rate in every age and sex
 * stratum but are younger, so the crude ratio is {@code (30 / 160,000) / (57 / 420,000)} and the
 * standardised ratio exactly 1; the denominators switch to a second population file in April 2021
 * (every stratum doubled, so rates halve and ratios stay); the force's records show the 2021
 * ethnicity code list (White - Roma) from October 2021.
 */
class TrendsEndToEndTest extends SparkTestBase {
  private static final String[] SEXES = {"Female", "Male"};
  private static final String[] POLICE_BANDS = {"18-24", "25-34", "over 34"};
  private static final String[] CENSUS_BANDS = {"0-24", "25-34", "35+"};

  /** Residents per stratum (female <25, 25-34, 35+, then male) in the first population file. */
  private static final long[] WHITE = {60000, 30000, 120000, 60000, 30000, 120000};

  private static final long[] BLACK = {40000, 10000, 40000, 40000, 10000, 20000};

  /** Searches a month per stratum: residents x the same per-person rate for both groups. */
  private static final int[] WHITE_SEARCHES = {6, 3, 3, 30, 9, 6};

  private static final int[] BLACK_SEARCHES = {4, 1, 1, 20, 3, 1};

  private static final double CRUDE = (30 / 160000.0) / (57 / 420000.0);

  @TempDir static Path dir;
  private static List<Row> rows;

  @BeforeAll
  static void run() throws IOException {
    Path archive = dir.resolve("police-uk");
    for (YearMonth m : Periods.range(YearMonth.of(2020, 4), YearMonth.of(2022, 3))) {
      StringBuilder csv =
          new StringBuilder(
              "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,"
                  + "Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,"
                  + "Legislation,Object of search,Outcome,Outcome linked to object of search,"
                  + "Removal of more than just outer clothing\n");
      boolean first = true;
      for (int s = 0; s < 6; s++) {
        for (int i = 0; i < WHITE_SEARCHES[s]; i++) {
          // The first month shows a 2011-list value, October 2021 on a 2021-list one.
          String white =
              first && m.equals(YearMonth.of(2020, 4))
                  ? "White - Gypsy or Irish Traveller"
                  : first && !m.isBefore(YearMonth.of(2021, 10))
                      ? "White - Roma"
                      : "White - English/Welsh/Scottish/Northern Irish/British";
          first = false;
          csv.append(line(m, s, white, "White"));
        }
        for (int i = 0; i < BLACK_SEARCHES[s]; i++) {
          csv.append(line(m, s, "Black/African/Caribbean/Black British - African", "Black"));
        }
      }
      Path file = archive.resolve(m.toString()).resolve(m + "-cleveland-stop-and-search.csv");
      Files.createDirectories(file.getParent());
      Files.writeString(file, csv);
    }
    Files.writeString(dir.resolve("census2011.csv"), population(1));
    Files.writeString(dir.resolve("census2021.csv"), population(2));
    Map<Power, List<String>> inputs = new EnumMap<>(Power.class);
    inputs.put(Power.STOP_SEARCH, List.of(archive.toString()));
    RunConfig config =
        new RunConfig(
            inputs,
            List.of(),
            List.of(
                dir.resolve("census2011.csv").toString(),
                dir.resolve("census2021.csv") + "@2021-04"),
            null,
            null,
            null,
            null,
            null,
            null,
            dir.resolve("out").toString(),
            ReportSettings.DEFAULT,
            0.01,
            0.001);
    ScrutineerRun.run(session(), config, new Progress(line -> {}));
    rows =
        session().read().parquet(dir.resolve("out/disproportionality").toString()).collectAsList();
  }

  @Test
  void theStandardisedRatioRemovesThePlantedAgeEffect() {
    for (String year : List.of("2020-21", "2021-22")) {
      Row black = row("financial_year", year, "Black");
      assertThat(black.<Double>getAs("ratio")).as(year).isCloseTo(CRUDE, within(1e-9));
      assertThat(black.<Double>getAs("std_ratio")).as(year).isCloseTo(1.0, within(1e-9));
      assertThat(black.<Double>getAs("std_ratio_ci_low")).isLessThan(1.0);
      assertThat(black.<Double>getAs("std_ratio_ci_high")).isGreaterThan(1.0);
      assertThat(black.<Double>getAs("std_events_share")).isEqualTo(1.0);
    }
    // The second population file doubles every stratum: the same searches give half the rate.
    assertThat(row("financial_year", "2021-22", "White").<Double>getAs("std_rate_per_1000"))
        .isCloseTo(
            row("financial_year", "2020-21", "White").<Double>getAs("std_rate_per_1000") / 2,
            within(1e-9));
  }

  @Test
  void breaksAreFlaggedWhereTheDenominatorAndTheCodeListChange() {
    assertThat(row("financial_year", "2020-21", "Black").<String>getAs("population_source"))
        .contains("census2011.csv");
    Row year = row("financial_year", "2021-22", "Black");
    assertThat(year.<String>getAs("population_source")).contains("census2021.csv");
    assertThat(year.<String>getAs("series_break"))
        .isEqualTo("denominator_source;ethnicity_code_list");
    assertThat(year.<String>getAs("ethnicity_code_list")).isEqualTo("2021");
    assertThat(row("month", "2021-04", "Black").<String>getAs("series_break"))
        .isEqualTo("denominator_source");
    assertThat(row("month", "2021-09", "Black").<Object>getAs("series_break")).isNull();
    assertThat(row("month", "2021-09", "Black").<String>getAs("ethnicity_code_list"))
        .isEqualTo("2011");
    assertThat(row("month", "2021-10", "Black").<String>getAs("series_break"))
        .isEqualTo("ethnicity_code_list");
    assertThat(row("month", "2020-04", "Black").<Object>getAs("series_break")).isNull();
    // The planted ratio holds across the switch: no change in the year on year.
    assertThat(year.<Double>getAs("ratio_change")).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void rollingWindowsSumTheirMonthsAndEndingInMarchEqualTheYear() {
    List<Row> rolling =
        rows.stream().filter(r -> r.getAs("period_type").equals(PeriodType.ROLLING_YEAR)).toList();
    // Windows end from the run's twelfth month (March 2021) to its last (March 2022).
    assertThat(rolling.stream().map(r -> r.<String>getAs("period")).distinct().count())
        .isEqualTo(13);
    for (String year : List.of("2020-21", "2021-22")) {
      int start = Integer.parseInt(year.substring(0, 4));
      Row window = row(PeriodType.ROLLING_YEAR, start + "-04/" + (start + 1) + "-03", "Black");
      Row fy = row("financial_year", year, "Black");
      assertThat(window.<Long>getAs("events")).isEqualTo(fy.<Long>getAs("events"));
      assertThat(window.<Double>getAs("ratio")).isEqualTo(fy.<Double>getAs("ratio"));
      assertThat(window.<Double>getAs("ratio_ci_low")).isEqualTo(fy.<Double>getAs("ratio_ci_low"));
    }
    Row straddling = row(PeriodType.ROLLING_YEAR, "2020-06/2021-05", "White");
    assertThat(straddling.<Long>getAs("events")).isEqualTo(12L * 57);
    // A window takes the population of its first month.
    assertThat(straddling.<String>getAs("population_source")).contains("census2011.csv");
    assertThat(straddling.<Integer>getAs("months_submitted")).isEqualTo(12);
  }

  private static String line(YearMonth month, int stratum, String self, String officer) {
    return String.format(
        "Person search,%s-15T12:00:00+00:00,False,,,,%s,%s,%s,%s,"
            + "Misuse of Drugs Act 1971 (section 23),Controlled drugs,"
            + "A no further action disposal,False,False%n",
        month, SEXES[stratum / 3], POLICE_BANDS[stratum % 3], self, officer);
  }

  private static String population(long scale) {
    StringBuilder text =
        new StringBuilder("area_code,area_name,ethnic_group,population,age_band,sex\n");
    for (int s = 0; s < 6; s++) {
      String band = CENSUS_BANDS[s % 3];
      String sex = SEXES[s / 3].toLowerCase(java.util.Locale.ROOT);
      List<String> lines = new ArrayList<>();
      lines.add(String.format("E23000013,Cleveland,White,%d,%s,%s", WHITE[s] * scale, band, sex));
      lines.add(String.format("E23000013,Cleveland,Black,%d,%s,%s", BLACK[s] * scale, band, sex));
      for (String other : List.of("Asian", "Mixed", "Other")) {
        lines.add(String.format("E23000013,Cleveland,%s,%d,%s,%s", other, 5000 * scale, band, sex));
      }
      lines.forEach(l -> text.append(l).append('\n'));
    }
    return text.toString();
  }

  private static Row row(String periodType, String period, String group) {
    return rows.stream()
        .filter(
            r ->
                r.getAs("period_type").equals(periodType)
                    && r.getAs("period").equals(period)
                    && r.getAs("ethnic_group").equals(group)
                    && r.getAs("geography_level").equals("force"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + periodType + " " + period + " " + group));
  }
}
