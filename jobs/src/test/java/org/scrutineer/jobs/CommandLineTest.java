package org.scrutineer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of the command line: every exit path, with what it prints. */
class CommandLineTest {
  /** The production session settings on two cores, shared across the JVM: never stopped. */
  static final SparkSessions SHARED =
      new SparkSessions() {
        @Override
        public SparkSession open(String master, java.util.Map<String, String> settings) {
          return SparkSessions.DEFAULT.open("local[2]", java.util.Map.of());
        }

        @Override
        public void close(SparkSession spark) {}
      };

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void sampleRunSucceedsWithProgressAndEveryOutput() throws IOException {
    int code = run("run", "--sample", "--out", dir.toString());

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    Path latest = dir.resolve("latest");
    assertThat(out.toString()).contains("discover", "read", "rows read =", "write", "Done:");
    for (String table :
        new String[] {
          "disproportionality",
          "outcomes",
          "stages",
          "custody_durations",
          "missing_data",
          "coverage",
          "rejects"
        }) {
      Path folder = table.equals("rejects") ? latest.resolve("restricted") : latest;
      assertThat(folder.resolve("csv").resolve(table)).isDirectoryContaining("glob:**.csv");
      assertThat(folder.resolve(table)).isDirectory();
    }
    assertThat(latest.resolve("manifest.json")).exists();
    assertThat(Files.readString(latest.resolve("status.json")))
        .contains("\"outcome\":\"success\"", "\"exit_code\":0", "\"rows_read\":26845");
    assertThat(dir.resolve("last-attempt.json"))
        .hasSameTextualContentAs(latest.resolve("status.json"));
  }

  @Test
  void aCustodyFileAloneIsARunAndABadCanonicalHeaderExitsTwo() throws IOException {
    Path custody = dir.resolve("kent-custody.csv");
    Files.writeString(
        custody,
        "force,custody_id,date,self_defined_ethnicity,strip_searched\n"
            + "kent,C1,2022-03-01T10:00,W1,False\n"
            + "kent,C2,2022-03-02T11:00,B2,True\n");
    Path out = dir.resolve("custody-out");
    assertThat(run("run", "--custody", custody.toString(), "--out", out.toString()))
        .as(err.toString())
        .isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(out.resolve("latest/csv/coverage/kent.csv")))
        .contains("custody,kent");
    assertThat(Files.readString(out.resolve("latest/csv/disproportionality/kent.csv")))
        .contains("custody,place_of_event,month,2022-03");

    Path boundaries = dir.resolve("lad.geojson");
    Files.writeString(boundaries, "{\"type\": \"FeatureCollection\", \"features\": []}");
    assertThat(
            run(
                "run",
                "--custody",
                custody.toString(),
                "--boundaries",
                boundaries.toString(),
                "--out",
                dir.resolve("o").toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("Invalid boundary file")
        .contains("lad.geojson: not a GeoJSON FeatureCollection with features");

    Path wrong = dir.resolve("kent-uof.csv");
    Files.writeString(wrong, "force,date,tactic\nkent,2022-03-01,taser_drawn\n");
    assertThat(run("run", "--use-of-force", wrong.toString(), "--out", dir.resolve("o").toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("kent-uof.csv line 1: not a canonical use_of_force header")
        .contains("'tactic' is not a use_of_force field")
        .contains("required column 'incident_id' is missing");
  }

  @Test
  void badArgumentsExitTwoWithOneClearLine() {
    assertThat(run("run", "--sample", "--from", "2020-13", "--out", dir.toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("Invalid value for --from: '2020-13' (must be YYYY-MM)");

    assertThat(run("run", "--sample", "--reference-group", "Purple"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains(
            "Invalid reference group: 'Purple' (must be one of White, Black, Asian, Mixed, Other)")
        .doesNotContain("Unknown");

    assertThat(run("run", "--out", dir.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("No input");

    assertThat(run("run", "--no-such-option")).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void unreadableInputExitsTwoNamingTheFile() throws IOException {
    assertThat(
            run(
                "run",
                "--stop-search",
                dir.resolve("absent").toString(),
                "--out",
                dir.resolve("o").toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains(
            "Input error: --stop-search " + dir.resolve("absent") + ": no such file or folder");
    // Stopped before Spark or the store: nothing was created.
    assertThat(dir.resolve("o")).doesNotExist();

    Path wrong = dir.resolve("2020-06-kent-stop-and-search.csv");
    Files.writeString(wrong, "Type,When\nPerson search,yesterday\n");
    assertThat(run("run", "--stop-search", wrong.toString(), "--out", dir.resolve("o").toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("2020-06-kent-stop-and-search.csv line 1: not the data.police.uk");
    assertThat(dir.resolve("o/latest")).doesNotExist();

    assertThat(
            run(
                "run",
                "--sample",
                "--population",
                dir.resolve("none.csv").toString(),
                "--out",
                dir.resolve("o").toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains(
            "Input error: --population " + dir.resolve("none.csv") + ": no such file or folder");
  }

  @Test
  void failedDataQualityGatesExitThreeAfterWritingOutputs() throws IOException {
    // The sample plants 14 malformed rows and one unmapped ethnicity label.
    assertThat(run("run", "--sample", "--max-reject-fraction", "0", "--out", dir.toString()))
        .isEqualTo(ExitCodes.DATA_QUALITY);
    assertThat(err.toString()).contains("Data quality gate failed:").contains("rejected rows");
    // Kept for inspection, not published.
    assertThat(dir.resolve("latest")).doesNotExist();
    try (var runs = Files.list(dir.resolve("runs"))) {
      Path kept = runs.findFirst().orElseThrow();
      assertThat(kept.resolve("restricted/csv/rejects")).isDirectoryContaining("glob:**.csv");
      assertThat(Files.readString(kept.resolve("status.json")))
          .contains("\"outcome\":\"gate_failed\"", "\"exit_code\":3", "\"published\":false");
    }

    assertThat(run("run", "--sample", "--max-unmapped-fraction", "0", "--out", dir.toString()))
        .isEqualTo(ExitCodes.DATA_QUALITY);
    assertThat(err.toString()).contains("unmapped self defined ethnicity labels");
  }

  @Test
  void sparkSettingsPassThroughAndAMalformedOneExitsTwo() {
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    SparkSessions recording =
        new SparkSessions() {
          @Override
          public SparkSession open(String master, java.util.Map<String, String> settings) {
            seen.putAll(settings);
            return SHARED.open(master, settings);
          }

          @Override
          public void close(SparkSession spark) {}
        };
    Scrutineer.execute(
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        recording,
        "run",
        "--sample",
        "--conf",
        "spark.sql.shuffle.partitions=3",
        "--conf",
        "spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000",
        "--out",
        dir.toString());
    assertThat(seen)
        .containsEntry("spark.sql.shuffle.partitions", "3")
        .containsEntry("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000");

    assertThat(run("run", "--sample", "--conf", "shuffle=3", "--out", dir.toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("Invalid --conf 'shuffle=3' (must be spark.KEY=VALUE");
  }

  @Test
  void configPathsWithAUriSchemeAreUsedAsGiven() {
    Path base = Path.of("/data/config");
    assertThat(RunCommand.resolve(base, "hdfs://namenode:8020/police/2022"))
        .isEqualTo("hdfs://namenode:8020/police/2022");
    assertThat(RunCommand.resolve(base, "s3a://bucket/census.csv"))
        .isEqualTo("s3a://bucket/census.csv");
    assertThat(RunCommand.resolve(base, "file:/srv/lookup.csv")).isEqualTo("file:/srv/lookup.csv");
    assertThat(RunCommand.resolve(base, "population/ts021.csv"))
        .isEqualTo("/data/config/population/ts021.csv");
    assertThat(RunCommand.resolve(base, "lad.geojson@2021"))
        .isEqualTo("/data/config/lad.geojson@2021");
  }

  @Test
  void anythingUnexpectedExitsOneWithTheStackTrace() {
    SparkSessions broken =
        new SparkSessions() {
          @Override
          public SparkSession open(String master, java.util.Map<String, String> settings) {
            throw new IllegalStateException("simulated failure");
          }

          @Override
          public void close(SparkSession spark) {}
        };
    int code =
        Scrutineer.execute(
            new PrintWriter(out, true), new PrintWriter(err, true), broken, "run", "--sample");

    assertThat(code).isEqualTo(ExitCodes.UNEXPECTED);
    assertThat(err.toString())
        .contains("IllegalStateException: simulated failure")
        .contains("\tat ");
  }

  @Test
  void configFileSettingsApplyAndTheCommandLineWins() throws IOException {
    assertThat(run("generate", "--out", dir.resolve("in").toString())).isEqualTo(ExitCodes.OK);
    Path config = dir.resolve("in/run.json");
    Files.writeString(
        config,
        """
        {"stop-search": ["police-uk"], "forces": "forces.csv", "from": "2022-04", "to": "2022-12",
         "population": "population/census2021-ts021-synthetic.csv",
         "area-lookup": "population/lad22-csp22-pfa22-lookup-synthetic.csv", "out": "from-config"}
        """);

    int code =
        run(
            "run",
            "--config",
            config.toString(),
            "--from",
            "2022-06",
            "--max-reject-fraction",
            "0.5");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode manifest = manifest(dir.resolve("in/from-config"));
    assertThat(manifest.at("/window/from").asText()).isEqualTo("2022-06");
    assertThat(manifest.at("/window/to").asText()).isEqualTo("2022-12");
    assertThat(manifest.at("/settings/max_reject_fraction").asDouble()).isEqualTo(0.5);

    Files.writeString(config, "{\"stop-serch\": [\"x\"]}");
    assertThat(run("run", "--config", config.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("unknown setting 'stop-serch'");
    assertThat(run("run", "--config", config.toString(), "--sample"))
        .isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void aConfigValueOfTheWrongShapeOrAKeyGivenTwiceStopsTheRunNamingIt() throws IOException {
    Path config = dir.resolve("bad.json");
    Map<String, String> cases =
        Map.of(
            "{\"stop-search\": {\"path\": \"x\"}}",
            "'stop-search' must be a string or a list of strings, not an object",
            "{\"stop-search\": [[\"x\"]]}",
            "'stop-search' must be a string or a list of strings, not a list",
            "{\"stop-search\": []}",
            "'stop-search' must be a string or a list of strings, not an empty list",
            "{\"out\": [\"a\", \"b\"]}",
            "'out' must be a string, not a list",
            "{\"from\": null}",
            "'from' must be a string, not null",
            "{\"max-reject-fraction\": true}",
            "'max-reject-fraction' must be a number, not true/false",
            "{\"from\": \"2022-01\",\n \"from\": \"2022-02\"}",
            "line 2 column 8: 'from' is given twice in one object");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Files.writeString(config, c.getKey());
      err.getBuffer().setLength(0);
      assertThat(run("run", "--config", config.toString()))
          .as(c.getKey())
          .isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(err.toString()).as(c.getKey()).contains("Invalid config " + config, c.getValue());
    }
  }

  @Test
  void helpGroupsEveryOptionUnderAHeadingWithReadableLabels() {
    assertThat(run("run", "--help")).isEqualTo(ExitCodes.OK);
    String help = out.toString();
    assertThat(help)
        .contains("Usage: scrutineer run [OPTIONS]")
        .contains("use of force, custody and fixed penalty notice records")
        .containsSubsequence(
            "Inputs:", "Reference data:", "Outputs:", "Statistics:", "Gates:", "Spark:", "Help:")
        .doesNotContain("=<");
    picocli.CommandLine.Model.CommandSpec spec =
        new picocli.CommandLine(new RunCommand(SHARED)).getCommandSpec();
    List<String> grouped =
        RunCommand.HELP_SECTIONS.values().stream().flatMap(List::stream).toList();
    assertThat(grouped).doesNotHaveDuplicates();
    assertThat(grouped)
        .as("every option of run is in one help section")
        .containsExactlyInAnyOrderElementsOf(
            spec.options().stream()
                .map(picocli.CommandLine.Model.OptionSpec::longestName)
                .toList());
    for (picocli.CommandLine.Model.OptionSpec option : spec.options()) {
      if (option.arity().max() > 0) {
        assertThat(option.paramLabel()).as(option.longestName()).doesNotStartWith("<");
      }
      assertThat(help).contains(option.longestName());
    }

    out.getBuffer().setLength(0);
    assertThat(run("generate", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("use-of-force", "custody", "fixed penalty notice", "boundaries")
        .doesNotContain("=<");

    out.getBuffer().setLength(0);
    assertThat(run("report", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("--results=DIR", "--area=AREA", "--year=YYYY-YY");
  }

  @Test
  void generateWritesASampleAndVersionAnswers() {
    assertThat(run("generate", "--out", dir.toString(), "--seed", "7", "--to", "2022-06"))
        .isEqualTo(ExitCodes.OK);
    assertThat(dir.resolve("ground-truth.json")).exists();
    assertThat(dir.resolve("police-uk/2022-06/2022-06-northmoor-stop-and-search.csv")).exists();
    assertThat(run("--version")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("scrutineer", "Apache Spark 4.1");
  }

  private int run(String... args) {
    return Scrutineer.execute(new PrintWriter(out, true), new PrintWriter(err, true), SHARED, args);
  }

  /** The manifest of the run published in the store {@code out}. */
  private static JsonNode manifest(Path out) throws IOException {
    return new ObjectMapper().readTree(Files.readString(out.resolve("latest/manifest.json")));
  }
}
