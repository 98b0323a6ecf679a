package org.scrutineer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scrutineer.samples.SyntheticSample;

/**
 * The bad-input corpus (README "Bad-input corpus"): one case per kind of bad input, each with its
 * exact outcome. Row-level cases share one run (each in its own file, so each file's reject, line
 * and reconciliation are its own); input-level cases each run alone and must stop with exit 2 and a
 * message naming the file and rule, before anything is read.
 */
class BadInputCorpusTest {
  private static final String HEADER =
      "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,"
          + "Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,"
          + "Object of search,Outcome,Outcome linked to object of search,"
          + "Removal of more than just outer clothing";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** A police.uk data row of month {@code yyyy-MM}, day {@code day}. */
  private static String good(String month, int day) {
    return String.format(
        "Person search,%s-%02dT10:00:00+00:00,False,,51.2,0.3,Male,18-24,White - Irish,White,"
            + "Misuse of Drugs Act 1971 (section 23),Controlled drugs,Arrest,True,False",
        month, day);
  }

  /** One row-level case: a police.uk file whose line 3 is {@code bad}. */
  private record RowCase(String name, String force, String month, String bad, String reason) {}

  private static final List<RowCase> ROW_CASES =
      List.of(
          new RowCase("invalid UTF-8 bytes", "kent", "2022-01", null, "INVALID_ENCODING"),
          new RowCase(
              "stray opening quote mid-file",
              "kent",
              "2022-02",
              good("2022-02", 3).replace("Arrest", "\"Arrest"),
              "UNTERMINATED_QUOTE"),
          new RowCase(
              "text after a closing quote",
              "kent",
              "2022-03",
              good("2022-03", 3).replace("Male", "\"Male\"x"),
              "MALFORMED_QUOTE"),
          new RowCase(
              "too few fields", "kent", "2022-04", "Person search,2022-04-03", "FIELD_COUNT"),
          new RowCase(
              "too many fields", "kent", "2022-05", good("2022-05", 3) + ",extra", "FIELD_COUNT"),
          new RowCase("blank line", "kent", "2022-06", "", "BLANK_LINE"),
          new RowCase(
              "day-first date",
              "kent",
              "2022-07",
              good("2022-07", 3).replace("2022-07-03T10:00:00+00:00", "03/07/2022"),
              "INVALID_DATE"),
          new RowCase(
              "date in another month",
              "kent",
              "2022-08",
              good("2022-08", 3).replace("2022-08-03", "2022-10-03"),
              "DATE_OUTSIDE_FILE_MONTH"),
          new RowCase(
              "unknown search type",
              "kent",
              "2022-09",
              good("2022-09", 3).replace("Person search", "Foot search"),
              "INVALID_TYPE"),
          new RowCase(
              "latitude out of range",
              "kent",
              "2022-10",
              good("2022-10", 3).replace("51.2", "251.2"),
              "INVALID_COORDINATES"),
          new RowCase(
              "one coordinate blank",
              "kent",
              "2022-11",
              good("2022-11", 3).replace(",0.3,", ",,"),
              "INVALID_COORDINATES"),
          new RowCase(
              "yes/no field not True/False",
              "kent",
              "2022-12",
              good("2022-12", 3).replace("True,False", "True,Maybe"),
              "INVALID_BOOLEAN"),
          new RowCase(
              "search type blank",
              "essex",
              "2022-01",
              good("2022-01", 3).replace("Person search", ""),
              "MISSING_REQUIRED"),
          new RowCase("a 5 MB line", "essex", "2022-02", "x".repeat(5_000_000), "FIELD_COUNT"),
          new RowCase(
              "a formula in a rejected row",
              "essex",
              "2022-05",
              "=HYPERLINK(\"http://x\"),@SUM(A1),+1,-1,\tx",
              "FIELD_COUNT"));

  /** One canonical custody row-level case: line {@code line} of the custody file. */
  private record CanonicalCase(String name, int line, String row, String reason) {}

  private static final String CUSTODY_HEADER =
      "force,custody_id,date,detention_authorised,release_time,age,district,strip_searched,"
          + "self_defined_ethnicity,disposal";

  private static final List<CanonicalCase> CUSTODY_CASES =
      List.of(
          new CanonicalCase(
              "custody_id blank",
              3,
              "kent,,2022-03-02T10:00,,,30,,False,W1,charged",
              "MISSING_REQUIRED"),
          new CanonicalCase(
              "date not ISO 8601", 4, "kent,C4,2nd March,,,30,,False,W1,charged", "INVALID_DATE"),
          new CanonicalCase(
              "local time in the spring clock-change gap",
              5,
              "kent,C5,2022-03-27T01:30,,,30,,False,W1,charged",
              "INVALID_DATE"),
          new CanonicalCase(
              "release before detention authorised",
              6,
              "kent,C6,2022-03-02T10:00,2022-03-02T12:00,2022-03-02T11:00,30,,False,W1,charged",
              "INVALID_DURATION"),
          new CanonicalCase(
              "age out of range",
              7,
              "kent,C7,2022-03-02T10:00,,,130,,False,W1,charged",
              "INVALID_NUMBER"),
          new CanonicalCase(
              "district not an ONS code",
              8,
              "kent,C8,2022-03-02T10:00,,,30,Kent,False,W1,charged",
              "INVALID_DISTRICT"),
          new CanonicalCase(
              "repeated custody_id",
              9,
              "kent,C2,2022-03-03T10:00,,,30,,False,W1,charged",
              "DUPLICATE_ID"),
          new CanonicalCase(
              "force not in the registry",
              10,
              "atlantis,C10,2022-03-02T10:00,,,30,,False,W1,charged",
              "UNKNOWN_FORCE"),
          new CanonicalCase(
              "True/False field holds another value",
              11,
              "kent,C11,2022-03-02T10:00,,,30,,Y?,W1,charged",
              "INVALID_BOOLEAN"),
          new CanonicalCase(
              "autumn repeated hour (accepted, first occurrence)",
              12,
              "kent,C12,2022-10-30T01:30,,,30,,False,W1,charged",
              null),
          new CanonicalCase(
              "not_stated ethnicity and disposal (accepted, not stated)",
              13,
              "kent,C13,2022-03-02T10:00,,,30,,False,not_stated,not_stated",
              null),
          new CanonicalCase(
              "a row of another force in a force's file",
              14,
              "essex,C14,2022-03-02T10:00,,,30,,False,W1,charged",
              "FORCE_MISMATCH"));

  @Test
  void rowLevelCasesGiveTheirReasonOnTheirLineAndEveryFileReconciles() throws IOException {
    Path archive = dir.resolve("archive");
    Map<String, RowCase> byFile = new HashMap<>();
    for (RowCase c : ROW_CASES) {
      Path file =
          archive.resolve(c.month()).resolve(c.month() + "-" + c.force() + "-stop-and-search.csv");
      Files.createDirectories(file.getParent());
      byte[] bad =
          c.bad() == null
              ? (good(c.month(), 3).replace("White - Irish", "Wh\u0000ite"))
                  .getBytes(StandardCharsets.UTF_8)
              : c.bad().getBytes(StandardCharsets.UTF_8);
      if (c.bad() == null) {
        // A byte that is not UTF-8 in place of the placeholder.
        int at = new String(bad, StandardCharsets.UTF_8).indexOf('\u0000');
        bad[at] = (byte) 0xE9;
      }
      List<byte[]> lines =
          List.of(
              HEADER.getBytes(StandardCharsets.UTF_8),
              good(c.month(), 2).getBytes(StandardCharsets.UTF_8),
              bad,
              good(c.month(), 4).getBytes(StandardCharsets.UTF_8),
              good(c.month(), 5).getBytes(StandardCharsets.UTF_8));
      try (var stream = Files.newOutputStream(file)) {
        for (byte[] line : lines) {
          stream.write(line);
          stream.write('\n');
        }
      }
      byFile.put(file.getFileName().toString(), c);
    }
    // Accepted with a word: an exact duplicate row, and a header-only file.
    Path duplicate = archive.resolve("2022-03/2022-03-essex-stop-and-search.csv");
    Files.writeString(
        duplicate, String.join("\n", HEADER, good("2022-03", 2), good("2022-03", 2)) + "\n");
    Path empty = archive.resolve("2022-04/2022-04-essex-stop-and-search.csv");
    Files.createDirectories(empty.getParent());
    Files.writeString(empty, HEADER + "\n");
    Path custody = dir.resolve("custody/kent-custody.csv");
    Files.createDirectories(custody.getParent());
    StringBuilder rows = new StringBuilder(CUSTODY_HEADER).append('\n');
    rows.append("kent,C2,2022-03-01T10:00,,,30,,False,W1,charged\n");
    for (CanonicalCase c : CUSTODY_CASES) {
      rows.append(c.row()).append('\n');
    }
    Files.writeString(custody, rows);
    Path result = dir.resolve("out");

    int code =
        run(
            "run",
            "--stop-search",
            archive.toString(),
            "--custody",
            custody.toString(),
            "--max-reject-fraction",
            "1",
            "--out",
            result.toString());

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    Map<String, Map<Long, String>> rejects = rejects(result.resolve("latest/restricted/rejects"));
    for (RowCase c : ROW_CASES) {
      String name = c.month() + "-" + c.force() + "-stop-and-search.csv";
      assertThat(rejects.get(name)).as(c.name()).containsExactly(Map.entry(3L, c.reason()));
    }
    Map<Long, String> custodyRejects = rejects.get("kent-custody.csv");
    for (CanonicalCase c : CUSTODY_CASES) {
      if (c.reason() == null) {
        assertThat(custodyRejects).as(c.name()).doesNotContainKey((long) c.line());
      } else {
        assertThat(custodyRejects).as(c.name()).containsEntry((long) c.line(), c.reason());
      }
    }
    JsonNode manifest =
        new ObjectMapper().readTree(Files.readString(result.resolve("latest/manifest.json")));
    for (JsonNode input : manifest.get("inputs")) {
      String file = Path.of(input.get("path").asText()).getFileName().toString();
      assertThat(input.get("reconciled").asBoolean()).as(file).isTrue();
      assertThat(input.get("rows_read").asLong())
          .as(file)
          .isEqualTo(input.get("rows_accepted").asLong() + input.get("rows_rejected").asLong());
      long lines =
          Files.readAllLines(
                  Path.of(input.get("path").asText().replace("file:", "")),
                  StandardCharsets.ISO_8859_1)
              .size();
      assertThat(input.get("lines").asLong()).as(file).isEqualTo(lines);
      if (byFile.containsKey(file)) {
        assertThat(input.get("rows_rejected").asLong()).as(file).isEqualTo(1);
        assertThat(input.get("rows_accepted").asLong()).as(file).isEqualTo(3);
      }
      if (file.equals(duplicate.getFileName().toString())) {
        assertThat(input.get("duplicate_rows").asLong()).isEqualTo(1);
        assertThat(input.get("rows_accepted").asLong()).isEqualTo(2);
      }
    }
    assertThat(manifest.get("empty_files").toString())
        .contains("2022-04-essex-stop-and-search.csv");
    assertThat(Files.readString(result.resolve("latest/csv/coverage/essex.csv")))
        .contains("stop_search,essex,Essex,E23000028,2022-04,false,submitted_empty");
    // The 5 MB line is cut in the rejects CSV, whole in the Parquet table.
    String rejectsCsv =
        Files.readString(result.resolve("latest/restricted/csv/rejects/stop_search.csv"));
    assertThat(rejectsCsv).contains("[cut: 5,000,000 characters in all; whole in Parquet]");
    // Raw text that a spreadsheet would run is defused in the rejects too.
    assertThat(rejectsCsv)
        .contains("\"'=HYPERLINK(\"\"http://x\"\"),@SUM(A1),+1,-1,\tx\"")
        .doesNotContain(",=HYPERLINK");
  }

  /** One input-level case: files written by {@code setup}, the run's arguments, what it says. */
  private record InputCase(String name, Setup setup, String... says) {}

  @FunctionalInterface
  private interface Setup {
    List<String> args(Path dir) throws IOException;
  }

  private static Path police(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve("archive").resolve(name.substring(0, 7)).resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static List<String> withArchive(Path dir, String... more) throws IOException {
    police(dir, "2022-01-kent-stop-and-search.csv", HEADER + "\n" + good("2022-01", 2) + "\n");
    List<String> args =
        new ArrayList<>(List.of("run", "--stop-search", dir.resolve("archive").toString()));
    args.addAll(List.of(more));
    args.addAll(List.of("--out", dir.resolve("out").toString()));
    return args;
  }

  /** A one-district boundary file with the given polygon coordinates. */
  private static Path boundaryFile(Path dir, String coordinates) throws IOException {
    Path file = dir.resolve("lad.geojson");
    Files.writeString(
        file,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"LAD22CD\":\"E07000001\",\"LAD22NM\":\"A\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + coordinates
            + "}}]}");
    return file;
  }

  private static String ts021(String... blocks) {
    return "Lower Tier Local Authorities Code,Lower Tier Local Authorities,"
        + "Ethnic group (20 categories) Code,Ethnic group (20 categories),Observation\n"
        + String.join("", blocks);
  }

  private static String block(String area, int skip) {
    StringBuilder text = new StringBuilder(area + ",Area,-8,Does not apply,0\n");
    for (int code = 1; code <= 19; code++) {
      if (code != skip) {
        text.append(
            String.format(
                "%s,Area,%d,\"%s\",%d%n",
                area, code, SyntheticSample.ts021Label(code), 1000 + code));
      }
    }
    return text.toString();
  }

  private static final List<InputCase> INPUT_CASES =
      List.of(
          new InputCase(
              "config value of the wrong shape",
              d -> {
                Files.writeString(d.resolve("c.json"), "{\"stop-search\": {\"path\": \"x\"}}");
                return List.of("run", "--config", d.resolve("c.json").toString());
              },
              "'stop-search' must be a string or a list of strings, not an object"),
          new InputCase(
              "config key given twice",
              d -> {
                Files.writeString(
                    d.resolve("c.json"), "{\"from\": \"2022-01\",\n\"from\": \"2022-02\"}");
                return List.of("run", "--config", d.resolve("c.json").toString());
              },
              "c.json line 2 column",
              "'from' is given twice in one object"),
          new InputCase(
              "unknown config key",
              d -> {
                Files.writeString(d.resolve("c.json"), "{\"stop-serch\": \"x\"}");
                return List.of("run", "--config", d.resolve("c.json").toString());
              },
              "unknown setting 'stop-serch'"),
          new InputCase(
              "mapping key given twice",
              d -> {
                Files.writeString(
                    d.resolve("m.json"),
                    "{\"force\": \"kent\",\n\"columns\": {\"date\": \"D\", \"date\": \"E\"}}");
                return withArchive(d, "--mapping", d.resolve("m.json").toString());
              },
              "m.json line 2 column",
              "'date' is given twice in one object"),
          new InputCase(
              "TS021 area missing a category",
              d -> {
                Files.writeString(
                    d.resolve("ts021.csv"), ts021(block("E07000001", 0), block("E07000002", 13)));
                return withArchive(d, "--population", d.resolve("ts021.csv").toString());
              },
              "ts021.csv line 22",
              "area E07000002 has no row for category 13"),
          new InputCase(
              "TS021 area block repeated",
              d -> {
                Files.writeString(
                    d.resolve("ts021.csv"), ts021(block("E07000001", 0), block("E07000001", 0)));
                return withArchive(d, "--population", d.resolve("ts021.csv").toString());
              },
              "ts021.csv line 22",
              "area E07000001 has category -8 twice (first on line 2)"),
          new InputCase(
              "boundaries as [latitude, longitude]",
              d -> {
                return withArchive(
                    d,
                    "--boundaries",
                    boundaryFile(d, "[[[51,0],[51,1],[52,1],[51,0]]]").toString());
              },
              "lad.geojson",
              "is [latitude, longitude]",
              "swap the axes"),
          new InputCase(
              "boundaries in British National Grid metres",
              d -> {
                return withArchive(
                    d,
                    "--boundaries",
                    boundaryFile(
                            d,
                            "[[[400000,300000],[401000,300000],[401000,301000],[400000,300000]]]")
                        .toString());
              },
              "lad.geojson",
              "British National Grid metres"),
          new InputCase(
              "file named for month 13",
              d -> {
                police(d, "2022-13-kent-stop-and-search.csv", HEADER + "\n");
                return withArchive(d);
              },
              "1 file looks like stop-and-search data",
              "2022-13-kent-stop-and-search.csv",
              "--ignore-unrecognised-files"),
          new InputCase(
              "copy named (1)",
              d -> {
                police(d, "2022-01-kent-stop-and-search (1).csv", HEADER + "\n");
                return withArchive(d);
              },
              "2022-01-kent-stop-and-search (1).csv"),
          new InputCase(
              "upper-case .CSV",
              d -> {
                police(d, "2022-02-kent-stop-and-search.CSV", HEADER + "\n");
                return withArchive(d);
              },
              "2022-02-kent-stop-and-search.CSV"),
          new InputCase(
              "misspelt stp",
              d -> {
                police(d, "2022-02-kent-stp-and-search.csv", HEADER + "\n");
                return withArchive(d);
              },
              "2022-02-kent-stp-and-search.csv"),
          new InputCase(
              "not the police.uk header",
              d -> {
                police(
                    d, "2022-02-kent-stop-and-search.csv", "Type,When\nPerson search,2022-02-02\n");
                return withArchive(d);
              },
              "2022-02-kent-stop-and-search.csv",
              "not the data.police.uk stop-and-search header"),
          new InputCase(
              "input path missing",
              d -> List.of("run", "--stop-search", d.resolve("nowhere").toString()),
              "--stop-search",
              "nowhere: no such file or folder"),
          new InputCase(
              "two files for one force and month",
              d -> {
                police(
                    d,
                    "2022-01-kent-stop-and-search.csv",
                    HEADER + "\n" + good("2022-01", 2) + "\n");
                Path other = d.resolve("copy/2022-01/2022-01-kent-stop-and-search.csv");
                Files.createDirectories(other.getParent());
                Files.writeString(other, HEADER + "\n" + good("2022-01", 2) + "\n");
                return List.of(
                    "run",
                    "--stop-search",
                    d.resolve("archive").toString(),
                    "--stop-search",
                    d.resolve("copy").toString(),
                    "--out",
                    d.resolve("out").toString());
              },
              "Two files for force kent month 2022-01"),
          new InputCase(
              "month 13 in --from", d -> withArchive(d, "--from", "2022-13"), "--from", "2022-13"),
          new InputCase(
              "reference group Unknown",
              d -> withArchive(d, "--reference-group", "Unknown"),
              "Unknown"),
          new InputCase(
              "canonical custody header naming an unknown field",
              d -> {
                Files.writeString(
                    d.resolve("custody.csv"),
                    "force,custody_id,date,colour\nkent,C1,2022-01-01,red\n");
                return List.of(
                    "run",
                    "--custody",
                    d.resolve("custody.csv").toString(),
                    "--out",
                    d.resolve("out").toString());
              },
              "custody.csv",
              "colour"));

  @Test
  void inputLevelCasesStopWithExitTwoNamingTheFileAndRule() throws IOException {
    for (InputCase c : INPUT_CASES) {
      Path caseDir = Files.createDirectories(dir.resolve(c.name().replaceAll("[^a-z0-9]+", "-")));
      List<String> args = c.setup().args(caseDir);
      err.getBuffer().setLength(0);
      int code = run(args.toArray(new String[0]));
      assertThat(code).as("%s: %s", c.name(), err).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(err.toString()).as(c.name()).contains(c.says());
      assertThat(caseDir.resolve("out/latest")).as(c.name()).doesNotExist();
    }
  }

  @Test
  void aMappingWhoseDateFormatNeverMatchesFailsTheGateSayingSo() throws IOException {
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(
        mapping,
        "{\"force\": \"kent\", \"file_pattern\": \"kent-*.csv\", \"date_format\": \"dd/MM/yyyy HH:mm\","
            + " \"coverage\": {\"from\": \"2022-01\", \"to\": \"2022-01\"},"
            + " \"columns\": {\"date\": \"When\", \"type\": \"Kind\"}}");
    Path extract = dir.resolve("kent-export.csv");
    StringBuilder rows = new StringBuilder("When,Kind\n");
    for (int i = 1; i <= 20; i++) {
      rows.append(String.format("2022-01-%02d 10:00,Person search%n", i));
    }
    Files.writeString(extract, rows);

    int code =
        run(
            "run",
            "--stop-search",
            extract.toString(),
            "--mapping",
            mapping.toString(),
            "--out",
            dir.resolve("out").toString());

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.DATA_QUALITY);
    assertThat(err.toString())
        .contains("100% of the rejected rows are INVALID_DATE", "does the mapping's date_format");
  }

  @Test
  void canonicalFilesOfEveryPowerWrittenFromTheReadmePassTheDefaultGates() throws IOException {
    // Use of force: one row per officer per subject. 1,000 subjects, and one more whose perceived
    // ethnicity is a label no list knows, reported by three officers: 1 unmapped subject-incident
    // in 1,001 is within the default 0.1% gate; its 3 officer rows would not have been.
    StringBuilder uof =
        new StringBuilder("force,incident_id,subject_id,date,officer_defined_ethnicity,tactics\n");
    for (int i = 1; i <= 1000; i++) {
      uof.append(
          String.format(
              "kent,U%d,1,2022-03-%02dT%02d:15,%s,handcuffing_compliant%n",
              i, 1 + i % 28, i % 24, i % 3 == 0 ? "Black" : "White"));
    }
    for (int officer = 0; officer < 3; officer++) {
      uof.append("kent,U9999,1,2022-03-15T12:00,Purple,escorting\n");
    }
    Path uofFile = dir.resolve("uof/kent-use-of-force.csv");
    Files.createDirectories(uofFile.getParent());
    Files.writeString(uofFile, uof);
    Path custody = dir.resolve("custody/kent-custody.csv");
    Files.createDirectories(custody.getParent());
    Files.writeString(
        custody,
        "force,custody_id,date,detention_authorised,release_time,self_defined_ethnicity,disposal\n"
            + "kent,C1,2022-03-01T10:00,2022-03-01T10:30,2022-03-01T20:00,W1,charged\n"
            + "kent,C2,2022-03-02T10:00,2022-03-02T10:30,2022-03-02T18:00,not_stated,not_stated\n");
    Path fpn = dir.resolve("fpn/kent-fpn.csv");
    Files.createDirectories(fpn.getParent());
    Files.writeString(
        fpn,
        "force,notice_id,date,self_defined_ethnicity,paid\n"
            + "kent,N1,2022-03-01,B2,True\n"
            + "kent,N2,2022-03-02,not_stated,False\n");
    Path result = dir.resolve("canonical-out");

    int code =
        run(
            "run",
            "--use-of-force",
            uofFile.toString(),
            "--custody",
            custody.toString(),
            "--fpn",
            fpn.toString(),
            "--out",
            result.toString());

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode manifest =
        new ObjectMapper().readTree(Files.readString(result.resolve("latest/manifest.json")));
    JsonNode unmappedGate = null;
    for (JsonNode gate : manifest.get("gates")) {
      if (gate.get("gate").asText().equals("unmapped officer defined ethnicity labels")) {
        unmappedGate = gate;
      }
    }
    assertThat(unmappedGate).isNotNull();
    assertThat(unmappedGate.get("count").asLong()).isEqualTo(1);
    assertThat(unmappedGate.get("of").asLong()).isEqualTo(1001 + 2 + 2);
    // not_stated is a recorded "not known": never unmapped.
    List<org.apache.spark.sql.Row> missing =
        CommandLineTest.SHARED
            .open(null, Map.of())
            .read()
            .parquet(result.resolve("latest/missing_data").toString())
            .where(
                "geography_level = 'force' AND period = '2022-03' AND basis = 'place_of_event'"
                    + " AND field IN ('self_defined_ethnicity', 'disposal')")
            .collectAsList();
    assertThat(missing)
        .extracting(r -> r.getAs("power") + " " + r.getAs("field"))
        .contains(
            "custody self_defined_ethnicity", "custody disposal", "fpn self_defined_ethnicity");
    for (org.apache.spark.sql.Row row : missing) {
      assertThat(row.<Long>getAs("not_stated")).as(row.toString()).isEqualTo(1);
      assertThat(row.<Long>getAs("unmapped")).as(row.toString()).isZero();
    }
  }

  @Test
  void aRunThatStopsOnBadInputLeavesThePreviousOutputAsItWas() throws IOException {
    Path result = dir.resolve("out");
    List<String> good = withArchive(dir);
    assertThat(run(good.toArray(new String[0]))).as(err.toString()).isEqualTo(ExitCodes.OK);
    Path published = result.resolve("latest").toRealPath();
    Map<Path, String> before = StoreTestFiles.contents(published);
    // The same folder, now with a file whose header is wrong: found only while reading.
    police(dir, "2022-02-kent-stop-and-search.csv", "Type,When\nPerson search,2022-02-02\n");

    assertThat(run(good.toArray(new String[0]))).isEqualTo(ExitCodes.BAD_INPUT);

    assertThat(result.resolve("latest").toRealPath()).isEqualTo(published);
    assertThat(StoreTestFiles.contents(published)).isEqualTo(before);
    // The failed run's folder is gone; its attempt is recorded.
    try (var runs = Files.list(result.resolve("runs"))) {
      assertThat(runs.toList()).containsExactly(published);
    }
    assertThat(Files.readString(result.resolve("last-attempt.json")))
        .contains("\"outcome\":\"bad_input\"", "\"exit_code\":2", "\"published\":false");
  }

  @Test
  void theReadmeListsEveryCase() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> names = new ArrayList<>();
    ROW_CASES.forEach(c -> names.add(c.name()));
    CUSTODY_CASES.forEach(c -> names.add(c.name()));
    INPUT_CASES.forEach(c -> names.add(c.name()));
    names.add("exact duplicate police.uk row");
    names.add("header-only police.uk file");
    names.add("mapping whose date_format never matches");
    names.add("bad input on a second run into the same store");
    assertThat(names).hasSizeGreaterThanOrEqualTo(40);
    for (String name : names) {
      assertThat(readme).as(name).contains("| " + name + " |");
    }
  }

  /** The rejects table (Parquet) as file name to line to reason. */
  private static Map<String, Map<Long, String>> rejects(Path table) {
    Map<String, Map<Long, String>> byFile = new HashMap<>();
    for (org.apache.spark.sql.Row row :
        CommandLineTest.SHARED
            .open(null, Map.of())
            .read()
            .parquet(table.toString())
            .collectAsList()) {
      byFile
          .computeIfAbsent(fileName(row.getAs("source_file")), k -> new HashMap<>())
          .put(row.<Long>getAs("line_number"), row.getAs("reason"));
    }
    return byFile;
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private int run(String... args) {
    return Scrutineer.execute(
        new PrintWriter(out, true), new PrintWriter(err, true), CommandLineTest.SHARED, args);
  }
}
