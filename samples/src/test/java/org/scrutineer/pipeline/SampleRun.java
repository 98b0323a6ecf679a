package org.scrutineer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.disclosure.SmallNumbers;
import org.scrutineer.pipeline.population.PopulationReader;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.tables.ReportSettings;
import org.scrutineer.samples.GroundTruth;
import org.scrutineer.samples.SyntheticSample;

/**
 * The pipeline run once per test JVM over the generated sample (all four powers), shared by the
 * end-to-end test classes. Intervals are 99.9%: each planted-value check then fails by chance 1
 * time in 1,000.
 */
final class SampleRun {
  static final String FY = "2022-23";
  static final Predicate<String> IN_FY = m -> Periods.financialYear(YearMonth.parse(m)).equals(FY);

  private static SampleRun instance;

  final Path dir;
  final GroundTruth truth;
  final RunResult result;
  private final Map<String, List<Row>> tables = new java.util.HashMap<>();

  private SampleRun() {
    try {
      dir = Files.createTempDirectory("scrutineer-e2e");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path in = dir.resolve("in");
    truth = SyntheticSample.write(in, SyntheticSample.Settings.SAMPLE);
    Map<Power, List<String>> inputs = new EnumMap<>(Power.class);
    inputs.put(
        Power.STOP_SEARCH,
        List.of(
            in.resolve("police-uk").toString(),
            in.resolve("extracts/eastmarch-stop-search-export.csv").toString()));
    inputs.put(Power.USE_OF_FORCE, List.of(in.resolve("use-of-force").toString()));
    inputs.put(
        Power.CUSTODY,
        List.of(
            in.resolve("custody").toString(),
            in.resolve("extracts/southvale-custody-export.csv").toString()));
    inputs.put(Power.FPN, List.of(in.resolve("fpn").toString()));
    RunConfig config =
        new RunConfig(
            inputs,
            List.of(
                in.resolve("extracts/eastmarch-mapping.json").toString(),
                in.resolve("extracts/southvale-custody-mapping.json").toString()),
            List.of(in.resolve("population/census2021-ts021-synthetic.csv").toString()),
            PopulationReader.Format.ONS_TS021,
            in.resolve("population/lad22-csp22-pfa22-lookup-synthetic.csv").toString(),
            new RunConfig.Geography(
                List.of(in.resolve("boundaries/lad22-synthetic.geojson").toString()),
                null,
                null,
                null),
            in.resolve("forces.csv").toString(),
            null,
            null,
            dir.resolve("out").toString(),
            new ReportSettings(EthnicGroup.WHITE, 0.999, SmallNumbers.DEFAULT),
            0.01,
            0.001);
    result = ScrutineerRun.run(SparkTestBase.session(), config, new Progress(line -> {}));
  }

  /** The shared run, made on first use. */
  static synchronized SampleRun get() {
    if (instance == null) {
      instance = new SampleRun();
    }
    return instance;
  }

  /** An output table's rows, read once. */
  synchronized List<Row> table(String name) {
    return tables.computeIfAbsent(
        name, t -> SparkTestBase.session().read().parquet(tablePath(t).toString()).collectAsList());
  }

  /** A table's Parquet folder: at the top of the run's folder, or in restricted/ (the rejects). */
  private Path tablePath(String table) {
    Path top = dir.resolve("out").resolve(table);
    return java.nio.file.Files.isDirectory(top)
        ? top
        : dir.resolve("out").resolve("restricted").resolve(table);
  }

  /** The one row of a table for a power, place-of-event cell and group. */
  Row cell(String table, Power power, String level, String area, String period, String group) {
    return row(table, power, "place_of_event", level, area, period, group, null);
  }

  /** The one row matching every given key ({@code measure} null when the table has none). */
  Row row(
      String table,
      Power power,
      String basis,
      String level,
      String area,
      String period,
      String group,
      String measure) {
    List<Row> found = new ArrayList<>();
    for (Row r : table(table)) {
      if (r.getAs("power").equals(power.code())
          && r.getAs("basis").equals(basis)
          && r.getAs("geography_level").equals(level)
          && r.getAs("area_code").equals(area)
          && r.getAs("period").equals(period)
          && r.getAs("ethnic_group").equals(group)
          && (measure == null || measure.equals(r.getAs("measure")))) {
        found.add(r);
      }
    }
    assertThat(found)
        .as("%s %s %s %s %s %s %s", table, power, basis, level, area, period, group)
        .hasSize(1);
    return found.get(0);
  }

  /** A realised count of another power, summed over keys that match. */
  long count(String measure, String force, String district, String group) {
    Map<String, Long> counts = truth.powerCounts().getOrDefault(measure, Map.of());
    return GroundTruth.sum(counts, force, district, IN_FY, group);
  }

  /** Asserts that a row's ratio interval covers a planted ratio. */
  static void assertCovers(Row row, double planted) {
    assertThat(row.<Object>getAs("ratio")).as("ratio of %s", row).isNotNull();
    assertThat(planted)
        .as("%s %s ratio %s", row.getAs("area_name"), row.getAs("ethnic_group"), row.getAs("ratio"))
        .isBetween(row.<Double>getAs("ratio_ci_low"), row.<Double>getAs("ratio_ci_high"));
  }

  /**
   * A CSV table's lines (header first) from its folder of per-force files (such as {@code
   * csv/outcomes} or {@code panel/outcomes}), read with the project's own CSV reader; every file
   * must have the same header.
   */
  List<List<String>> csvLines(String folder) {
    return csvTable(dir.resolve("out").resolve(folder));
  }

  /** {@link #csvLines} of any folder of CSV files. */
  static List<List<String>> csvTable(Path folder) {
    List<List<String>> lines = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        List<List<String>> one = csvFile(file);
        if (lines.isEmpty()) {
          lines.addAll(one);
        } else {
          assertThat(one.get(0)).as("header of %s", file).isEqualTo(lines.get(0));
          lines.addAll(one.subList(1, one.size()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** One CSV file's lines (header first). */
  static List<List<String>> csvFile(Path file) {
    List<List<String>> lines = new java.util.ArrayList<>();
    try (var reader =
        new org.scrutineer.pipeline.io.CsvRecordReader(
            new java.io.StringReader(Files.readString(file).replace("\uFEFF", "")), ',')) {
      for (var record = reader.next(); record != null; record = reader.next()) {
        lines.add(record.fields());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /**
   * The rows of a table in the order of a CSV's lines, matched on {@code keys} (Parquet part files
   * may be read back in another order than they were written).
   */
  static List<Row> inCsvOrder(List<Row> rows, List<List<String>> lines, List<String> keys) {
    Map<List<String>, Row> byKey = new java.util.HashMap<>();
    for (Row row : rows) {
      byKey.put(keys.stream().map(k -> String.valueOf(row.<Object>getAs(k))).toList(), row);
    }
    List<Row> ordered = new java.util.ArrayList<>();
    for (List<String> line : lines.subList(1, lines.size())) {
      Row row =
          byKey.get(
              keys.stream()
                  .map(k -> line.get(lines.get(0).indexOf(k)))
                  .map(v -> v.isEmpty() ? "null" : v)
                  .toList());
      if (row == null) {
        throw new AssertionError("no internal row for panel line " + line);
      }
      ordered.add(row);
    }
    if (ordered.size() != rows.size()) {
      throw new AssertionError(ordered.size() + " panel lines for " + rows.size() + " rows");
    }
    return ordered;
  }
}
