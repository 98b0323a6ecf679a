package org.scrutineer.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack's rules on a small results folder built by hand: a rolling ratio is shown only where
 * every month under it is published for both groups, bounds only where all four counts they rest on
 * are, the headline year is the latest complete one, and words and numbers read as a panel expects.
 */
class PackDataTest {
  @TempDir Path run;

  private static final String PANEL_HEADER =
      "power,basis,period_type,period,period_complete,geography_level,area_code,area_name,force,"
          + "ethnic_group,events,population,rate_per_1000,rate_ci_low,rate_ci_high,ratio,"
          + "ratio_ci_low,ratio_ci_high,flag";
  private static final String ANALYST_HEADER =
      PANEL_HEADER + ",series_break,ratio_unknown_to_reference,ratio_unknown_to_group";

  /** One cell of stop and search at the force. */
  private static String row(
      String periodType,
      String period,
      String complete,
      String group,
      String events,
      String ratio) {
    String interval = ratio.isEmpty() ? "," : "[c]".equals(ratio) ? "[c],[c]" : "1.5,3.5";
    return String.join(
        ",",
        "stop_search",
        "place_of_event",
        periodType,
        period,
        complete,
        "force",
        "E23000001",
        "Testshire",
        "testshire",
        group,
        events,
        group.equals("Unknown") || group.equals("All") ? "" : "1000",
        "[c]".equals(events) ? "[c]" : "1.0",
        "[c]".equals(events) ? "[c]" : "0.5",
        "[c]".equals(events) ? "[c]" : "1.5",
        ratio,
        interval,
        "[c]".equals(events) ? "suppressed" : "ok");
  }

  private PackData write(Predicate<String> suppressedUnknownYear) throws IOException {
    List<String> panel = new ArrayList<>(List.of(PANEL_HEADER));
    List<String> analyst = new ArrayList<>(List.of(ANALYST_HEADER));
    for (YearMonth m = YearMonth.of(2022, 1);
        !m.isAfter(YearMonth.of(2023, 12));
        m = m.plusMonths(1)) {
      panel.add(row("month", m.toString(), "true", "White", "100", ""));
      boolean hidden = m.equals(YearMonth.of(2022, 5));
      panel.add(
          row(
              "month",
              m.toString(),
              "true",
              "Black",
              hidden ? "[c]" : "25",
              hidden ? "[c]" : "2.5"));
    }
    for (String year : List.of("2021-22", "2022-23", "2023-24")) {
      String complete = year.equals("2022-23") ? "true" : "false";
      for (String[] g :
          new String[][] {
            {"White", "1200", ""},
            {"Black", "300", "2.5"},
            {"Unknown", "50", ""},
            {"All", "1600", ""}
          }) {
        String events = g[0].equals("Unknown") && suppressedUnknownYear.test(year) ? "[c]" : g[1];
        String line = row("financial_year", year, complete, g[0], events, g[2]);
        panel.add(line);
        analyst.add(line + ",," + (g[0].equals("Black") ? "2.1,3.0" : ","));
      }
    }
    for (String window : List.of("2022-01/2022-12", "2023-01/2023-12")) {
      analyst.add(row("rolling_12_months", window, "true", "White", "1200", "") + ",,,");
      analyst.add(
          row("rolling_12_months", window, "true", "Black", "300", "2.5")
              + (window.startsWith("2023") ? ",denominator_source,," : ",,,"));
    }
    Files.createDirectories(run.resolve("panel/disproportionality"));
    Files.createDirectories(run.resolve("csv/disproportionality"));
    Files.writeString(
        run.resolve("panel/disproportionality/testshire.csv"), String.join("\n", panel));
    Files.writeString(
        run.resolve("csv/disproportionality/testshire.csv"), String.join("\n", analyst));
    Files.writeString(
        run.resolve("manifest.json"),
        "{\"settings\":{\"reference_group\":\"White\",\"confidence_level\":0.95},"
            + "\"window\":{\"from\":\"2022-01\",\"to\":\"2023-12\"},\"run\":{\"run_id\":\"t\"}}",
        StandardCharsets.UTF_8);
    ResultsFolder results = ResultsFolder.open(run.toString(), new Configuration());
    return PackData.of(results, results.resolve("testshire"), null);
  }

  @Test
  void aRollingRatioIsShownOnlyWhereEveryMonthUnderItIsPublished() throws IOException {
    PackData data = write(year -> false);
    PackData.Trend trend = data.trend("stop_search");
    List<PackData.TrendPoint> black = trend.byGroup().get("Black");

    assertThat(black)
        .filteredOn(p -> !p.year())
        .extracting(PackData.TrendPoint::endMonth, p -> p.ratio() != null)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2022-12", false),
            org.assertj.core.groups.Tuple.tuple("2023-12", true));
    assertThat(black).filteredOn(PackData.TrendPoint::year).hasSize(3);
    assertThat(trend.breaks()).containsEntry("2023-12", "population source changed");
  }

  @Test
  void boundsNeedEveryCountTheyRestOnPublished() throws IOException {
    PackData data = write(year -> year.equals("2022-23"));
    CsvTable.Row y2223 =
        data.panelRow("stop_search", "financial_year", "2022-23", "force", "E23000001", "Black");
    CsvTable.Row y2122 =
        data.panelRow("stop_search", "financial_year", "2021-22", "force", "E23000001", "Black");

    assertThat(data.bounds(y2223)).as("Unknown suppressed").isNull();
    assertThat(data.unknownShare(y2223)).isNull();
    assertThat(data.bounds(y2122)).isEqualTo(new PackData.Bounds(2.1, 3.0, 50.0 / 1600));
  }

  @Test
  void theHeadlineYearIsTheLatestCompleteOneUnlessAskedForAnother() throws IOException {
    PackData data = write(year -> false);

    assertThat(data.headlinePeriod("stop_search")).isEqualTo(new PackData.Period("2022-23", true));
    assertThat(data.headlinePeriod("stop_search").words()).isEqualTo("April 2022 to March 2023");
    assertThat(data.headlinePeriod("use_of_force")).isNull();
    PackData asked =
        PackData.of(
            ResultsFolder.open(run.toString(), new Configuration()),
            ResultsFolder.open(run.toString(), new Configuration()).resolve("testshire"),
            "2023-24");
    assertThat(asked.headlinePeriod("stop_search"))
        .isEqualTo(new PackData.Period("2023-24", false));
  }

  @Test
  void numbersAndWordsReadAsAPanelExpects() {
    assertThat(Numbers.ratio(5.84189)).isEqualTo("5.8");
    assertThat(Numbers.ratio(5.75)).isEqualTo("5.8");
    assertThat(Numbers.ratio(0.949)).isEqualTo("0.9");
    assertThat(Numbers.rate(0.0449)).isEqualTo("0.04");
    assertThat(Numbers.rate(27.04)).isEqualTo("27.0");
    assertThat(Numbers.percent(0.1304)).isEqualTo("13.0%");
    assertThat(Numbers.count(1811054)).isEqualTo("1,811,054");
    assertThat(Words.list(List.of("Mixed"))).isEqualTo("Mixed");
    assertThat(Words.list(List.of("Black", "Mixed", "Other"))).isEqualTo("Black, Mixed and Other");
    assertThat(Scale.ratios(List.of(0.9, 5.7), 0, 100).ticks())
        .containsExactly(0.5, 1.0, 2.0, 4.0, 8.0);
    assertThat(DistrictMap.bin(0.79)).isEqualTo(1);
    assertThat(DistrictMap.bin(1.0)).isEqualTo(2);
    assertThat(DistrictMap.bin(4.0)).isEqualTo(5);
  }
}
