package org.scrutineer.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scrutineer.pipeline.SparkTestBase;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.standardize.Records;

/**
 * The canonical use-of-force, custody and FPN formats: every rule with its line, header problems
 * named with the file, and the counting units (subject-incidents, repeat recipients).
 */
class PowerFormatsTest extends SparkTestBase {
  private static final ForceRegistry REGISTRY = ForceRegistry.builtIn();

  @TempDir Path dir;

  @Test
  void custodyRowsAreRejectedForEachRuleWithTheirLine() throws IOException {
    Path file =
        write(
            "custody.csv",
            "force,custody_id,date,detention_authorised,release_time,age,strip_searched,home_district",
            "kent,C1,2022-03-01T10:00,2022-03-01T10:30,2022-03-01T20:30,17,True,E07000105",
            "kent,,2022-03-01T10:00,,,30,False,",
            "kent,C3,2022-02-30T10:00,,,30,False,",
            "kent,C4,2022-03-01T10:00,yesterday,,30,False,",
            "kent,C5,2022-03-02T10:00,2022-03-02T10:30,2022-03-01T09:00,30,False,",
            "kent,C6,2022-03-01T10:00,,,17.5,False,",
            "kent,C7,2022-03-01T10:00,,,130,False,",
            "kent,C8,2022-03-01T10:00,,,30,Yes,",
            "kent,C9,2022-03-01T10:00,,,30,False,Leeds",
            "kent,C10,2022-03-01T10:00,,,30,False,outside_force",
            "atlantis,C11,2022-03-01T10:00,,,30,False,",
            ",C12,2022-03-01T10:00,,,30,False,",
            "kent,C13,2022-03-01T10:00,,,30,False,,extra");
    List<Row> rows = read(Power.CUSTODY, file);
    assertThat(reasons(rows))
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry(2L, "ok"),
                Map.entry(3L, "MISSING_REQUIRED"),
                Map.entry(4L, "INVALID_DATE"),
                Map.entry(5L, "INVALID_DATE"),
                Map.entry(6L, "INVALID_DURATION"),
                Map.entry(7L, "INVALID_NUMBER"),
                Map.entry(8L, "INVALID_NUMBER"),
                Map.entry(9L, "INVALID_BOOLEAN"),
                Map.entry(10L, "INVALID_DISTRICT"),
                Map.entry(11L, "ok"),
                Map.entry(12L, "UNKNOWN_FORCE"),
                Map.entry(13L, "MISSING_REQUIRED"),
                Map.entry(14L, "FIELD_COUNT")));
    Row good = line(rows, 2);
    assertThat(good.<Double>getAs(Columns.DURATION_HOURS)).isEqualTo(10.0);
    assertThat(good.<Boolean>getAs(Columns.CHILD)).isTrue();
    assertThat(good.<String>getAs(Columns.POWER)).isEqualTo("custody");
    assertThat(line(rows, 5).<String>getAs(Columns.REJECT_DETAIL))
        .contains("detention_authorised 'yesterday'");
    assertThat(line(rows, 11).<String>getAs(Columns.HOME_STATUS)).isEqualTo(Records.VISITOR);
  }

  @Test
  void useOfForceAndFpnRowsFollowTheirOwnRules() throws IOException {
    Path uof =
        write(
            "uof.csv",
            "force,incident_id,date,tactics,subject_injured",
            "kent,U1,2022-03-01T10:00,taser_drawn;laser_sword,True",
            "kent,,2022-03-01T10:00,,",
            "kent,U3,2022-03-01T10:00,,sometimes");
    List<Row> uofRows = read(Power.USE_OF_FORCE, uof);
    assertThat(reasons(uofRows))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(2L, "ok", 3L, "MISSING_REQUIRED", 4L, "INVALID_BOOLEAN"));
    Row unmapped = line(uofRows, 2);
    assertThat(unmapped.<Integer>getAs(Columns.SEVERITY_STEP)).isEqualTo(3);
    assertThat(unmapped.<String>getAs("tactics_status")).isEqualTo("unmapped");

    Path fpn =
        write(
            "fpn.csv",
            "force,notice_id,date,home_district,age",
            "kent,F1,2020-05-20,E07000105,19",
            "kent,,2020-05-20,,",
            "kent,F3,20/05/2020,,");
    assertThat(reasons(read(Power.FPN, fpn)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(2L, "ok", 3L, "MISSING_REQUIRED", 4L, "INVALID_DATE"));
  }

  @Test
  void anExportWithOneColumnPerTacticAndYesNoColumnsIsMapped() throws IOException {
    Path file =
        write(
            "met-uof.csv",
            "Ref,IncidentDate,Borough,SubjectAge,SubjectGender,SubjectEthnicity,Tactic 1,Tactic 2,"
                + "Tactic 3,Impact Factor: Alcohol,Impact Factor: Drugs",
            "U1,01/03/2022,E09000001,18-34,Male,Black,Handcuffing,Taser Drawn,,Yes,No",
            "U2,02/03/2022,E09000001,35-49,Female,White,,,,No,No");
    String json =
        """
        {"power": "use_of_force", "force": "metropolitan", "date_format": "dd/MM/yyyy",
         "columns": {"incident_id": "Ref", "date": "IncidentDate", "district": "Borough",
                     "age_range": "SubjectAge", "gender": "SubjectGender",
                     "officer_defined_ethnicity": "SubjectEthnicity"},
         "multi_columns": {"tactics": ["Tactic 1", "Tactic 2", "Tactic 3"],
                           "impact_factors": ["Impact Factor: Alcohol=alcohol",
                                              "Impact Factor: Drugs=drugs"]},
         "values": {"tactics": {"Handcuffing": "handcuffing_compliant",
                                "Taser Drawn": "taser_drawn"}}}
        """;
    ExtractMapping mapping =
        ExtractMapping.read(
            "met.json", new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    List<SourceFile> files = discover(Power.USE_OF_FORCE, file, List.of(mapping));
    List<Row> rows =
        Records.standardize(RawRecords.read(spark, files, REGISTRY), REGISTRY).collectAsList();
    Row first = line(rows, 2);
    assertThat(first.<String>getAs(Columns.REJECT_REASON)).isNull();
    assertThat(first.<String>getAs(Columns.TACTICS)).isEqualTo("handcuffing_compliant;taser_drawn");
    assertThat(first.<String>getAs(Columns.IMPACT_FACTORS)).isEqualTo("alcohol");
    assertThat(first.<Integer>getAs(Columns.SEVERITY_STEP)).isEqualTo(3);
    assertThat(first.<String>getAs(Columns.ETHNIC_GROUP)).isEqualTo("Black");
    Row none = line(rows, 3);
    assertThat(none.<String>getAs(Columns.TACTICS)).isNull();
    assertThat(none.<String>getAs("tactics_status")).isEqualTo("blank");
    assertThat(none.<Object>getAs(Columns.SEVERITY_STEP)).isNull();
    assertThatThrownBy(
            () ->
                ExtractMapping.read(
                    "bad.json",
                    new java.io.ByteArrayInputStream(
                        "{\"power\": \"use_of_force\", \"force\": \"kent\", \"columns\": {\"date\": \"D\"}, \"multi_columns\": {\"outcome\": [\"A\"]}}"
                            .getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining(
            "multi_columns field 'outcome' is not a several-code use_of_force field");
  }

  @Test
  void aCanonicalHeaderWithoutARequiredColumnOrWithAStrangeOneIsNamed() throws IOException {
    Path missing = write("missing.csv", "force,date,age", "kent,2022-03-01T10:00,30");
    assertThatThrownBy(() -> check(Power.CUSTODY, missing))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(missing.getFileName().toString())
        .hasMessageContaining("line 1")
        .hasMessageContaining("required column 'custody_id' is missing");
    Path strange =
        write("strange.csv", "force,custody_id,date,colour", "kent,C1,2022-03-01T10:00,blue");
    assertThatThrownBy(() -> check(Power.CUSTODY, strange))
        .hasMessageContaining("'colour' is not a custody field");
  }

  @Test
  void officerReportsOnOneSubjectAreOneSubjectIncident() throws IOException {
    Path file =
        write(
            "uof.csv",
            "force,incident_id,subject_id,date,age_range,gender,officer_defined_ethnicity,tactics,subject_injured",
            // Incident A, subject 1: three officers; together they reached taser_drawn (step 3).
            "kent,A,1,2022-03-01T10:00,18-34,Male,Black,handcuffing_compliant,False",
            "kent,A,1,2022-03-01T10:01,18-34,Male,Black,taser_drawn,True",
            "kent,A,1,2022-03-01T10:02,18-34,Male,Black,ground_restraint,False",
            // Incident A, subject 2: one officer.
            "kent,A,2,2022-03-01T10:03,18-34,Male,White,handcuffing_compliant,False",
            // Incident B, no subject id: two reports agreeing on the subject, one that does not.
            "kent,B,,2022-03-05T22:00,35-49,Female,White,escorting,False",
            "kent,B,,2022-03-05T22:05,35-49,Female,White,handcuffing_compliant,False",
            "kent,B,,2022-03-05T22:05,11-17,Male,White,handcuffing_compliant,False",
            // The same incident reference in another force is another incident.
            "essex,A,1,2022-03-01T10:00,18-34,Male,Black,handcuffing_compliant,False");
    Map<String, Long> totals = totals(read(Power.USE_OF_FORCE, file));
    assertThat(totals.get(EventCounts.RECORDS)).isEqualTo(8);
    assertThat(totals.get(EventCounts.EVENTS)).isEqualTo(5);
    assertThat(totals.get("reached_weapon_drawn")).isEqualTo(1);
    assertThat(totals.get("reached_physical")).isEqualTo(1);
    assertThat(totals.get("subject_injured")).isEqualTo(1);
    assertThat(totals.get("injury_known")).isEqualTo(5);
  }

  @Test
  void fpnRecipientsAreCountedOnceWithRepeatsFlagged() throws IOException {
    Path file =
        write(
            "fpn.csv",
            "force,notice_id,person_id,date",
            "kent,F1,P1,2020-04-01",
            "kent,F2,P1,2020-05-01",
            "kent,F3,P2,2020-05-02",
            "kent,F4,,2020-05-03");
    Map<String, Long> totals = totals(read(Power.FPN, file));
    assertThat(totals.get(EventCounts.EVENTS)).isEqualTo(4);
    assertThat(totals.get("recipients")).isEqualTo(2);
    assertThat(totals.get("repeat_recipients")).isEqualTo(1);
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private List<Row> read(Power power, Path file) {
    return Records.standardize(
            RawRecords.read(spark, discover(power, file, List.of()), REGISTRY), REGISTRY)
        .collectAsList();
  }

  /** Reads a file and throws the header problem the run would stop on. */
  private void check(Power power, Path file) {
    List<Row> rows = read(power, file);
    for (Row row : rows) {
      if (RawSchema.FILE_ERROR.equals(row.getAs(Columns.PARSE_ERROR))) {
        throw new InputException(row.getAs(Columns.PARSE_DETAIL));
      }
    }
  }

  /** Every measure summed over the accepted records, through the counting step. */
  private Map<String, Long> totals(List<Row> rows) {
    Dataset<Row> standardized =
        spark.createDataFrame(rows, rows.get(0).schema()).where("record_type = 'record'");
    Row sums =
        EventCounts.recordCounts(standardized)
            .where("reject_reason is null")
            .groupBy()
            .sum(EventCounts.MEASURE_NAMES.toArray(new String[0]))
            .collectAsList()
            .get(0);
    return EventCounts.MEASURE_NAMES.stream()
        .collect(
            Collectors.toMap(m -> m, m -> ((Number) sums.getAs("sum(" + m + ")")).longValue()));
  }

  private static Map<Long, String> reasons(List<Row> rows) {
    return MalformedInputTest.reasons(rows);
  }

  private static Row line(List<Row> rows, long line) {
    return rows.stream()
        .filter(r -> Long.valueOf(line).equals(r.getAs(Columns.LINE_NUMBER)))
        .findFirst()
        .orElseThrow();
  }
}
