package org.scrutineer.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.ingest.PoliceUkFormat;
import org.scrutineer.pipeline.schema.EthnicGroup;

/**
 * Writes realistic synthetic inputs with planted effects, and returns what it planted ({@link
 * GroundTruth}): data.police.uk monthly files for two fictional forces, a force extract with
 * district codes and its JSON mapping for a third, the matching Census TS021 population file and
 * LAD-CSP-PFA lookup, a force registry for the fictional forces and a run configuration ({@code
 * sample.json}). Codes are in ranges no real area uses ({@code E0x9xxxxx}, {@code E239xxxxx}).
 *
 * <p>Person searches of each group in each district and month are Poisson with mean {@code rate x
 * population / 12 / 1000}; self-defined ethnicity is then hidden at the same rates in every group
 * (blank or "not stated"), so the recorded ratio estimates the planted one. One force misses a
 * month, one unmapped label is planted, and a few malformed rows of each kind are appended, all
 * recorded in the ground truth. Output is deterministic for a seed.
 */
public final class SyntheticSample {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter EXTRACT_DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final String UNMAPPED_LABEL = "White - Cornish";
  private static final String UNKNOWN_DISTRICT = "UNKNOWN";
  private static final double BOX = 0.1;
  private static final double SEA_LATITUDE = 50.2;

  /**
   * Generation settings.
   *
   * @param seed random seed
   * @param from first month
   * @param to last month
   * @param scale multiplies every population (1.0 gives about 10,000 searches a year)
   * @param hiddenShare share of person searches whose self-defined ethnicity is hidden (a third
   *     blank, two thirds "not stated"), the same in every group
   */
  public record Settings(
      long seed,
      YearMonth from,
      YearMonth to,
      double scale,
      double hiddenShare,
      Geography geography) {
    /** The shipped sample: 2022-01 to 2023-03, seed 2022. */
    public static final Settings SAMPLE =
        new Settings(2022, YearMonth.of(2022, 1), YearMonth.of(2023, 3), 1.0, 0.15);

    /** The first national decade: ten financial years, 2013-14 to 2022-23. */
    public static final YearMonth NATIONAL_FROM = YearMonth.of(2013, 4);

    /** The last month of the national decade. */
    public static final YearMonth NATIONAL_TO = YearMonth.of(2023, 3);

    /** Settings for the three fictional forces of the sample. */
    public Settings(long seed, YearMonth from, YearMonth to, double scale, double hiddenShare) {
      this(seed, from, to, scale, hiddenShare, Geography.SAMPLE);
    }
  }

  /** Which forces are generated. */
  public enum Geography {
    /**
     * Three fictional forces: two submitting police.uk files, one an extract (with a custody
     * export); planted missing months, unmapped labels and malformed rows of every kind.
     */
    SAMPLE,
    /**
     * All 43 territorial forces and British Transport Police ({@link NationalForces}), every one
     * submitting police.uk stop and search and canonical files for the other powers, at national
     * rates ({@link PlantedPowers#NATIONAL}): about 25 million records over a decade.
     */
    NATIONAL
  }

  private final Settings settings;
  private final SplittableRandom random;
  private final GroundTruth.Tally tally = new GroundTruth.Tally();
  private final List<String> rejects = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private boolean unmappedPlanted;
  private List<SyntheticForce> allForces = List.of();
  private final Map<String, double[]> boxes = new java.util.HashMap<>();

  private SyntheticSample(Settings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
  }

  /** The fictional forces with their planted truth, scaled. */
  public static List<SyntheticForce> forces(double scale) {
    return List.of(
        new SyntheticForce(
            "northmoor",
            "Northmoor",
            "E23900001",
            false,
            List.of(
                area(
                    "E06900001",
                    "Northmoor City",
                    "E22900001",
                    scale,
                    182_000,
                    14_500,
                    26_000,
                    7_200,
                    4_300,
                    6.0,
                    4.0,
                    1.6,
                    2.0,
                    1.3),
                area(
                    "E07900002",
                    "Fellside",
                    "E22900002",
                    scale,
                    96_000,
                    1_400,
                    3_100,
                    1_500,
                    700,
                    6.0,
                    4.0,
                    1.6,
                    2.0,
                    1.3),
                area(
                    "E07900003",
                    "Moorcross",
                    "E22900003",
                    scale,
                    121_000,
                    3_900,
                    8_800,
                    2_600,
                    1_200,
                    6.0,
                    4.0,
                    1.6,
                    2.0,
                    1.3)),
            Set.of()),
        new SyntheticForce(
            "southvale",
            "Southvale",
            "E23900002",
            false,
            List.of(
                area(
                    "E06900004",
                    "Southvale Port",
                    "E22900004",
                    scale,
                    160_000,
                    9_800,
                    12_500,
                    4_900,
                    3_600,
                    4.0,
                    3.0,
                    1.2,
                    1.5,
                    1.0),
                area(
                    "E07900005",
                    "Vale Downs",
                    "E22900005",
                    scale,
                    88_000,
                    900,
                    1_700,
                    1_100,
                    500,
                    4.0,
                    3.0,
                    1.2,
                    1.5,
                    1.0)),
            Set.of("2022-08")),
        new SyntheticForce(
            "eastmarch",
            "Eastmarch",
            "E23900003",
            true,
            List.of(
                area(
                    "E06900006",
                    "Eastmarch",
                    "E22900006",
                    scale,
                    140_000,
                    11_000,
                    17_500,
                    5_100,
                    3_900,
                    5.0,
                    2.5,
                    1.4,
                    1.8,
                    1.2),
                area(
                    "E07900007",
                    "Marshfield",
                    "E22900007",
                    scale,
                    77_000,
                    2_100,
                    4_600,
                    1_300,
                    600,
                    5.0,
                    2.5,
                    1.4,
                    1.8,
                    1.2),
                area(
                    "E07900008",
                    "Brackwater",
                    "E22900008",
                    scale,
                    64_000,
                    3_000,
                    2_400,
                    1_200,
                    500,
                    5.0,
                    6.0,
                    1.4,
                    1.8,
                    1.2)),
            Set.of()));
  }

  /**
   * Writes the sample under {@code dir} (created if needed).
   *
   * @return what was planted and drawn
   */
  public static GroundTruth write(Path dir, Settings settings) {
    try {
      Files.createDirectories(dir);
      return new SyntheticSample(settings).writeAll(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the sample to " + dir, e);
    }
  }

  private GroundTruth writeAll(Path dir) throws IOException {
    boolean national = settings.geography() == Geography.NATIONAL;
    List<SyntheticForce> forces =
        national
            ? NationalForces.forces(settings.seed(), settings.scale())
            : forces(settings.scale());
    PlantedPowers planted = national ? PlantedPowers.NATIONAL : PlantedPowers.SAMPLE;
    allForces = forces;
    layOut(forces);
    for (SyntheticForce force : forces) {
      if (force.extract()) {
        writeExtract(dir, force);
      } else {
        writePoliceUk(dir, force);
      }
    }
    PowerSample powers = new PowerSample(settings, planted, rejects, files);
    List<SyntheticForce> territorial = forces.stream().filter(SyntheticForce::residents).toList();
    powers.write(dir, territorial);
    writePopulation(dir, territorial);
    writeLookup(dir, territorial);
    writeBoundaries(dir, territorial);
    writeForces(dir, forces);
    writeConfig(dir, national);
    GroundTruth truth =
        new GroundTruth(
            forces,
            tally.personSearches,
            tally.arrests,
            tally.linkKnown,
            tally.linkedFinds,
            tally.outcomeKnown,
            tally.anyAction,
            tally.notStated,
            tally.blankEthnicity,
            tally.unmappedEthnicity,
            tally.vehicleSearches,
            geoCounts(),
            planted,
            powers.counts(),
            rejects,
            files);
    Files.writeString(
        dir.resolve("ground-truth.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(truth)
            + "\n");
    return truth;
  }

  private Map<String, Map<String, Long>> geoCounts() {
    Map<String, Map<String, Long>> geo = new LinkedHashMap<>();
    geo.put("no_coordinates", tally.noCoordinates);
    geo.put("outside_districts", tally.outsideDistricts);
    geo.put("outside_force", tally.outsideForce);
    return geo;
  }

  /** One generated search, before formatting. */
  private record Search(
      LocalDateTime local,
      String district,
      EthnicGroup truth,
      String recorded,
      boolean vehicle,
      String selfLabel,
      String selfCode,
      EthnicGroup officer,
      String gender,
      String age,
      String legislation,
      String object,
      Outcome outcome,
      Boolean linked,
      Boolean strip,
      double lat,
      double lon,
      boolean hasLocation) {}

  private enum Outcome {
    ARREST("Arrest", "ARR", true, true),
    SUMMONS("Summons / charged by post", "SUM", true, true),
    COMMUNITY("Community resolution", "CR", true, true),
    WARNING("Khat or Cannabis warning", "KCW", true, true),
    NFA("A no further action disposal", "NFA", true, false),
    BLANK("", "", false, false);

    final String label;
    final String code;
    final boolean known;
    final boolean action;

    Outcome(String label, String code, boolean known, boolean action) {
      this.label = label;
      this.code = code;
      this.known = known;
      this.action = action;
    }
  }

  private List<Search> searches(SyntheticForce force, YearMonth month) {
    List<Search> searches = new ArrayList<>();
    for (SyntheticArea area : force.districts()) {
      for (EthnicGroup group : EthnicGroup.KNOWN) {
        double mean = area.rate(group) * area.population().get(group) / 12.0 / 1000.0;
        int n = PoissonDistribution.of(mean).inverseCumulativeProbability(random.nextDouble());
        for (int i = 0; i < n; i++) {
          searches.add(person(force, area, month, group));
        }
      }
      int vehicles =
          PoissonDistribution.of(
                  area.whiteRatePer1000()
                      * 0.02
                      * area.population().get(EthnicGroup.WHITE)
                      / 12_000.0)
              .inverseCumulativeProbability(random.nextDouble());
      for (int i = 0; i < vehicles; i++) {
        searches.add(vehicle(force, area, month));
      }
    }
    searches.sort((a, b) -> a.local().compareTo(b.local()));
    return searches;
  }

  private Search person(
      SyntheticForce force, SyntheticArea area, YearMonth month, EthnicGroup group) {
    String key = force.slug() + "|" + month;
    double u = random.nextDouble();
    String label = selfLabel(group);
    String code = selfCode(group);
    String recorded = group.label();
    if (u < settings.hiddenShare() / 3) {
      label = "";
      code = "";
      recorded = EthnicGroup.UNKNOWN.label();
      GroundTruth.Tally.add(tally.blankEthnicity, key);
    } else if (u < settings.hiddenShare()) {
      label = "Other ethnic group - Not stated";
      code = "NS";
      recorded = EthnicGroup.UNKNOWN.label();
      GroundTruth.Tally.add(tally.notStated, key);
    } else if (!unmappedPlanted && group == EthnicGroup.WHITE && !force.extract()) {
      unmappedPlanted = true;
      label = UNMAPPED_LABEL;
      recorded = EthnicGroup.UNKNOWN.label();
      GroundTruth.Tally.add(tally.unmappedEthnicity, key);
    }
    EthnicGroup officer =
        random.nextDouble() < 0.9 ? group : EthnicGroup.KNOWN.get(random.nextInt(5));
    Outcome outcome = outcome(group);
    Boolean linked =
        random.nextDouble() < 0.3 ? null : random.nextDouble() < findRate(group, outcome);
    // Where the search happened: in its district, or (police.uk forces only) with no coordinates,
    // at sea, or just over the border in another force's area; the last three are district
    // UNKNOWN in the outputs.
    boolean hasLocation = force.residents() && random.nextDouble() >= 0.1;
    double[] point = pointIn(area);
    String placed = area.code();
    if (!force.extract()) {
      double where = random.nextDouble();
      if (!hasLocation) {
        placed = UNKNOWN_DISTRICT;
        GroundTruth.Tally.add(tally.noCoordinates, key);
      } else if (where < 0.01) {
        point = new double[] {SEA_LATITUDE, point[1]};
        placed = UNKNOWN_DISTRICT;
        GroundTruth.Tally.add(tally.outsideDistricts, key);
      } else if (where < 0.02) {
        point = pointIn(neighbour(force));
        placed = UNKNOWN_DISTRICT;
        GroundTruth.Tally.add(tally.outsideForce, key);
      }
    }
    String cell = force.slug() + "|" + placed + "|" + month + "|" + recorded;
    GroundTruth.Tally.add(tally.personSearches, cell);
    if (outcome == Outcome.ARREST) {
      GroundTruth.Tally.add(tally.arrests, cell);
    }
    if (outcome.known) {
      GroundTruth.Tally.add(tally.outcomeKnown, cell);
    }
    if (outcome.action) {
      GroundTruth.Tally.add(tally.anyAction, cell);
    }
    if (linked != null) {
      GroundTruth.Tally.add(tally.linkKnown, cell);
      if (linked) {
        GroundTruth.Tally.add(tally.linkedFinds, cell);
      }
    }
    boolean drugs = random.nextDouble() < 0.6;
    return new Search(
        moment(month),
        area.code(),
        group,
        recorded,
        false,
        label,
        code,
        officer,
        pick(new String[] {"Male", "Male", "Male", "Male", "Male", "Male", "Female", ""}),
        pick(new String[] {"10-17", "18-24", "18-24", "25-34", "25-34", "over 34", ""}),
        drugs
            ? "Misuse of Drugs Act 1971 (section 23)"
            : "Police and Criminal Evidence Act 1984 (section 1)",
        drugs
            ? "Controlled drugs"
            : pick(new String[] {"Offensive weapons", "Stolen goods", "Article for use in theft"}),
        outcome,
        linked,
        random.nextDouble() < 0.2 ? null : random.nextDouble() < 0.03,
        point[0],
        point[1],
        hasLocation);
  }

  /** A point inside a district's square, away from its edges. */
  private double[] pointIn(SyntheticArea area) {
    double[] box = box(area);
    return new double[] {
      box[0] + 0.01 + random.nextDouble() * (BOX - 0.02),
      box[1] + 0.01 + random.nextDouble() * (BOX - 0.02)
    };
  }

  /** The first district of the next territorial force: somewhere outside {@code force}'s area. */
  private SyntheticArea neighbour(SyntheticForce force) {
    int i = allForces.indexOf(force);
    SyntheticForce next;
    do {
      i = (i + 1) % allForces.size();
      next = allForces.get(i);
    } while (!next.residents());
    return next.districts().get(0);
  }

  /**
   * Lays out each district's square {@code [south, west]} of side {@link #BOX} degrees, its
   * synthetic boundary, with gaps between: for the sample, forces in rows and their districts side
   * by side; nationally, every district in turn on a grid of 70 columns, all inside Great Britain's
   * bounding box (which the boundary reader checks).
   */
  private void layOut(List<SyntheticForce> forces) {
    int k = 0;
    for (int f = 0; f < forces.size(); f++) {
      List<SyntheticArea> districts = forces.get(f).districts();
      for (int d = 0; d < districts.size(); d++, k++) {
        double[] box =
            settings.geography() == Geography.NATIONAL
                ? new double[] {50.5 + (k / 70) * 0.2, -8.5 + (k % 70) * 0.15}
                : new double[] {51.0 + f * 0.3, -2.0 + d * 0.15};
        boxes.put(districts.get(d).code(), box);
      }
    }
  }

  /** A district's square (see {@link #layOut}). */
  private double[] box(SyntheticArea area) {
    double[] box = boxes.get(area.code());
    if (box == null) {
      throw new IllegalArgumentException(area.code());
    }
    return box;
  }

  private Search vehicle(SyntheticForce force, SyntheticArea area, YearMonth month) {
    GroundTruth.Tally.add(tally.vehicleSearches, force.slug() + "|" + month);
    return new Search(
        moment(month),
        area.code(),
        null,
        EthnicGroup.UNKNOWN.label(),
        true,
        "",
        "",
        null,
        "",
        "",
        "Misuse of Drugs Act 1971 (section 23)",
        "Controlled drugs",
        Outcome.NFA,
        Boolean.FALSE,
        null,
        box(area)[0] + BOX / 2,
        box(area)[1] + BOX / 2,
        force.residents());
  }

  /** Planted arrest shares: lower for Black and Mixed people than White (a planted outcome gap). */
  private Outcome outcome(EthnicGroup group) {
    double arrest = group == EthnicGroup.BLACK || group == EthnicGroup.MIXED ? 0.09 : 0.14;
    double u = random.nextDouble();
    if (u < 0.02) {
      return Outcome.BLANK;
    }
    if (u < 0.02 + arrest) {
      return Outcome.ARREST;
    }
    if (u < 0.02 + arrest + 0.15) {
      return pick(new Outcome[] {Outcome.SUMMONS, Outcome.COMMUNITY, Outcome.WARNING});
    }
    return Outcome.NFA;
  }

  private static double findRate(EthnicGroup group, Outcome outcome) {
    double base = group == EthnicGroup.BLACK ? 0.18 : 0.26;
    return outcome.action ? Math.min(1, base * 2.5) : base / 2;
  }

  private LocalDateTime moment(YearMonth month) {
    int day = 1 + random.nextInt(month.lengthOfMonth());
    return existing(month.atDay(day).atTime(random.nextInt(24), random.nextInt(60)));
  }

  /**
   * A local time that happened in London: one drawn in the spring clock-change gap (which the
   * readers rightly reject) moves on an hour, as a clock would have shown it.
   */
  static LocalDateTime existing(LocalDateTime local) {
    return LONDON.getRules().getValidOffsets(local).isEmpty() ? local.plusHours(1) : local;
  }

  private void writePoliceUk(Path dir, SyntheticForce force) throws IOException {
    boolean planted = false;
    for (YearMonth month : Periods.range(settings.from(), settings.to())) {
      if (force.missingMonths().contains(month.toString())) {
        continue;
      }
      String name =
          String.format("police-uk/%s/%s-%s-stop-and-search.csv", month, month, force.slug());
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      List<Search> searches = searches(force, month);
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(String.join(",", PoliceUkFormat.HEADER));
        out.write('\n');
        for (Search s : searches) {
          out.write(policeUkLine(s));
        }
        if (!planted && month.getMonthValue() == 6) {
          planted = true;
          int line = searches.size() + 2;
          String good = policeUkLine(searches.get(0));
          String date = good.split(",")[1];
          out.write(good.substring(0, good.lastIndexOf(',')) + "\n");
          rejects.add(name + "|" + line++ + "|FIELD_COUNT");
          out.write(good.replace(date, month + "-31T10:00:00+00:00"));
          rejects.add(name + "|" + line++ + "|INVALID_DATE");
          out.write(good.replace(date, month.minusYears(1) + "-10T10:00:00+00:00"));
          rejects.add(name + "|" + line++ + "|DATE_OUTSIDE_FILE_MONTH");
          out.write(good.replaceFirst("^[^,]*", "Foot search"));
          rejects.add(name + "|" + line++ + "|INVALID_TYPE");
          String[] fields = good.split(",", -1);
          fields[4] = "53.x5";
          fields[5] = "-1.2";
          out.write(String.join(",", fields));
          rejects.add(name + "|" + line++ + "|INVALID_COORDINATES");
        }
      }
      files.add(name);
    }
  }

  private String policeUkLine(Search s) {
    Instant instant = s.local().atZone(LONDON).toInstant();
    String date =
        instant
            .atOffset(ZoneOffset.UTC)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .replace("Z", "+00:00");
    if (!date.contains("+")) {
      date = date + "+00:00";
    }
    List<String> f = new ArrayList<>();
    f.add(
        s.vehicle()
            ? "Vehicle search"
            : random.nextDouble() < 0.15 ? "Person and Vehicle search" : "Person search");
    f.add(date);
    f.add(pick(new String[] {"False", "False", "True", ""}));
    f.add("");
    f.add(s.hasLocation() ? String.format("%.6f", s.lat()) : "");
    f.add(s.hasLocation() ? String.format("%.6f", s.lon()) : "");
    f.add(s.gender());
    f.add(s.age());
    f.add(s.selfLabel());
    f.add(s.officer() == null || random.nextDouble() < 0.05 ? "" : s.officer().label());
    f.add(s.legislation());
    f.add(s.object());
    f.add(s.outcome().label);
    f.add(s.linked() == null ? "" : s.linked() ? "True" : "False");
    f.add(s.strip() == null ? "" : s.strip() ? "True" : "False");
    return csv(f);
  }

  private void writeExtract(Path dir, SyntheticForce force) throws IOException {
    String name = "extracts/" + force.slug() + "-stop-search-export.csv";
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    int line = 1;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "Search Ref,Search Date,LA Code,Search Type,SDE Code,Officer Ethnicity,Gender,Age Group,"
              + "Power,Reason,Result,Linked,Strip,Lat,Long\n");
      int ref = 1;
      String lastGood = null;
      for (YearMonth month : Periods.range(settings.from(), settings.to())) {
        for (Search s : searches(force, month)) {
          lastGood = extractLine(ref++, s, s.local().format(EXTRACT_DATE), s.district());
          out.write(lastGood);
          line++;
        }
        if (month.getMonthValue() == 2 && lastGood != null) {
          String[] fields = lastGood.split(",", -1);
          fields[1] = "31/02/" + month.getYear() + " 10:00";
          out.write(String.join(",", fields));
          rejects.add(name + "|" + ++line + "|INVALID_DATE");
          fields = lastGood.split(",", -1);
          fields[2] = "E0X900007";
          out.write(String.join(",", fields));
          rejects.add(name + "|" + ++line + "|INVALID_DISTRICT");
        }
      }
    }
    files.add(name);
    String mapping =
        """
        {
          "name": "Eastmarch Constabulary stop-search export (synthetic)",
          "file_pattern": "eastmarch-*.csv",
          "force": "%s",
          "date_format": "dd/MM/yyyy HH:mm",
          "time_zone": "Europe/London",
          "coverage": {"from": "%s", "to": "%s"},
          "columns": {
            "date": "Search Date",
            "district": "LA Code",
            "type": "Search Type",
            "self_defined_ethnicity": "SDE Code",
            "officer_defined_ethnicity": "Officer Ethnicity",
            "gender": "Gender",
            "age_range": "Age Group",
            "legislation": "Power",
            "object_of_search": "Reason",
            "outcome": "Result",
            "outcome_linked_to_object": "Linked",
            "removal_of_more_than_outer_clothing": "Strip",
            "latitude": "Lat",
            "longitude": "Long"
          },
          "values": {
            "type": {"P": "Person search", "PV": "Person and Vehicle search", "V": "Vehicle search"},
            "gender": {"M": "Male", "F": "Female"},
            "legislation": {"S23": "Misuse of Drugs Act 1971 (section 23)", "S1": "Police and Criminal Evidence Act 1984 (section 1)"},
            "outcome": {"ARR": "Arrest", "SUM": "Summons / charged by post", "CR": "Community resolution",
                        "KCW": "Khat or Cannabis warning", "NFA": "A no further action disposal"},
            "outcome_linked_to_object": {"Y": "True", "N": "False"},
            "removal_of_more_than_outer_clothing": {"Y": "True", "N": "False"}
          }
        }
        """
            .formatted(force.slug(), settings.from(), settings.to());
    Files.writeString(dir.resolve("extracts/" + force.slug() + "-mapping.json"), mapping);
  }

  private String extractLine(int ref, Search s, String date, String district) {
    List<String> f = new ArrayList<>();
    f.add(String.format("SS%06d", ref));
    f.add(date);
    f.add(district);
    f.add(s.vehicle() ? "V" : random.nextDouble() < 0.15 ? "PV" : "P");
    f.add(s.selfCode());
    f.add(s.officer() == null ? "" : officerCode(s.officer()));
    f.add(s.gender().isEmpty() ? "" : s.gender().substring(0, 1));
    f.add(s.age());
    f.add(s.legislation().contains("Drugs") ? "S23" : "S1");
    f.add(s.object());
    f.add(s.outcome().code);
    f.add(s.linked() == null ? "" : s.linked() ? "Y" : "N");
    f.add(s.strip() == null ? "" : s.strip() ? "Y" : "N");
    f.add(s.hasLocation() ? String.format("%.6f", s.lat()) : "");
    f.add(s.hasLocation() ? String.format("%.6f", s.lon()) : "");
    return csv(f);
  }

  private String officerCode(EthnicGroup group) {
    return switch (group) {
      case WHITE -> random.nextBoolean() ? "IC1" : "IC2";
      case BLACK -> "IC3";
      case ASIAN -> random.nextDouble() < 0.8 ? "IC4" : "IC5";
      case MIXED -> random.nextBoolean() ? "IC1" : "IC3";
      default -> "IC6";
    };
  }

  /** TS021 categories: code, label, broad group, share of the group in the synthetic areas. */
  private static final String[][] TS021_CATEGORIES = {
    {"1", "Asian, Asian British or Asian Welsh: Bangladeshi", "ASIAN", "0.15"},
    {"2", "Asian, Asian British or Asian Welsh: Chinese", "ASIAN", "0.10"},
    {"3", "Asian, Asian British or Asian Welsh: Indian", "ASIAN", "0.30"},
    {"4", "Asian, Asian British or Asian Welsh: Pakistani", "ASIAN", "0.30"},
    {"5", "Asian, Asian British or Asian Welsh: Other Asian", "ASIAN", "0.15"},
    {"6", "Black, Black British, Black Welsh, Caribbean or African: African", "BLACK", "0.55"},
    {"7", "Black, Black British, Black Welsh, Caribbean or African: Caribbean", "BLACK", "0.30"},
    {"8", "Black, Black British, Black Welsh, Caribbean or African: Other Black", "BLACK", "0.15"},
    {"9", "Mixed or Multiple ethnic groups: White and Asian", "MIXED", "0.25"},
    {"10", "Mixed or Multiple ethnic groups: White and Black African", "MIXED", "0.15"},
    {"11", "Mixed or Multiple ethnic groups: White and Black Caribbean", "MIXED", "0.35"},
    {
      "12",
      "Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups",
      "MIXED",
      "0.25"
    },
    {"13", "White: English, Welsh, Scottish, Northern Irish or British", "WHITE", "0.90"},
    {"14", "White: Irish", "WHITE", "0.02"},
    {"15", "White: Gypsy or Irish Traveller", "WHITE", "0.01"},
    {"16", "White: Roma", "WHITE", "0.01"},
    {"17", "White: Other White", "WHITE", "0.06"},
    {"18", "Other ethnic group: Arab", "OTHER", "0.35"},
    {"19", "Other ethnic group: Any other ethnic group", "OTHER", "0.65"},
  };

  /** The ONS label of TS021 category {@code code} (1 to 19), as the Census table gives it. */
  public static String ts021Label(int code) {
    return TS021_CATEGORIES[code - 1][1];
  }

  private void writePopulation(Path dir, List<SyntheticForce> forces) throws IOException {
    Path file = dir.resolve("population/census2021-ts021-synthetic.csv");
    Files.createDirectories(file.getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "Lower Tier Local Authorities Code,Lower Tier Local Authorities,"
              + "Ethnic group (20 categories) Code,Ethnic group (20 categories),Observation\n");
      for (SyntheticForce force : forces) {
        for (SyntheticArea area : force.districts()) {
          out.write(csv(List.of(area.code(), area.name(), "-8", "Does not apply", "0")));
          Map<EthnicGroup, Long> left = new EnumMap<>(area.population());
          for (int i = 0; i < TS021_CATEGORIES.length; i++) {
            EthnicGroup group = EthnicGroup.valueOf(TS021_CATEGORIES[i][2]);
            boolean last =
                i + 1 == TS021_CATEGORIES.length
                    || !TS021_CATEGORIES[i + 1][2].equals(TS021_CATEGORIES[i][2]);
            long n =
                last
                    ? left.get(group)
                    : Math.round(
                        area.population().get(group) * Double.parseDouble(TS021_CATEGORIES[i][3]));
            left.merge(group, -n, Long::sum);
            out.write(
                csv(
                    List.of(
                        area.code(),
                        area.name(),
                        TS021_CATEGORIES[i][0],
                        TS021_CATEGORIES[i][1],
                        Long.toString(n))));
          }
        }
      }
    }
  }

  private static void writeLookup(Path dir, List<SyntheticForce> forces) throws IOException {
    try (BufferedWriter out =
        Files.newBufferedWriter(dir.resolve("population/lad22-csp22-pfa22-lookup-synthetic.csv"))) {
      out.write("LAD22CD,LAD22NM,CSP22CD,CSP22NM,PFA22CD,PFA22NM,ObjectId\n");
      int id = 1;
      for (SyntheticForce force : forces) {
        for (SyntheticArea area : force.districts()) {
          out.write(
              csv(
                  List.of(
                      area.code(),
                      area.name(),
                      area.cspCode(),
                      area.cspName(),
                      force.code(),
                      force.name(),
                      Integer.toString(id++))));
        }
      }
    }
  }

  /** Each district's square as a GeoJSON polygon, LAD22 properties, as the ONS files have. */
  private void writeBoundaries(Path dir, List<SyntheticForce> forces) throws IOException {
    Path file = dir.resolve("boundaries/lad22-synthetic.geojson");
    Files.createDirectories(file.getParent());
    List<String> features = new ArrayList<>();
    for (SyntheticForce force : forces) {
      for (SyntheticArea area : force.districts()) {
        double[] b = box(area);
        double s = b[0];
        double w = b[1];
        double n = s + BOX;
        double e = w + BOX;
        features.add(
            String.format(
                "{\"type\":\"Feature\",\"properties\":{\"LAD22CD\":\"%s\",\"LAD22NM\":\"%s\"},"
                    + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.2f,%.2f],[%.2f,%.2f],"
                    + "[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f]]]}}",
                area.code(), area.name(), w, s, e, s, e, n, w, n, w, s));
      }
    }
    Files.writeString(
        file,
        "{\"type\":\"FeatureCollection\",\"name\":\"lad22_synthetic\",\"features\":[\n"
            + String.join(",\n", features)
            + "\n]}\n");
  }

  private static void writeForces(Path dir, List<SyntheticForce> forces) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("forces.csv"))) {
      out.write("slug,name,area_code,resident_population\n");
      for (SyntheticForce force : forces) {
        out.write(
            csv(
                List.of(
                    force.slug(),
                    force.name(),
                    force.code(),
                    Boolean.toString(force.residents()))));
      }
    }
  }

  private static void writeConfig(Path dir, boolean national) throws IOException {
    if (national) {
      Files.writeString(
          dir.resolve("national.json"),
          """
          {
            "stop-search": ["police-uk"],
            "use-of-force": ["use-of-force"],
            "custody": ["custody"],
            "fpn": ["fpn"],
            "forces": "forces.csv",
            "population": "population/census2021-ts021-synthetic.csv",
            "population-format": "ons-ts021",
            "boundaries": ["boundaries/lad22-synthetic.geojson"],
            "area-lookup": "population/lad22-csp22-pfa22-lookup-synthetic.csv"
          }
          """);
      return;
    }
    Files.writeString(
        dir.resolve("sample.json"),
        """
        {
          "stop-search": ["police-uk", "extracts/eastmarch-stop-search-export.csv"],
          "use-of-force": ["use-of-force"],
          "custody": ["custody", "extracts/southvale-custody-export.csv"],
          "fpn": ["fpn"],
          "mapping": ["extracts/eastmarch-mapping.json", "extracts/southvale-custody-mapping.json"],
          "forces": "forces.csv",
          "population": "population/census2021-ts021-synthetic.csv",
          "population-format": "ons-ts021",
          "boundaries": ["boundaries/lad22-synthetic.geojson"],
          "area-lookup": "population/lad22-csp22-pfa22-lookup-synthetic.csv"
        }
        """);
  }

  private static SyntheticArea area(
      String code,
      String name,
      String csp,
      double scale,
      long white,
      long black,
      long asian,
      long mixed,
      long other,
      double whiteRate,
      double black_,
      double asian_,
      double mixed_,
      double other_) {
    Map<EthnicGroup, Long> population = new EnumMap<>(EthnicGroup.class);
    population.put(EthnicGroup.WHITE, Math.round(white * scale));
    population.put(EthnicGroup.BLACK, Math.round(black * scale));
    population.put(EthnicGroup.ASIAN, Math.round(asian * scale));
    population.put(EthnicGroup.MIXED, Math.round(mixed * scale));
    population.put(EthnicGroup.OTHER, Math.round(other * scale));
    Map<EthnicGroup, Double> ratios = new EnumMap<>(EthnicGroup.class);
    ratios.put(EthnicGroup.WHITE, 1.0);
    ratios.put(EthnicGroup.BLACK, black_);
    ratios.put(EthnicGroup.ASIAN, asian_);
    ratios.put(EthnicGroup.MIXED, mixed_);
    ratios.put(EthnicGroup.OTHER, other_);
    return new SyntheticArea(code, name, csp, name + " CSP", population, whiteRate, ratios);
  }

  private static final Map<EthnicGroup, String[][]> SELF_DEFINED = selfDefined();

  private static Map<EthnicGroup, String[][]> selfDefined() {
    Map<EthnicGroup, String[][]> labels = new LinkedHashMap<>();
    labels.put(
        EthnicGroup.WHITE,
        new String[][] {
          {"White - English/Welsh/Scottish/Northern Irish/British", "W1"}, {"White - Irish", "W2"},
          {"White - Gypsy or Irish Traveller", "W3"}, {"White - Any other White background", "W9"}
        });
    labels.put(
        EthnicGroup.BLACK,
        new String[][] {
          {"Black/African/Caribbean/Black British - African", "B2"},
          {"Black/African/Caribbean/Black British - Caribbean", "B1"},
          {
            "Black/African/Caribbean/Black British - Any other Black/African/Caribbean background",
            "B9"
          }
        });
    labels.put(
        EthnicGroup.ASIAN,
        new String[][] {
          {"Asian/Asian British - Indian", "A1"}, {"Asian/Asian British - Pakistani", "A2"},
          {"Asian/Asian British - Bangladeshi", "A3"}, {"Asian/Asian British - Chinese", "A4"},
          {"Asian/Asian British - Any other Asian background", "A9"}
        });
    labels.put(
        EthnicGroup.MIXED,
        new String[][] {
          {"Mixed/Multiple ethnic groups - White and Black Caribbean", "M1"},
          {"Mixed/Multiple ethnic groups - White and Black African", "M2"},
          {"Mixed/Multiple ethnic groups - White and Asian", "M3"},
          {"Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background", "M9"}
        });
    labels.put(
        EthnicGroup.OTHER,
        new String[][] {
          {"Other ethnic group - Arab", "O2"}, {"Other ethnic group - Any other ethnic group", "O9"}
        });
    return labels;
  }

  private int lastLabel;

  private String selfLabel(EthnicGroup group) {
    String[][] labels = SELF_DEFINED.get(group);
    lastLabel =
        group == EthnicGroup.WHITE && random.nextDouble() < 0.85
            ? 0
            : random.nextInt(labels.length);
    return labels[lastLabel][0];
  }

  /** A self-defined ethnicity code of the group, drawn from {@code random}. */
  static String selfDefinedCode(EthnicGroup group, SplittableRandom random) {
    String[][] labels = SELF_DEFINED.get(group);
    return labels[random.nextInt(labels.length)][1];
  }

  private String selfCode(EthnicGroup group) {
    return SELF_DEFINED.get(group)[lastLabel][1];
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  static String csv(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (String f : fields) {
      if (line.length() > 0) {
        line.append(',');
      }
      line.append(f.contains(",") || f.contains("\"") ? '"' + f.replace("\"", "\"\"") + '"' : f);
    }
    return line.append('\n').toString();
  }
}
