package org.scrutineer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.disclosure.PanelAttack;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.samples.GroundTruth;
import org.scrutineer.samples.SyntheticArea;
import org.scrutineer.samples.SyntheticForce;
import org.scrutineer.samples.SyntheticSample;

/**
 * Runs the whole pipeline on generated data whose truth is known: the counts it must reproduce
 * exactly, the planted ratios its intervals must cover, the planted malformed rows it must reject
 * and the missing month it must flag.
 */
class EndToEndTest extends SparkTestBase {
  private static final String FY = SampleRun.FY;
  private static final Predicate<String> IN_FY = SampleRun.IN_FY;

  private static SampleRun run;
  private static Path dir;
  private static GroundTruth truth;
  private static RunResult result;
  private static List<Row> disproportionality;
  private static List<Row> outcomes;
  private static List<Row> missing;
  private static List<Row> coverage;
  private static List<Row> rejects;

  @BeforeAll
  static void runPipeline() {
    run = SampleRun.get();
    dir = run.dir;
    truth = run.truth;
    result = run.result;
    disproportionality = stopSearch(run.table("disproportionality"));
    outcomes = stopSearch(run.table("outcomes"));
    missing = stopSearch(run.table("missing_data"));
    coverage = stopSearch(run.table("coverage"));
    rejects = run.table("rejects");
  }

  /** Stop-and-search rows on the place-of-event basis (where the table has a basis). */
  private static List<Row> stopSearch(List<Row> rows) {
    return rows.stream()
        .filter(r -> r.getAs("power").equals("stop_search"))
        .filter(
            r ->
                java.util.Arrays.asList(r.schema().fieldNames()).indexOf("basis") < 0
                    || r.getAs("basis").equals("place_of_event"))
        .toList();
  }

  @Test
  void everyRowReadIsAcceptedOrRejectedAndEveryPlantedMalformedRowIsRejectedForItsReason() {
    assertThat(result.rowsRead()).isEqualTo(result.rowsAccepted() + result.rowsRejected());
    assertThat(result.rowsRejected()).isEqualTo(truth.rejects().size());
    Set<String> found =
        rejects.stream()
            .map(
                r ->
                    relative(r.getAs("source_file"))
                        + "|"
                        + r.getAs("line_number")
                        + "|"
                        + r.getAs("reason"))
            .collect(Collectors.toSet());
    assertThat(found).containsExactlyInAnyOrderElementsOf(truth.rejects());
    assertThat(rejects).allSatisfy(r -> assertThat((String) r.getAs("raw_text")).isNotBlank());
  }

  @Test
  void forceEventsByGroupEqualTheDrawnCountsExactly() {
    for (SyntheticForce force : truth.forces()) {
      for (EthnicGroup group : EthnicGroup.values()) {
        long expected =
            GroundTruth.sum(truth.personSearches(), force.slug(), null, IN_FY, group.label());
        assertThat(
                cell(disproportionality, "force", force.code(), FY, group.label())
                    .<Long>getAs("events"))
            .as("%s %s", force.slug(), group)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void monthlyCountsFollowTheFileMonthAcrossTheSummerTimeBoundary() {
    // Searches just after midnight on the 1st of a summer month carry the previous day's UTC date.
    for (String month : List.of("2022-04", "2022-07", "2022-10")) {
      long expected =
          GroundTruth.sum(truth.personSearches(), "northmoor", null, month::equals, null);
      assertThat(cell(disproportionality, "force", "E23900001", month, "All").<Long>getAs("events"))
          .isEqualTo(expected);
    }
  }

  @Test
  void plantedRatiosLieWithinTheirExactIntervals() {
    for (SyntheticForce force : truth.forces()) {
      SyntheticArea first = force.districts().get(0);
      for (EthnicGroup group : List.of(EthnicGroup.BLACK, EthnicGroup.ASIAN, EthnicGroup.MIXED)) {
        boolean sameEverywhere =
            force.districts().stream()
                .allMatch(d -> d.ratios().get(group).equals(first.ratios().get(group)));
        if (sameEverywhere) {
          assertCovers(
              cell(disproportionality, "force", force.code(), FY, group.label()),
              first.ratios().get(group));
        }
      }
    }
    for (SyntheticArea district : truth.forces().get(2).districts()) {
      Row black = cell(disproportionality, "district", district.code(), FY, "Black");
      assertCovers(black, district.ratios().get(EthnicGroup.BLACK));
    }
  }

  @Test
  void whiteRatesRecoverThePlantedRateLessTheHiddenShare() {
    for (SyntheticForce force : truth.forces()) {
      Row white = cell(disproportionality, "force", force.code(), FY, "White");
      double planted =
          force.districts().get(0).whiteRatePer1000()
              * (1 - SyntheticSample.Settings.SAMPLE.hiddenShare());
      assertThat(planted)
          .isBetween(white.<Double>getAs("rate_ci_low"), white.<Double>getAs("rate_ci_high"));
    }
  }

  @Test
  void theMissingMonthIsFlaggedAndNeverAZero() {
    Row august =
        coverage.stream()
            .filter(r -> r.getAs("force").equals("southvale") && r.getAs("month").equals("2022-08"))
            .findFirst()
            .orElseThrow();
    assertThat(august.<Boolean>getAs("submitted")).isFalse();
    assertThat(august.<Object>getAs("rows_accepted")).isNull();
    assertThat(
            disproportionality.stream()
                .filter(
                    r ->
                        r.getAs("period").equals("2022-08")
                            && r.getAs("force").equals("southvale")))
        .isEmpty();
    Row year = cell(disproportionality, "force", "E23900002", FY, "Black");
    assertThat(year.<Integer>getAs("months_submitted")).isEqualTo(11);
    assertThat(year.<Boolean>getAs("period_complete")).isFalse();
    Row whole = cell(disproportionality, "force", "E23900001", FY, "Black");
    assertThat(whole.<Boolean>getAs("period_complete")).isTrue();
    // Annualised over the 11 submitted months.
    assertThat(year.<Double>getAs("exposure_person_years"))
        .isCloseTo(year.<Long>getAs("population") * 11 / 12.0, within(1e-6));
  }

  @Test
  void missingEthnicityIsCountedWithNotStatedApartFromBlank() {
    for (SyntheticForce force : truth.forces()) {
      Row row =
          missing.stream()
              .filter(
                  r ->
                      r.getAs("area_code").equals(force.code())
                          && r.getAs("period").equals(FY)
                          && r.getAs("field").equals("self_defined_ethnicity"))
              .findFirst()
              .orElseThrow();
      assertThat(row.<Long>getAs("not_stated"))
          .isEqualTo(forceMonthSum(truth.notStated(), force.slug()));
      assertThat(row.<Long>getAs("blank"))
          .isEqualTo(forceMonthSum(truth.blankEthnicity(), force.slug()));
      assertThat(row.<Long>getAs("unmapped"))
          .isEqualTo(forceMonthSum(truth.unmappedEthnicity(), force.slug()));
      long unknown = cell(disproportionality, "force", force.code(), FY, "Unknown").getAs("events");
      assertThat(row.<Long>getAs("missing")).isEqualTo(unknown);
    }
  }

  @Test
  void outcomeCountsEqualTheDrawnOutcomes() {
    for (SyntheticForce force : truth.forces()) {
      for (EthnicGroup group : EthnicGroup.KNOWN) {
        Row arrests = outcome(force.code(), group.label(), "arrest_rate");
        assertThat(arrests.<Long>getAs("numerator"))
            .isEqualTo(GroundTruth.sum(truth.arrests(), force.slug(), null, IN_FY, group.label()));
        assertThat(arrests.<Double>getAs("denominator"))
            .isEqualTo(
                (double)
                    GroundTruth.sum(
                        truth.personSearches(), force.slug(), null, IN_FY, group.label()));
        Row finds = outcome(force.code(), group.label(), "linked_find_rate");
        assertThat(finds.<Long>getAs("numerator"))
            .isEqualTo(
                GroundTruth.sum(truth.linkedFinds(), force.slug(), null, IN_FY, group.label()));
        Row action = outcome(force.code(), group.label(), "any_action_rate");
        assertThat(action.<Double>getAs("denominator"))
            .isEqualTo(
                (double)
                    GroundTruth.sum(
                        truth.outcomeKnown(), force.slug(), null, IN_FY, group.label()));
      }
      // Planted arrest share: 9% for Black people against 14% for White people.
      Row black = outcome(force.code(), "Black", "arrest_rate");
      if (black.getAs("ratio") != null) {
        assertThat(black.<String>getAs("ratio_method")).isEqualTo("katz");
        assertThat(9 / 14.0)
            .isBetween(black.<Double>getAs("ratio_ci_low"), black.<Double>getAs("ratio_ci_high"));
      } else {
        assertThat(black.<Long>getAs("numerator")).isLessThan(10);
      }
    }
  }

  private static Row outcome(String area, String group, String measure) {
    List<Row> found =
        outcomes.stream()
            .filter(
                r ->
                    r.getAs("geography_level").equals("force")
                        && r.getAs("area_code").equals(area)
                        && r.getAs("period").equals(FY)
                        && r.getAs("ethnic_group").equals(group)
                        && r.getAs("measure").equals(measure))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void districtsOfTheExtractAreReportedWithTheirOwnDenominators() {
    for (SyntheticArea district : truth.forces().get(2).districts()) {
      Row white = cell(disproportionality, "district", district.code(), FY, "White");
      assertThat(white.<Long>getAs("population"))
          .isEqualTo(district.population().get(EthnicGroup.WHITE));
      assertThat(white.<Long>getAs("events"))
          .isEqualTo(
              GroundTruth.sum(
                  truth.personSearches(), "eastmarch", district.code(), IN_FY, "White"));
      assertThat((String) white.getAs("area_name")).isEqualTo(district.name());
    }
  }

  @Test
  void policeUkRecordsArePlacedInDistrictsAndTheUnplacedReconcileTheForce() {
    for (SyntheticForce force : truth.forces().subList(0, 2)) {
      long districts = 0;
      for (SyntheticArea district : force.districts()) {
        Row white = cell(disproportionality, "district", district.code(), FY, "White");
        assertThat(white.<Long>getAs("events"))
            .as("%s White", district.name())
            .isEqualTo(
                GroundTruth.sum(
                    truth.personSearches(), force.slug(), district.code(), IN_FY, "White"));
        districts +=
            cell(disproportionality, "district", district.code(), FY, "All").<Long>getAs("events");
      }
      Row unknown = cell(disproportionality, "district", "UNKNOWN", FY, "All", force.slug());
      assertThat(unknown.<Long>getAs("events"))
          .isEqualTo(GroundTruth.sum(truth.personSearches(), force.slug(), "UNKNOWN", IN_FY, null));
      assertThat(unknown.<Object>getAs("population")).isNull();
      long total = cell(disproportionality, "force", force.code(), FY, "All").getAs("events");
      assertThat(districts + unknown.<Long>getAs("events")).isEqualTo(total);
      // A Community Safety Partnership sums its districts.
      SyntheticArea first = force.districts().get(0);
      assertThat(cell(disproportionality, "csp", first.cspCode(), FY, "All").<Long>getAs("events"))
          .isEqualTo(
              cell(disproportionality, "district", first.code(), FY, "All").<Long>getAs("events"));
    }
    List<Row> quality = run.table("geo_quality");
    for (String status : List.of("no_coordinates", "outside_districts", "outside_force")) {
      long counted =
          quality.stream()
              .filter(r -> r.getAs("force").equals("northmoor") && IN_FY.test(r.getAs("month")))
              .mapToLong(r -> r.<Long>getAs(status))
              .sum();
      assertThat(counted)
          .as(status)
          .isEqualTo(forceMonthSum(truth.geo().get(status), "northmoor"))
          .isPositive();
    }
    assertThat(quality)
        .allSatisfy(
            r ->
                assertThat(
                        r.<Long>getAs("given")
                            + r.<Long>getAs("assigned")
                            + r.<Long>getAs("outside_force")
                            + r.<Long>getAs("outside_districts")
                            + r.<Long>getAs("no_coordinates")
                            + r.<Long>getAs("not_placed"))
                    .isEqualTo(r.<Long>getAs("records")));
  }

  @Test
  void everyPublishedRatioHasItsMissingEthnicityBoundsAndAQValue() {
    List<Row> all = new ArrayList<>(run.table("disproportionality"));
    all.addAll(run.table("outcomes"));
    all.addAll(run.table("stages"));
    for (Row row : disproportionality) {
      if (row.getAs("ratio") != null) {
        double ratio = row.getAs("ratio");
        assertThat(row.<Double>getAs("ratio_unknown_to_reference")).isLessThanOrEqualTo(ratio);
        assertThat(row.<Double>getAs("ratio_unknown_to_group")).isGreaterThanOrEqualTo(ratio);
      }
    }
    long tests = all.stream().filter(r -> r.getAs("p_value") != null).count();
    assertThat(tests).isPositive();
    List<Double[]> family = new ArrayList<>();
    for (Row row : all) {
      family.add(new Double[] {row.getAs("p_value"), row.getAs("q_value")});
    }
    // The outcome test's find-rate comparisons are in the same family, by their Fisher p-value.
    List<Row> outcomeTests = run.table("outcome_test");
    assertThat(outcomeTests.stream().filter(r -> r.getAs("fisher_p") != null)).isNotEmpty();
    for (Row row : outcomeTests) {
      family.add(new Double[] {row.getAs("fisher_p"), row.getAs("q_value")});
    }
    for (Double[] pq : family) {
      assertThat(pq[1] == null).isEqualTo(pq[0] == null);
      if (pq[0] != null) {
        assertThat(pq[1]).isBetween(pq[0], 1.0);
      }
    }
    // BH: q-values are monotone in p over the whole family.
    family.removeIf(pq -> pq[0] == null);
    family.sort(java.util.Comparator.comparing(pq -> pq[0]));
    for (int i = 1; i < family.size(); i++) {
      assertThat(family.get(i)[1]).isGreaterThanOrEqualTo(family.get(i - 1)[1]);
    }
  }

  @Test
  void officerAndSelfDefinedEthnicityAreComparedSideBySide() {
    List<Row> agreement = run.table("ethnicity_agreement");
    for (SyntheticForce force : truth.forces()) {
      for (EthnicGroup group : List.of(EthnicGroup.BLACK, EthnicGroup.ASIAN)) {
        Row row =
            agreement.stream()
                .filter(
                    r ->
                        r.getAs("geography_level").equals("force")
                            && r.getAs("area_code").equals(force.code())
                            && r.getAs("period").equals(FY)
                            && r.getAs("ethnic_group").equals(group.label()))
                .findFirst()
                .orElseThrow();
        Row ratio = cell(disproportionality, "force", force.code(), FY, group.label());
        assertThat(row.<Long>getAs("self_defined_events")).isEqualTo(ratio.<Long>getAs("events"));
        assertThat(row.<Double>getAs("ratio_self")).isEqualTo(ratio.<Double>getAs("ratio"));
        assertThat(row.<Long>getAs("self_else_officer_events"))
            .isGreaterThanOrEqualTo(row.<Long>getAs("self_defined_events"));
        // Planted: the officer records the true group 90% of the time, else a group drawn at
        // random from five, so the two agree on 92% of searches with both known.
        assertThat(row.<Double>getAs("agreement")).isCloseTo(0.92, within(0.03));
        assertThat(row.<Double>getAs("kappa_ci_low")).isLessThan(row.getAs("kappa"));
        long matrixRow = 0;
        for (String officer : List.of("white", "black", "asian", "mixed", "other", "unknown")) {
          matrixRow += row.<Long>getAs("officer_" + officer);
        }
        assertThat(matrixRow).isEqualTo(row.<Long>getAs("self_defined_events"));
        assertThat(row.<Long>getAs("officer_" + group.label().toLowerCase(java.util.Locale.ROOT)))
            .isEqualTo(row.<Long>getAs("both_in_group"));
      }
    }
  }

  @Test
  void brackwatersPlantedBlackRatioStandsOutOfItsForcesFunnel() {
    // Planted: Black searches in Brackwater at 6.0 times the White rate, 2.5 elsewhere in
    // Eastmarch.
    SyntheticArea brackwater = truth.forces().get(2).districts().get(2);
    Row black = cell(disproportionality, "district", brackwater.code(), FY, "Black");
    assertThat(black.<String>getAs("funnel_position")).isEqualTo("above_99.8");
    assertThat(black.<Double>getAs("funnel_target"))
        .isEqualTo(
            cell(disproportionality, "force", "E23900003", FY, "Black").<Double>getAs("ratio"));
    SyntheticArea marshfield = truth.forces().get(2).districts().get(1);
    Row ordinary = cell(disproportionality, "district", marshfield.code(), FY, "Black");
    assertThat(ordinary.<String>getAs("funnel_position")).isIn("within", "below_95", "below_99.8");
    assertThat(
            cell(disproportionality, "force", "E23900003", FY, "Black")
                .<Object>getAs("funnel_position"))
        .isNull();
  }

  @Test
  void yearOnYearChangesCompareWithThePreviousYearAndFlagIncompleteYears() {
    Row now = cell(disproportionality, "force", "E23900001", FY, "Black");
    Row before = cell(disproportionality, "force", "E23900001", "2021-22", "Black");
    assertThat(now.<Double>getAs("ratio_change"))
        .isCloseTo(now.<Double>getAs("ratio") / before.<Double>getAs("ratio"), within(1e-12));
    // 2021-22 has only January to March in the sample: not like for like.
    assertThat(now.<String>getAs("series_break")).isEqualTo("submission_change");
    // The planted ratio does not change between the years.
    assertThat(1.0)
        .isBetween(
            now.<Double>getAs("ratio_change_ci_low"), now.<Double>getAs("ratio_change_ci_high"));
    assertThat(before.<Object>getAs("ratio_change")).isNull();
  }

  @Test
  void thePanelTablesHideSmallCountsSoNoneCanBeRecoveredByAnAttacker() throws IOException {
    // An outsider with the panel files, the README and the public lookup derives every relation
    // on its own and propagates them to a fixed point (PanelAttack); the truth (the unsuppressed
    // analyst tables) tells whether what it concludes is right.
    Path out = run.dir.resolve("out");
    PanelAttack.Report report =
        PanelAttack.attack(
            out.resolve("panel"),
            out,
            run.dir.resolve("in/population/lad22-csp22-pfa22-lookup-synthetic.csv"),
            10,
            20);
    assertThat(report.hidden()).isPositive();
    assertThat(report.relations())
        .as("every kind of relation is derived")
        .containsKeys(
            "groups",
            "districts->force",
            "districts->csp",
            "csps->force",
            "months->year",
            "equal",
            "share",
            "ladder",
            "disposals");
    assertThat(report.falseRelations()).as("%s", report.examples()).isZero();
    assertThat(report.recovered()).as("%s", report.examples()).isZero();
    assertThat(report.narrow()).as("%s", report.examples()).isZero();
    List<List<String>> dispro = run.csvLines("panel/disproportionality");
    int events = dispro.get(0).indexOf("events");
    int flag = dispro.get(0).indexOf("flag");
    for (List<String> line : dispro.subList(1, dispro.size())) {
      String value = line.get(events);
      if (value.equals("[c]")) {
        assertThat(line.get(flag)).isEqualTo("suppressed");
      } else {
        assertThat(Long.parseLong(value))
            .satisfiesAnyOf(
                v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThanOrEqualTo(10L));
      }
    }
  }

  @Test
  void smallNumbersAreFlaggedAndNeverPublishedAsRatios() {
    for (Row row : disproportionality) {
      long events = row.getAs("events");
      long reference = row.getAs("reference_events");
      if (row.getAs("ratio") != null) {
        assertThat(Math.min(events, reference)).isGreaterThanOrEqualTo(10);
        assertThat(row.<Double>getAs("ratio_ci_low")).isNotNull();
        assertThat(row.<String>getAs("flag")).isIn("ok", "u");
      }
      if (events < 3) {
        assertThat(row.<Object>getAs("rate_per_1000")).isNull();
        assertThat(row.<String>getAs("flag")).isEqualTo("rate_suppressed");
      }
    }
  }

  @Test
  void manifestRecordsInputsWithHashesAndTheReconciliation() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(Files.readString(Path.of(result.manifest())));
    assertThat(manifest.at("/reconciliation/reconciled").asBoolean()).isTrue();
    assertThat(manifest.at("/reconciliation/rows_read").asLong()).isEqualTo(result.rowsRead());
    assertThat(manifest.get("inputs")).hasSize(truth.files().size());
    for (JsonNode input : manifest.get("inputs")) {
      assertThat(input.get("sha256").asText()).hasSize(64);
      assertThat(input.get("rows_read").asLong())
          .isEqualTo(input.get("rows_accepted").asLong() + input.get("rows_rejected").asLong());
    }
    assertThat(manifest.at("/unmapped_values/0/value").asText()).isEqualTo("White - Cornish");
    assertThat(Files.readString(dir.resolve("out/csv/disproportionality/northmoor.csv")))
        .startsWith("\uFEFFpower,");
  }

  @Test
  void recordTableKeepsRawValuesBesideTheMappedOnes() {
    org.apache.spark.sql.Dataset<Row> records =
        session().read().parquet(dir.resolve("out/restricted/records/data").toString());
    // As stored: the records table's columns with each row's file key for its file index, and the
    // row's hash.
    java.util.List<String> stored =
        new java.util.ArrayList<>(
            java.util.List.of(
                org.scrutineer.pipeline.schema.OutputSchemas.RECORDS_SCHEMA.fieldNames()));
    stored.remove("file_index");
    stored.add("file_key");
    stored.add("row_hash");
    assertThat(records.schema().fieldNames()).containsExactlyInAnyOrderElementsOf(stored);
    assertThat(records.where("record_type = 'record'").count()).isEqualTo(result.rowsRead());
    assertThat(records.where("record_type = 'file'").count()).isEqualTo(truth.files().size());
    Row cornish =
        records.where("self_defined_ethnicity = 'White - Cornish'").collectAsList().get(0);
    assertThat(cornish.<String>getAs("ethnic_group")).isEqualTo("Unknown");
    assertThat(cornish.<String>getAs("self_defined_ethnicity_status")).isEqualTo("unmapped");
    Row coded =
        records
            .where("self_defined_ethnicity = 'B2' and power = 'stop_search'")
            .collectAsList()
            .get(0);
    assertThat(coded.<String>getAs("ethnic_group")).isEqualTo("Black");
    assertThat(coded.<String>getAs("district")).startsWith("E0");
  }

  private static long forceMonthSum(java.util.Map<String, Long> counts, String force) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().startsWith(force + "|") && IN_FY.test(e.getKey().split("\\|")[1]))
        .mapToLong(java.util.Map.Entry::getValue)
        .sum();
  }

  private static void assertCovers(Row row, double planted) {
    SampleRun.assertCovers(row, planted);
  }

  private static Row cell(List<Row> rows, String level, String area, String period, String group) {
    return cell(rows, level, area, period, group, null);
  }

  private static Row cell(
      List<Row> rows, String level, String area, String period, String group, String force) {
    List<Row> found = new ArrayList<>();
    for (Row r : rows) {
      if (r.getAs("geography_level").equals(level)
          && (force == null || r.getAs("force").equals(force))
          && r.getAs("area_code").equals(area)
          && r.getAs("period").equals(period)
          && r.getAs("ethnic_group").equals(group)) {
        found.add(r);
      }
    }
    assertThat(found).as("%s %s %s %s", level, area, period, group).hasSize(1);
    return found.get(0);
  }

  private static String relative(String path) {
    String prefix = dir.resolve("in").toUri().getPath();
    String p = path.replaceFirst("^file:", "");
    return p.startsWith(prefix) ? p.substring(prefix.length()) : p;
  }
}
