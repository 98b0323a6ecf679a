package org.scrutineer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.scrutineer.pipeline.SampleRun.FY;
import static org.scrutineer.pipeline.SampleRun.assertCovers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.samples.GroundTruth;
import org.scrutineer.samples.PlantedPowers;
import org.scrutineer.samples.SyntheticArea;
import org.scrutineer.samples.SyntheticForce;

/**
 * Use of force, custody and FPNs end to end on the generated sample: the pipeline must reproduce
 * the drawn counts exactly (after de-duplicating officer reports and reading Southvale's custody
 * export through its mapping), and its 99.9% intervals must cover the planted ratios.
 */
class PowersEndToEndTest extends SparkTestBase {
  private static SampleRun run;
  private static PlantedPowers planted;
  private static final List<EthnicGroup> COMPARED =
      List.of(EthnicGroup.BLACK, EthnicGroup.ASIAN, EthnicGroup.MIXED);

  @BeforeAll
  static void runPipeline() {
    run = SampleRun.get();
    planted = run.truth.plantedPowers();
  }

  // ---- Use of force ---------------------------------------------------------------------------

  @Test
  void useOfForceCountsSubjectIncidentsNotOfficerReports() {
    for (String force : List.of("northmoor", "eastmarch")) {
      String code = forceCode(force);
      long rows = 0;
      for (EthnicGroup group : EthnicGroup.values()) {
        Row row =
            run.cell("disproportionality", Power.USE_OF_FORCE, "force", code, FY, label(group));
        assertThat(row.<Long>getAs("events"))
            .as("%s %s", force, group)
            .isEqualTo(run.count("use_of_force.events", force, null, label(group)));
        rows += run.count("use_of_force.rows", force, null, label(group));
      }
      long incidents = run.count("use_of_force.events", force, null, null);
      assertThat(rows).as("officer reports outnumber subject-incidents").isGreaterThan(incidents);
    }
  }

  @Test
  void useOfForceRatiosAndLadderRecoverThePlantedEffects() {
    for (String force : List.of("northmoor", "eastmarch")) {
      String code = forceCode(force);
      for (EthnicGroup group : COMPARED) {
        assertCovers(
            run.cell("disproportionality", Power.USE_OF_FORCE, "force", code, FY, group.label()),
            planted.useOfForceRatios().get(group));
      }
      Row drawn = outcome(Power.USE_OF_FORCE, code, "Black", "reached_weapon_drawn_share");
      assertThat(drawn.<Long>getAs("numerator"))
          .isEqualTo(run.count("use_of_force.reached_weapon_drawn", force, null, "Black"));
      assertCovers(
          drawn,
          planted.weaponDrawnShare().get(EthnicGroup.BLACK)
              / planted.weaponDrawnShare().get(EthnicGroup.WHITE));
      Row injured = outcome(Power.USE_OF_FORCE, code, "White", "subject_injury_rate");
      assertThat(injured.<Long>getAs("numerator"))
          .isEqualTo(run.count("use_of_force.subject_injured", force, null, "White"));
      assertThat(planted.subjectInjuryShare())
          .isBetween(injured.<Double>getAs("rate_ci_low"), injured.<Double>getAs("rate_ci_high"));
    }
  }

  @Test
  void useOfForcePerArrestDividesByCustodyDetentionsOfTheSameGroup() {
    Row row = outcome(Power.USE_OF_FORCE, forceCode("eastmarch"), "Black", "per_arrest");
    assertThat(row.<Long>getAs("numerator"))
        .isEqualTo(run.count("use_of_force.events", "eastmarch", null, "Black"));
    assertThat(row.<Double>getAs("denominator"))
        .isEqualTo((double) run.count("custody.events", "eastmarch", null, "Black"));
    assertThat(row.<String>getAs("ratio_method")).isEqualTo("exact_conditional");
    assertThat(row.<Double>getAs("p_value")).isNotNull();
  }

  @Test
  void aForceWithoutUseOfForceDataHasNoRowsRatherThanZeros() {
    assertThat(run.table("disproportionality"))
        .noneMatch(
            r -> r.getAs("power").equals("use_of_force") && r.getAs("force").equals("southvale"));
    assertThat(run.table("coverage"))
        .noneMatch(
            r -> r.getAs("power").equals("use_of_force") && r.getAs("force").equals("southvale"));
  }

  // ---- Custody --------------------------------------------------------------------------------

  @Test
  void custodyCountsEqualTheDrawnCountsIncludingTheMappedExport() {
    for (SyntheticForce force : run.truth.forces()) {
      for (EthnicGroup group : EthnicGroup.KNOWN) {
        String g = group.label();
        Row row = run.cell("disproportionality", Power.CUSTODY, "force", force.code(), FY, g);
        assertThat(row.<Long>getAs("events"))
            .as("%s %s", force.slug(), g)
            .isEqualTo(run.count("custody.events", force.slug(), null, g));
        assertThat(
                outcome(Power.CUSTODY, force.code(), g, "strip_search_rate")
                    .<Long>getAs("numerator"))
            .isEqualTo(run.count("custody.strip_searched", force.slug(), null, g));
        assertThat(
                outcome(Power.CUSTODY, force.code(), g, "child_strip_search_rate")
                    .<Long>getAs("numerator"))
            .isEqualTo(run.count("custody.children_strip_searched", force.slug(), null, g));
        assertThat(
                outcome(Power.CUSTODY, force.code(), g, "detention_authorised_rate")
                    .<Long>getAs("numerator"))
            .isEqualTo(run.count("custody.detained", force.slug(), null, g));
      }
      Row all = outcome(Power.CUSTODY, force.code(), "All", "child_strip_without_aa_share");
      assertThat(all.<Long>getAs("numerator"))
          .isEqualTo(run.count("custody.children_strip_without_aa", force.slug(), null, null));
    }
  }

  @Test
  void custodyRatiosAndStripSearchDisparityRecoverThePlantedEffects() {
    for (SyntheticForce force : run.truth.forces()) {
      for (EthnicGroup group : COMPARED) {
        assertCovers(
            run.cell("disproportionality", Power.CUSTODY, "force", force.code(), FY, group.label()),
            planted.custodyRatios().get(group));
      }
      assertCovers(
          outcome(Power.CUSTODY, force.code(), "Black", "strip_search_rate"),
          planted.stripSearchShare().get(EthnicGroup.BLACK)
              / planted.stripSearchShare().get(EthnicGroup.WHITE));
    }
  }

  @Test
  void detentionQuartilesAreTheExactPercentilesOfTheRecords() throws IOException {
    List<List<String>> records = canonical("custody/northmoor-custody.csv");
    List<String> header = records.get(0);
    int authorised = header.indexOf("detention_authorised");
    int released = header.indexOf("release_time");
    int self = header.indexOf("self_defined_ethnicity");
    int date = header.indexOf("date");
    int id = header.indexOf("custody_id");
    List<Double> black = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      boolean inYear =
          Periods.financialYear(YearMonth.from(LocalDateTime.parse(r.get(date)))).equals(FY);
      if (inYear
          && !r.get(id).contains("BAD")
          && !r.get(authorised).isEmpty()
          && r.get(self).startsWith("B")) {
        black.add(
            java.time.Duration.between(
                        LocalDateTime.parse(r.get(authorised)),
                        LocalDateTime.parse(r.get(released)))
                    .toMinutes()
                / 60.0);
      }
    }
    Row row =
        run.row(
            "custody_durations",
            Power.CUSTODY,
            "place_of_event",
            "force",
            forceCode("northmoor"),
            FY,
            "Black",
            null);
    assertThat(row.<Long>getAs("detentions")).isEqualTo(black.size());
    assertThat(row.<Double>getAs("median_hours")).isCloseTo(quantile(black, 0.5), within(1e-9));
    assertThat(row.<Double>getAs("q1_hours")).isCloseTo(quantile(black, 0.25), within(1e-9));
    assertThat(row.<Double>getAs("q3_hours")).isCloseTo(quantile(black, 0.75), within(1e-9));
    // Planted: a longer median for Black detainees (12 h) than White (9 h).
    Row white =
        run.row(
            "custody_durations",
            Power.CUSTODY,
            "place_of_event",
            "force",
            forceCode("northmoor"),
            FY,
            "White",
            null);
    assertThat(row.<Double>getAs("median_hours")).isGreaterThan(white.getAs("median_hours"));
  }

  // ---- Fixed penalty notices ------------------------------------------------------------------

  @Test
  void fpnCountsByPlaceOfIssueAndByPlaceOfResidenceEqualTheDrawnCounts() {
    for (SyntheticForce force : run.truth.forces()) {
      for (SyntheticArea district : force.districts()) {
        for (EthnicGroup group : EthnicGroup.KNOWN) {
          String g = group.label();
          Row issued =
              run.cell("disproportionality", Power.FPN, "district", district.code(), FY, g);
          assertThat(issued.<Long>getAs("events"))
              .isEqualTo(run.count("fpn.events", force.slug(), district.code(), g));
          Row resident =
              run.row(
                  "disproportionality",
                  Power.FPN,
                  "place_of_residence",
                  "district",
                  district.code(),
                  FY,
                  g,
                  null);
          assertThat(resident.<Long>getAs("events"))
              .as("%s %s residents", district.name(), g)
              .isEqualTo(run.count("fpn.residents", force.slug(), district.code(), g));
        }
      }
      Row visitors = outcome(Power.FPN, force.code(), "All", "visitor_share");
      assertThat(visitors.<Long>getAs("numerator"))
          .isEqualTo(run.count("fpn.visitors", force.slug(), null, null));
    }
  }

  @Test
  void visitorsInflateTheIssueBasisRatioWhileTheResidenceBasisRecoversThePlantedOne() {
    for (SyntheticForce force : List.of(run.truth.forces().get(0), run.truth.forces().get(2))) {
      Row issued = run.cell("disproportionality", Power.FPN, "force", force.code(), FY, "Asian");
      Row resident =
          run.row(
              "disproportionality",
              Power.FPN,
              "place_of_residence",
              "force",
              force.code(),
              FY,
              "Asian",
              null);
      assertCovers(issued, planted.fpnIssueRatio(EthnicGroup.ASIAN));
      assertCovers(resident, planted.fpnRatios().get(EthnicGroup.ASIAN));
      assertThat(issued.<Double>getAs("rate_per_10000"))
          .isCloseTo(10 * issued.<Double>getAs("rate_per_1000"), within(1e-9));
      assertCovers(
          outcome(Power.FPN, force.code(), "Asian", "visitor_share"),
          planted.visitorShare().get(EthnicGroup.ASIAN)
              / planted.visitorShare().get(EthnicGroup.WHITE));
    }
  }

  // ---- Stages and completeness ----------------------------------------------------------------

  @Test
  void stagesChainEachStageToTheOneBefore() {
    String eastmarch = forceCode("eastmarch");
    Row search = stage("force", eastmarch, "Black", "search");
    assertThat(search.<Long>getAs("numerator"))
        .isEqualTo(
            GroundTruth.sum(
                run.truth.personSearches(), "eastmarch", null, SampleRun.IN_FY, "Black"));
    Row arrest = stage("force", eastmarch, "Black", "arrest");
    assertThat(arrest.<Double>getAs("denominator"))
        .isEqualTo(search.<Long>getAs("numerator").doubleValue());
    Row detention = stage("force", eastmarch, "Black", "detention");
    assertThat(detention.<Double>getAs("denominator"))
        .isEqualTo(arrest.<Long>getAs("numerator").doubleValue());
    Row strip = stage("force", eastmarch, "Black", "strip_search");
    assertThat(strip.<Double>getAs("denominator"))
        .isEqualTo(detention.<Long>getAs("numerator").doubleValue());
    assertCovers(
        strip,
        planted.stripSearchShare().get(EthnicGroup.BLACK)
            / planted.stripSearchShare().get(EthnicGroup.WHITE));
    Row charge = stage("force", eastmarch, "Black", "charge");
    assertThat(charge.<String>getAs("denominator_stage")).isEqualTo("detention");
    assertCovers(charge, 1.0);
    // Southvale sent no stop-search file for 2022-08 but did send custody records: that month's
    // search stage is not submitted, never zero, while its custody stages are reported.
    String southvale = forceCode("southvale");
    Row none = stage("force", southvale, "2022-08", "Black", "search");
    assertThat(none.<String>getAs("rate_undefined_reason")).isEqualTo("NOT_SUBMITTED");
    assertThat(none.<Object>getAs("numerator")).isNull();
    // Its arrests come from custody records and stand; only their rate per search is undefined.
    Row arrests = stage("force", southvale, "2022-08", "White", "arrest");
    assertThat(arrests.<String>getAs("rate_undefined_reason"))
        .isEqualTo("DENOMINATOR_NOT_SUBMITTED");
    assertThat(arrests.<Object>getAs("rate")).isNull();
    Row detentions = stage("force", southvale, "2022-08", "White", "detention");
    assertThat(detentions.<Object>getAs("rate")).isNotNull();
    assertThat(arrests.<Long>getAs("numerator").doubleValue())
        .isPositive()
        .isEqualTo(detentions.<Double>getAs("denominator"));
  }

  @Test
  void missingDataCoversEachPowersKeyFields() {
    for (Power power : List.of(Power.USE_OF_FORCE, Power.CUSTODY, Power.FPN)) {
      List<String> fields =
          run.table("missing_data").stream()
              .filter(r -> r.getAs("power").equals(power.code()))
              .map(r -> r.<String>getAs("field"))
              .distinct()
              .toList();
      assertThat(fields).contains("district", "gender");
      switch (power) {
        case USE_OF_FORCE -> assertThat(fields).contains("tactics", "officer_defined_ethnicity");
        case CUSTODY ->
            assertThat(fields)
                .contains("appropriate_adult_present", "home_district", "age", "disposal");
        default -> assertThat(fields).contains("home_district", "self_defined_ethnicity");
      }
    }
    Row uof =
        run.table("missing_data").stream()
            .filter(
                r ->
                    r.getAs("power").equals("use_of_force")
                        && r.getAs("geography_level").equals("force")
                        && r.getAs("area_code").equals(forceCode("northmoor"))
                        && r.getAs("period").equals(FY)
                        && r.getAs("field").equals("officer_defined_ethnicity"))
            .findFirst()
            .orElseThrow();
    // Counted over officer reports (records), the unit the field is recorded on.
    assertThat(uof.<Long>getAs("records"))
        .isEqualTo(run.count("use_of_force.rows", "northmoor", null, null));
    assertThat(uof.<Long>getAs("blank")).isPositive();
  }

  @Test
  void panelOutcomesHideSmallCountsMoreStrictlyForChildrenAndStripSearches() {
    List<List<String>> lines = run.csvLines("panel/outcomes");
    List<String> header = lines.get(0);
    int n = run.table("outcomes").size();
    assertThat(lines).hasSize(n + 1);
    long sensitiveHidden = 0;
    for (int i = 1; i <= n; i++) {
      List<String> line = lines.get(i);
      boolean sensitive =
          org.scrutineer.pipeline.disclosure.PanelTables.sensitive(
              line.get(header.indexOf("measure")));
      for (String column : List.of("numerator", "denominator")) {
        String value = line.get(header.indexOf(column));
        if (value.equals("[c]")) {
          sensitiveHidden += sensitive ? 1 : 0;
        } else {
          double published = Double.parseDouble(value);
          assertThat(published == 0 || published >= (sensitive ? 20 : 10))
              .as("%s %s on line %d", column, value, i + 1)
              .isTrue();
        }
      }
    }
    assertThat(sensitiveHidden).isPositive();
    // That nothing hidden can be recovered, here or through the disproportionality table, is
    // EndToEndTest's attacker test over both panel tables.
  }

  // ---- Helpers --------------------------------------------------------------------------------

  private static Row outcome(Power power, String area, String group, String measure) {
    return run.row("outcomes", power, "place_of_event", "force", area, FY, group, measure);
  }

  private static Row stage(String level, String area, String group, String stage) {
    return stage(level, area, FY, group, stage);
  }

  private static Row stage(String level, String area, String period, String group, String stage) {
    List<Row> found =
        run.table("stages").stream()
            .filter(
                r ->
                    r.getAs("geography_level").equals(level)
                        && r.getAs("area_code").equals(area)
                        && r.getAs("period").equals(period)
                        && r.getAs("ethnic_group").equals(group)
                        && r.getAs("stage").equals(stage))
            .toList();
    assertThat(found).as("%s %s %s %s %s", level, area, period, group, stage).hasSize(1);
    return found.get(0);
  }

  private static String forceCode(String slug) {
    return run.truth.forces().stream()
        .filter(f -> f.slug().equals(slug))
        .findFirst()
        .orElseThrow()
        .code();
  }

  private static String label(EthnicGroup group) {
    return group.label();
  }

  /** The canonical file's lines split on commas (the generated files quote nothing). */
  private static List<List<String>> canonical(String name) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(run.dir.resolve("in").resolve(Path.of(name)))) {
      rows.add(List.of(line.split(",", -1)));
    }
    return rows;
  }

  /** R's type 7 quantile: linear interpolation between order statistics. */
  private static double quantile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.size() - 1);
    return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
  }
}
