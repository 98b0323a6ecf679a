package org.scrutineer.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scrutineer.pipeline.SparkTestBase;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;

/**
 * Every source-format reject reason, from real files, with its line number; and file-level errors.
 */
class MalformedInputTest extends SparkTestBase {
  private static final String HEADER = String.join(",", PoliceUkFormat.HEADER);
  private static final String GOOD =
      "Person search,2020-06-10T10:00:00+00:00,False,,51.2,0.3,Male,18-24,White - Irish,White,"
          + "Misuse of Drugs Act 1971 (section 23),Controlled drugs,Arrest,True,False";

  @TempDir Path dir;

  @Test
  void policeUkRowsAreRejectedWithTheirLineAndReason() throws IOException {
    Path file = dir.resolve("2020-06/2020-06-kent-stop-and-search.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        String.join(
                "\n",
                HEADER,
                GOOD,
                "Person search,2020-06-10T10:00:00+00:00,False",
                GOOD.replace("2020-06-10T10:00:00+00:00", "10/06/2020"),
                GOOD.replace("2020-06-10", "2020-09-10"),
                GOOD.replace("2020-06-10T10:00:00+00:00", "2020-05-31T23:30:00+00:00"),
                "",
                GOOD.replace("White - Irish", "\"White - Irish\"x"),
                GOOD.replace("Arrest", "\"Arrest"))
            + "\n");

    Map<Long, String> reasons = reasons(read(List.of(dir.toString()), List.of()));

    assertThat(reasons)
        .containsEntry(2L, "ok")
        .containsEntry(3L, "FIELD_COUNT")
        .containsEntry(4L, "INVALID_DATE")
        .containsEntry(5L, "DATE_OUTSIDE_FILE_MONTH")
        .containsEntry(6L, "ok") // 23:30 UTC on 31 May is 00:30 BST on 1 June
        .containsEntry(7L, "BLANK_LINE")
        .containsEntry(8L, "MALFORMED_QUOTE")
        .containsEntry(9L, "UNTERMINATED_QUOTE")
        .hasSize(8);
  }

  @Test
  void aStrayQuoteMidFileRejectsOneLineAndEveryLineReconciles() throws IOException {
    Path file = dir.resolve("2020-06/2020-06-kent-stop-and-search.csv");
    Files.createDirectories(file.getParent());
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int line = 2; line <= 40; line++) {
      text.append(line == 10 ? GOOD.replace("Arrest", "\"Arrest") : GOOD).append('\n');
    }
    Files.writeString(file, text);

    List<Row> rows = read(List.of(dir.toString()), List.of());
    Map<Long, String> reasons = reasons(rows);

    assertThat(reasons).hasSize(39).containsEntry(10L, "UNTERMINATED_QUOTE");
    assertThat(reasons.values().stream().filter(r -> r.equals("ok"))).hasSize(38);
    Row summary = summary(rows);
    assertThat(summary.<Long>getAs(Columns.FILE_LINES)).isEqualTo(40);
    assertThat(summary.<Long>getAs(Columns.FILE_ROWS)).isEqualTo(39);
    assertThat(summary.<String>getAs(Columns.PARSE_DETAIL)).isNull();
    // Every data row is identical to the first: counted as duplicates, never dropped.
    assertThat(summary.<Long>getAs(Columns.FILE_DUPLICATE_ROWS)).isEqualTo(37);
  }

  @Test
  void aRepeatedCustodyRecordIsRejectedAfterItsFirstOccurrence() throws IOException {
    Path file = dir.resolve("custody.csv");
    Files.writeString(
        file,
        String.join(
                "\n",
                "force,custody_id,date",
                "kent,C1,2022-03-01T10:00",
                "kent,C2,2022-03-02T10:00",
                "kent,C1,2022-03-03T10:00",
                "essex,C1,2022-03-03T10:00")
            + "\n");

    Map<Long, String> reasons = reasons(read(Power.CUSTODY, List.of(file.toString())));

    assertThat(reasons)
        .containsEntry(2L, "ok")
        .containsEntry(3L, "ok")
        .containsEntry(4L, "DUPLICATE_ID")
        .containsEntry(5L, "ok"); // another force's C1 is another record
  }

  @Test
  void aLocalTimeInTheSpringGapIsAnInvalidDate() throws IOException {
    Path file = dir.resolve("custody.csv");
    Files.writeString(
        file, "force,custody_id,date\nkent,C1,2022-03-27T01:30\nkent,C2,2022-10-30T01:30\n");

    List<Row> rows = read(Power.CUSTODY, List.of(file.toString()));

    assertThat(reasons(rows)).containsEntry(2L, "INVALID_DATE").containsEntry(3L, "ok");
    assertThat(
            rows.stream()
                .filter(r -> Long.valueOf(2).equals(r.getAs(Columns.LINE_NUMBER)))
                .findFirst()
                .orElseThrow()
                .<String>getAs(Columns.REJECT_DETAIL))
        .contains("does not exist in Europe/London");
  }

  @Test
  void extractRowsAreMappedAndRejectedByTheirOwnRules() throws IOException {
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(
        mapping,
        """
        {"file_pattern": "force-*.csv",
         "date_format": "dd/MM/yyyy",
         "columns": {"date": "When", "force": "Force", "self_defined_ethnicity": "SDE", "district": "LA"},
         "values": {"force": {"KENT": "kent"}},
         "defaults": {"type": "Person search"}}
        """);
    Path file = dir.resolve("force-export.csv");
    Files.writeString(
        file,
        "When,Force,SDE,LA\n"
            + "10/06/2020,KENT,B2,E07000110\n"
            + "31/02/2020,KENT,W1,E07000110\n"
            + ",KENT,W1,E07000110\n"
            + "10/06/2020,Atlantis,W1,E07000110\n"
            + "10/06/2020,kent,W1,Maidstone\n");
    ExtractMapping parsed = ExtractMapping.read(mapping.toString(), Files.newInputStream(mapping));

    List<Row> rows = read(List.of(file.toString()), List.of(parsed));
    Map<Long, String> reasons = reasons(rows);

    assertThat(reasons)
        .containsEntry(2L, "ok")
        .containsEntry(3L, "INVALID_DATE")
        .containsEntry(4L, "MISSING_REQUIRED")
        .containsEntry(5L, "UNKNOWN_FORCE")
        .containsEntry(6L, "INVALID_DISTRICT");
    Row good =
        rows.stream()
            .filter(r -> r.<Long>getAs(Columns.LINE_NUMBER) == 2L)
            .findFirst()
            .orElseThrow();
    assertThat(good.<String>getAs(Columns.FORCE)).isEqualTo("kent");
    assertThat(good.<String>getAs(Columns.MONTH)).isEqualTo("2020-06");
    assertThat(good.<String>getAs(Columns.ETHNIC_GROUP)).isEqualTo("Black");
    assertThat(good.<String>getAs(Columns.TYPE)).isEqualTo("Person search");
  }

  @Test
  void aWrongHeaderIsReportedWithTheFileName() throws IOException {
    Path file = dir.resolve("2020-06-kent-stop-and-search.csv");
    Files.writeString(file, "Type,Date\nPerson search,2020-06-10T10:00:00+00:00\n");

    List<Row> rows = read(List.of(file.toString()), List.of());

    Row summary =
        rows.stream()
            .filter(r -> RawSchema.FILE.equals(r.getAs(Columns.RECORD_TYPE)))
            .findFirst()
            .orElseThrow();
    assertThat(summary.<String>getAs(Columns.PARSE_ERROR)).isEqualTo(RawSchema.FILE_ERROR);
    assertThat(summary.<String>getAs(Columns.PARSE_DETAIL))
        .contains("2020-06-kent-stop-and-search.csv line 1")
        .contains("not the data.police.uk stop-and-search header");
  }

  @Test
  void aLineWithBytesThatAreNotUtf8IsRejectedAndTheRestOfTheFileRead() throws IOException {
    Path file = dir.resolve("2020-06-kent-stop-and-search.csv");
    byte[] bad = GOOD.replace("White - Irish", "White - Irish?").getBytes(StandardCharsets.UTF_8);
    bad[new String(bad, StandardCharsets.UTF_8).indexOf('?')] = (byte) 0x96; // a Windows-1252 dash
    Files.write(file, (HEADER + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(file, bad, StandardOpenOption.APPEND);
    Files.write(
        file,
        ("\n" + GOOD.replace("White - Irish", "White \uFFFD Irish") + "\n")
            .getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    Map<Long, String> reasons = reasons(read(List.of(file.toString()), List.of()));

    // A genuine U+FFFD in valid UTF-8 is text, not a fault.
    assertThat(reasons)
        .containsEntry(2L, "ok")
        .containsEntry(3L, "INVALID_ENCODING")
        .containsEntry(4L, "ok");
  }

  @Test
  void unknownForceInAFileNameAndUnmatchedFilesFailDiscovery() throws IOException {
    Path unknown = dir.resolve("2020-06-atlantis-stop-and-search.csv");
    Files.writeString(unknown, HEADER + "\n");
    Path other = dir.resolve("notes.csv");
    Files.writeString(other, "a\n");
    ForceRegistry registry = ForceRegistry.builtIn();

    assertThatThrownBy(() -> discover(List.of(unknown.toString()), registry))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Unknown force 'atlantis'");
    assertThatThrownBy(() -> discover(List.of(other.toString()), registry))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("neither a data.police.uk file");
    assertThatThrownBy(() -> discover(List.of(dir.resolve("nope").toString()), registry))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Input not found");
  }

  @Test
  void filesThatLookLikeDataButMatchNoNameStopTheRunUnlessIgnored() throws IOException {
    Path month = dir.resolve("2020-06");
    Files.createDirectories(month);
    Files.writeString(month.resolve("2020-06-kent-stop-and-search.csv"), HEADER + "\n" + GOOD);
    List<String> lookalikes =
        List.of(
            "2020-13-kent-stop-and-search.csv",
            "2020-06-kent-stop-and-search (1).csv",
            "2020-06-kent-stop-and-search.CSV",
            "2020-06-kent-stp-and-search.csv");
    for (String name : lookalikes) {
      Files.writeString(month.resolve(name), HEADER + "\n" + GOOD);
    }
    Files.writeString(month.resolve("2020-06-kent-street.csv"), "Crime ID\n");
    Files.writeString(dir.resolve("README.txt"), "notes\n");
    ForceRegistry registry = ForceRegistry.builtIn();

    assertThatThrownBy(() -> discover(List.of(dir.toString()), registry))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("4 files look like stop-and-search data")
        .hasMessageContaining("--ignore-unrecognised-files")
        .satisfies(e -> lookalikes.forEach(n -> assertThat(e.getMessage()).contains(n)))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("street", "README"));

    InputDiscovery.Discovered found =
        InputDiscovery.discover(
            Map.of(Power.STOP_SEARCH, List.of(dir.toString())),
            List.of(),
            registry,
            spark.sparkContext().hadoopConfiguration(),
            null,
            null,
            true);
    assertThat(found.files()).hasSize(1);
    assertThat(found.ignored()).hasSize(6);
  }

  @Test
  void twoFilesForOneForceAndMonthFailRatherThanDoubleCount() throws IOException {
    for (String folder : List.of("a", "b")) {
      Path file = dir.resolve(folder + "/2020-06-kent-stop-and-search.csv");
      Files.createDirectories(file.getParent());
      Files.writeString(file, HEADER + "\n");
    }
    assertThatThrownBy(() -> discover(List.of(dir.toString()), ForceRegistry.builtIn()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Two files for force kent month 2020-06");
  }

  private InputDiscovery.Discovered discover(List<String> paths, ForceRegistry registry) {
    return InputDiscovery.discover(
        Map.of(Power.STOP_SEARCH, paths),
        List.of(),
        registry,
        spark.sparkContext().hadoopConfiguration(),
        null,
        null);
  }

  private static Row summary(List<Row> rows) {
    return rows.stream()
        .filter(r -> RawSchema.FILE.equals(r.getAs(Columns.RECORD_TYPE)))
        .findFirst()
        .orElseThrow();
  }

  private List<Row> read(List<String> paths, List<ExtractMapping> mappings) {
    return read(Power.STOP_SEARCH, paths, mappings);
  }

  private List<Row> read(Power power, List<String> paths) {
    return read(power, paths, List.of());
  }

  private List<Row> read(Power power, List<String> paths, List<ExtractMapping> mappings) {
    ForceRegistry registry = ForceRegistry.builtIn();
    InputDiscovery.Discovered found =
        InputDiscovery.discover(
            Map.of(power, paths),
            mappings,
            registry,
            spark.sparkContext().hadoopConfiguration(),
            null,
            null);
    return org.scrutineer.pipeline.standardize.Records.standardize(
            RawRecords.read(spark, found.files(), registry), registry)
        .collectAsList();
  }

  /** Each record's line number and reject reason ({@code ok} when accepted). */
  static Map<Long, String> reasons(List<Row> rows) {
    return rows.stream()
        .filter(r -> RawSchema.RECORD.equals(r.getAs(Columns.RECORD_TYPE)))
        .collect(
            Collectors.toMap(
                r -> r.<Long>getAs(Columns.LINE_NUMBER),
                r ->
                    r.getAs(Columns.REJECT_REASON) == null
                        ? "ok"
                        : r.getAs(Columns.REJECT_REASON)));
  }
}
