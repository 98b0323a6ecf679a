package org.scrutineer.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.Power;

/**
 * Writes synthetic use-of-force, custody and FPN records with the effects of {@link PlantedPowers}:
 * canonical CSV files for Northmoor and Eastmarch, Southvale's custody as a force export with its
 * own mapping (and no use-of-force data at all), and a few malformed rows in each format. Realised
 * counts go into the ground truth keyed {@code force|district|yyyy-MM|group} (the recorded group;
 * for FPN residence counts, the home district).
 *
 * <p>Uses its own random stream, so the stop-and-search sample does not change with it.
 */
final class PowerSample {
  private static final DateTimeFormatter EXPORT_DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final String[][] LADDER = {
    {"handcuffing_compliant", "handcuffing_non_compliant", "escorting"},
    {"ground_restraint", "distraction_strikes"},
    {"taser_drawn", "baton_drawn", "irritant_spray_drawn"},
    {"taser_aimed", "taser_red_dotted"},
    {"irritant_spray_used", "spit_and_bite_guard"},
    {"taser_fired"}
  };

  private final SyntheticSample.Settings settings;
  private final PlantedPowers planted;
  private final SplittableRandom random;
  private final Map<String, Map<String, Long>> counts = new TreeMap<>();
  private final List<String> rejects;
  private final List<String> files;
  private final Map<String, List<String>> otherDistricts = new java.util.HashMap<>();
  private int serial;
  private int person;

  PowerSample(
      SyntheticSample.Settings settings,
      PlantedPowers planted,
      List<String> rejects,
      List<String> files) {
    this.settings = settings;
    this.planted = planted;
    this.random = new SplittableRandom(settings.seed() + 1);
    this.rejects = rejects;
    this.files = files;
  }

  /** Realised counts by {@code <power>.<measure>}, then by key. */
  Map<String, Map<String, Long>> counts() {
    return counts;
  }

  /** Writes every power's files for the forces. */
  void write(Path dir, List<SyntheticForce> forces) throws IOException {
    for (SyntheticForce force : forces) {
      boolean export = force.slug().equals("southvale");
      if (!export) {
        writeUseOfForce(dir, force);
      }
      writeCustody(dir, force, export, forces);
      writeFpn(dir, force, forces);
    }
  }

  // ---- Use of force -------------------------------------------------------------------------

  private void writeUseOfForce(Path dir, SyntheticForce force) throws IOException {
    CanonicalFile rows = new CanonicalFile(dir, Power.USE_OF_FORCE, force);
    for (YearMonth month : Periods.range(settings.from(), settings.to())) {
      for (SyntheticArea area : force.districts()) {
        for (EthnicGroup group : EthnicGroup.KNOWN) {
          double rate = planted.useOfForceWhiteRate() * planted.useOfForceRatios().get(group);
          int n = draws(rate, area.population().get(group));
          for (int i = 0; i < n; i++) {
            subjectIncident(force, area, month, group).forEach(rows::add);
          }
        }
      }
    }
    rows.close(
        planted(
            malformed(
                rows.get(0),
                "INVALID_DATE",
                "incident_id",
                "UOF-BAD-1",
                "date",
                "2022-13-40T10:00:00"),
            malformed(
                rows.get(0),
                "INVALID_BOOLEAN",
                "incident_id",
                "UOF-BAD-2",
                "subject_injured",
                "Maybe")));
  }

  /** One subject-incident: one row per officer; the first officer's row reaches its top step. */
  private List<Map<String, String>> subjectIncident(
      SyntheticForce force, SyntheticArea area, YearMonth month, EthnicGroup group) {
    LocalDateTime when = moment(month);
    boolean hidden = random.nextDouble() < planted.hiddenShare();
    String recorded = hidden ? EthnicGroup.UNKNOWN.label() : group.label();
    int step = step(planted.weaponDrawnShare().get(group));
    boolean injured = random.nextDouble() < planted.subjectInjuryShare();
    String key = force.slug() + "|" + area.code() + "|" + month + "|" + recorded;
    add("use_of_force.events", key);
    if (step >= 3) {
      add("use_of_force.reached_weapon_drawn", key);
    }
    if (injured) {
      add("use_of_force.subject_injured", key);
    }
    String incident = String.format("UOF-%06d", ++serial);
    // Every fourth incident leaves subject_id blank: its officers' rows agree on age, gender and
    // perceived ethnicity, so they are still one subject-incident.
    String subject = serial % 4 == 0 ? "" : "1";
    String age = pick(new String[] {"11-17", "18-34", "18-34", "18-34", "35-49", "50-64"});
    String gender = random.nextDouble() < 0.85 ? "Male" : "Female";
    int officers = 1 + poisson(planted.extraOfficersMean());
    List<Map<String, String>> rows = new ArrayList<>();
    for (int officer = 0; officer < officers; officer++) {
      add("use_of_force.rows", key);
      Map<String, String> row = new LinkedHashMap<>();
      row.put("force", force.slug());
      row.put("incident_id", incident);
      row.put("subject_id", subject);
      row.put("date", SyntheticSample.existing(when.plusMinutes(officer)).toString());
      row.put("district", area.code());
      row.put("age_range", age);
      row.put("gender", gender);
      row.put("officer_defined_ethnicity", hidden ? "" : group.label());
      int own = officer == 0 ? step : 1 + random.nextInt(Math.min(step, 2));
      List<String> tactics = new ArrayList<>();
      tactics.add(pick(LADDER[own - 1]));
      if (own > 1 && random.nextBoolean()) {
        tactics.add("handcuffing_compliant");
      }
      row.put("tactics", String.join(";", tactics));
      row.put("reasons", pick(new String[] {"protect_self", "effect_arrest;prevent_harm"}));
      row.put("impact_factors", pick(new String[] {"alcohol", "drugs;mental_health", ""}));
      row.put("location_type", pick(new String[] {"street_highway", "dwelling", "custody_block"}));
      row.put("subject_injured", officer == 0 && injured ? "True" : "False");
      row.put("staff_injured", random.nextDouble() < 0.05 ? "True" : "False");
      row.put("outcome", pick(new String[] {"arrested", "arrested", "arrested", "other"}));
      rows.add(row);
    }
    return rows;
  }

  /** A subject-incident's top ladder step: 3 or more with the planted share. */
  private int step(double weaponDrawn) {
    double u = random.nextDouble();
    if (u >= weaponDrawn) {
      return random.nextDouble() < 0.6 ? 1 : 2;
    }
    double v = random.nextDouble();
    return v < 0.5 ? 3 : v < 0.8 ? 4 : v < 0.95 ? 5 : 6;
  }

  // ---- Custody -------------------------------------------------------------------------------

  private void writeCustody(
      Path dir, SyntheticForce force, boolean export, List<SyntheticForce> forces)
      throws IOException {
    // The canonical file is written as the rows are drawn; only the export keeps them, to reshape.
    List<Map<String, String>> kept = new ArrayList<>();
    CanonicalFile canonical = export ? null : new CanonicalFile(dir, Power.CUSTODY, force);
    RowList rows = export ? new RowList.Kept(kept) : canonical;
    for (YearMonth month : Periods.range(settings.from(), settings.to())) {
      for (SyntheticArea area : force.districts()) {
        for (EthnicGroup group : EthnicGroup.KNOWN) {
          double rate = planted.custodyWhiteRate() * planted.custodyRatios().get(group);
          int n = draws(rate, area.population().get(group));
          for (int i = 0; i < n; i++) {
            rows.add(detention(force, area, month, group, forces));
          }
        }
      }
    }
    List<Map.Entry<Map<String, String>, String>> bad =
        planted(
            malformed(
                rows.get(0),
                "INVALID_DURATION",
                "custody_id",
                "CUS-BAD-1",
                "release_time",
                "2022-01-01T00:00:00",
                "detention_authorised",
                "2022-01-02T00:00:00"),
            malformed(rows.get(1), "INVALID_NUMBER", "custody_id", "CUS-BAD-2", "age", "about 30"));
    if (export) {
      writeCustodyExport(dir, force, kept, bad);
    } else {
      canonical.close(bad);
    }
  }

  private Map<String, String> detention(
      SyntheticForce force,
      SyntheticArea area,
      YearMonth month,
      EthnicGroup group,
      List<SyntheticForce> forces) {
    LocalDateTime arrest = moment(month);
    double u = random.nextDouble();
    String self = SyntheticSample.selfDefinedCode(group, random);
    String recorded = group.label();
    if (u < planted.hiddenShare()) {
      self = u < planted.hiddenShare() / 2 ? "" : "NS";
      recorded = EthnicGroup.UNKNOWN.label();
    }
    boolean child = random.nextDouble() < planted.childShare();
    int age = child ? 12 + random.nextInt(6) : 18 + random.nextInt(50);
    boolean authorised = random.nextDouble() < 0.96;
    boolean strip = authorised && random.nextDouble() < planted.stripSearchShare().get(group);
    boolean aaPresent = random.nextDouble() < planted.childAppropriateAdultShare();
    boolean charged = authorised && random.nextDouble() < planted.chargeShare();
    String key = force.slug() + "|" + area.code() + "|" + month + "|" + recorded;
    add("custody.events", key);
    if (authorised) {
      add("custody.detained", key);
    }
    if (strip) {
      add("custody.strip_searched", key);
    }
    if (child) {
      add("custody.children", key);
      if (strip) {
        add("custody.children_strip_searched", key);
        if (!aaPresent) {
          add("custody.children_strip_without_aa", key);
        }
      }
    }
    if (charged) {
      add("custody.charged", key);
    }
    LocalDateTime authorisedAt =
        SyntheticSample.existing(arrest.plusMinutes(20 + random.nextInt(70)));
    double hours = Math.exp(Math.log(planted.medianHours().get(group)) + 0.6 * gaussian());
    LocalDateTime release =
        SyntheticSample.existing(authorisedAt.plusMinutes(Math.round(hours * 60)));
    Map<String, String> row = new LinkedHashMap<>();
    row.put("force", force.slug());
    row.put("custody_id", String.format("CUS-%06d", ++serial));
    row.put("person_id", String.format("P%07x", ++person * 2654435761L & 0xfffffffL));
    row.put("date", arrest.toString());
    row.put("detention_authorised", authorised ? authorisedAt.toString() : "");
    row.put(
        "release_time",
        authorised ? release.toString() : SyntheticSample.existing(arrest.plusHours(1)).toString());
    row.put(
        "offence_group",
        pick(new String[] {"violence", "theft", "drugs", "public_order", "weapons", "other"}));
    row.put("district", area.code());
    row.put("home_district", home(force, area, forces, 0.10));
    row.put("self_defined_ethnicity", self);
    row.put("officer_defined_ethnicity", group.label());
    row.put("age", Integer.toString(age));
    row.put("gender", random.nextDouble() < 0.85 ? "Male" : "Female");
    row.put("vulnerable", random.nextDouble() < 0.2 ? "True" : "False");
    row.put("appropriate_adult_required", child ? "True" : "False");
    row.put("appropriate_adult_present", child ? (aaPresent ? "True" : "False") : "");
    row.put("strip_searched", strip ? "True" : "False");
    row.put("strip_search_reason", strip ? "concealed item suspected" : "");
    row.put("strip_search_item_found", strip ? (random.nextDouble() < 0.3 ? "True" : "False") : "");
    row.put("intimate_search", "False");
    row.put("force_used", random.nextDouble() < 0.07 ? "True" : "False");
    row.put(
        "disposal",
        !authorised
            ? "no_further_action"
            : charged
                ? "charged"
                : pick(
                    new String[] {
                      "released_under_investigation", "no_further_action", "bail", "cautioned"
                    }));
    return row;
  }

  /** Southvale's custody-system export: its own headers, codes and date format, and a mapping. */
  private void writeCustodyExport(
      Path dir,
      SyntheticForce force,
      List<Map<String, String>> rows,
      List<Map.Entry<Map<String, String>, String>> bad)
      throws IOException {
    String[][] columns = {
      {"CustodyRef", "custody_id"},
      {"PersonKey", "person_id"},
      {"ArrestDT", "date"},
      {"AuthorisedDT", "detention_authorised"},
      {"ReleasedDT", "release_time"},
      {"OffenceGrp", "offence_group"},
      {"ArrestLA", "district"},
      {"HomeLA", "home_district"},
      {"SDE", "self_defined_ethnicity"},
      {"ODE", "officer_defined_ethnicity"},
      {"Age", "age"},
      {"Sex", "gender"},
      {"Vuln", "vulnerable"},
      {"AAReq", "appropriate_adult_required"},
      {"AAPresent", "appropriate_adult_present"},
      {"Strip", "strip_searched"},
      {"StripReason", "strip_search_reason"},
      {"StripFind", "strip_search_item_found"},
      {"Intimate", "intimate_search"},
      {"UoF", "force_used"},
      {"Outcome", "disposal"}
    };
    String name = "extracts/" + force.slug() + "-custody-export.csv";
    Path file = dir.resolve(name);
    List<String> header = new ArrayList<>();
    for (String[] c : columns) {
      header.add(c[0]);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", header) + "\n");
      int line = 1;
      List<Map<String, String>> all = new ArrayList<>(rows);
      bad.forEach(b -> all.add(b.getKey()));
      for (Map<String, String> row : all) {
        List<String> fields = new ArrayList<>();
        for (String[] c : columns) {
          fields.add(exportValue(c[1], row.get(c[1])));
        }
        out.write(SyntheticSample.csv(fields));
        line++;
        for (Map.Entry<Map<String, String>, String> b : bad) {
          if (b.getKey() == row) {
            rejects.add(name + "|" + line + "|" + b.getValue());
          }
        }
      }
    }
    files.add(name);
    Files.writeString(
        dir.resolve("extracts/" + force.slug() + "-custody-mapping.json"),
        """
        {
          "name": "Southvale custody-system export (synthetic)",
          "power": "custody",
          "file_pattern": "southvale-custody-*.csv",
          "force": "%s",
          "date_format": "dd/MM/yyyy HH:mm",
          "time_zone": "Europe/London",
          "coverage": {"from": "%s", "to": "%s"},
          "columns": {
            "custody_id": "CustodyRef", "person_id": "PersonKey", "date": "ArrestDT",
            "detention_authorised": "AuthorisedDT", "release_time": "ReleasedDT",
            "offence_group": "OffenceGrp", "district": "ArrestLA", "home_district": "HomeLA",
            "self_defined_ethnicity": "SDE", "officer_defined_ethnicity": "ODE", "age": "Age",
            "gender": "Sex", "vulnerable": "Vuln", "appropriate_adult_required": "AAReq",
            "appropriate_adult_present": "AAPresent", "strip_searched": "Strip",
            "strip_search_reason": "StripReason", "strip_search_item_found": "StripFind",
            "intimate_search": "Intimate", "force_used": "UoF", "disposal": "Outcome"
          },
          "values": {
            "gender": {"M": "Male", "F": "Female"},
            "vulnerable": {"Y": "True", "N": "False"},
            "appropriate_adult_required": {"Y": "True", "N": "False"},
            "appropriate_adult_present": {"Y": "True", "N": "False"},
            "strip_searched": {"Y": "True", "N": "False"},
            "strip_search_item_found": {"Y": "True", "N": "False"},
            "intimate_search": {"Y": "True", "N": "False"},
            "force_used": {"Y": "True", "N": "False"},
            "disposal": {"CHG": "charged", "CAU": "cautioned", "NFA": "no_further_action",
                         "RUI": "released_under_investigation", "BAIL": "bail"}
          }
        }
        """
            .formatted(force.slug(), settings.from(), settings.to()));
  }

  private static String exportValue(String field, String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return switch (field) {
      case "date", "detention_authorised", "release_time" -> {
        try {
          yield LocalDateTime.parse(value).format(EXPORT_DATE);
        } catch (java.time.format.DateTimeParseException e) {
          yield value;
        }
      }
      case "gender" -> value.substring(0, 1);
      case "vulnerable",
              "appropriate_adult_required",
              "appropriate_adult_present",
              "strip_searched",
              "strip_search_item_found",
              "intimate_search",
              "force_used" ->
          value.equals("True") ? "Y" : "N";
      case "disposal" ->
          switch (value) {
            case "charged" -> "CHG";
            case "cautioned" -> "CAU";
            case "no_further_action" -> "NFA";
            case "released_under_investigation" -> "RUI";
            default -> "BAIL";
          };
      case "officer_defined_ethnicity" ->
          switch (value) {
            case "White" -> "IC1";
            case "Black" -> "IC3";
            case "Asian" -> "IC4";
            default -> value;
          };
      default -> value;
    };
  }

  // ---- Fixed penalty notices ------------------------------------------------------------------

  private void writeFpn(Path dir, SyntheticForce force, List<SyntheticForce> forces)
      throws IOException {
    CanonicalFile rows = new CanonicalFile(dir, Power.FPN, force);
    Map<EthnicGroup, List<String>> recipients = new LinkedHashMap<>();
    for (YearMonth month : Periods.range(settings.from(), settings.to())) {
      for (SyntheticArea home : force.districts()) {
        for (EthnicGroup group : EthnicGroup.KNOWN) {
          double rate = planted.fpnWhiteRate() * planted.fpnRatios().get(group);
          int residents = draws(rate, home.population().get(group));
          // Visitors: drawn so that the group's visitor share of notices issued here is planted.
          double v = planted.visitorShare().get(group);
          double visitorMean = rate * home.population().get(group) / 12_000.0 * v / (1 - v);
          int visitors = poisson(visitorMean);
          for (int i = 0; i < residents; i++) {
            SyntheticArea issued =
                random.nextDouble() < 0.8
                    ? home
                    : force.districts().get(random.nextInt(force.districts().size()));
            rows.add(notice(force, issued, month, group, home.code(), recipients));
          }
          for (int i = 0; i < visitors; i++) {
            String from =
                random.nextBoolean() ? "outside_force" : otherForceDistrict(force, forces);
            rows.add(notice(force, home, month, group, from, recipients));
          }
        }
      }
    }
    rows.close(
        planted(
            malformed(rows.get(0), "MISSING_REQUIRED", "notice_id", ""),
            malformed(
                rows.get(1),
                "INVALID_DISTRICT",
                "notice_id",
                "FPN-BAD-2",
                "home_district",
                "Leeds")));
  }

  private Map<String, String> notice(
      SyntheticForce force,
      SyntheticArea issued,
      YearMonth month,
      EthnicGroup group,
      String home,
      Map<EthnicGroup, List<String>> recipients) {
    double u = random.nextDouble();
    String self = SyntheticSample.selfDefinedCode(group, random);
    String recorded = group.label();
    if (u < planted.hiddenShare()) {
      self = "";
      recorded = EthnicGroup.UNKNOWN.label();
    }
    boolean resident = home.startsWith("E") && isDistrictOf(force, home);
    add("fpn.events", force.slug() + "|" + issued.code() + "|" + month + "|" + recorded);
    if (resident) {
      add("fpn.residents", force.slug() + "|" + home + "|" + month + "|" + recorded);
    } else {
      add("fpn.visitors", force.slug() + "|" + issued.code() + "|" + month + "|" + recorded);
    }
    List<String> known = recipients.computeIfAbsent(group, g -> new ArrayList<>());
    String id;
    if (!known.isEmpty() && random.nextDouble() < 0.1) {
      id = known.get(random.nextInt(known.size()));
    } else {
      id = String.format("R%07x", ++person * 2654435761L & 0xfffffffL);
      known.add(id);
    }
    Map<String, String> row = new LinkedHashMap<>();
    row.put("force", force.slug());
    row.put("notice_id", String.format("FPN-%06d", ++serial));
    row.put("person_id", id);
    row.put("date", moment(month).toLocalDate().toString());
    row.put(
        "offence",
        pick(new String[] {"public_order", "antisocial_behaviour", "cannabis_possession"}));
    row.put("district", issued.code());
    row.put("home_district", home);
    row.put("self_defined_ethnicity", self);
    row.put("officer_defined_ethnicity", group.label());
    row.put("age", Integer.toString(18 + random.nextInt(40)));
    row.put("gender", random.nextDouble() < 0.8 ? "Male" : "Female");
    row.put("paid", random.nextDouble() < 0.7 ? "True" : "False");
    row.put("contested", "False");
    row.put("withdrawn", "False");
    return row;
  }

  private static boolean isDistrictOf(SyntheticForce force, String code) {
    return force.districts().stream().anyMatch(d -> d.code().equals(code));
  }

  private String otherForceDistrict(SyntheticForce force, List<SyntheticForce> forces) {
    List<String> others =
        otherDistricts.computeIfAbsent(
            force.slug(),
            slug -> {
              List<String> codes = new ArrayList<>();
              for (SyntheticForce f : forces) {
                if (!f.slug().equals(slug)) {
                  f.districts().forEach(d -> codes.add(d.code()));
                }
              }
              return codes;
            });
    return others.get(random.nextInt(others.size()));
  }

  /** A detainee's home: their district (mostly), another of the force's, outside it, or blank. */
  private String home(
      SyntheticForce force, SyntheticArea area, List<SyntheticForce> forces, double outside) {
    double u = random.nextDouble();
    if (u < 0.05) {
      return "";
    }
    if (u < 0.05 + outside) {
      return random.nextBoolean() ? "outside_force" : otherForceDistrict(force, forces);
    }
    return random.nextDouble() < 0.8
        ? area.code()
        : force.districts().get(random.nextInt(force.districts().size())).code();
  }

  // ---- Shared -----------------------------------------------------------------------------------

  /**
   * A copy of {@code row} with fields changed ({@code field, value, field, value...}), planted as a
   * malformed row rejected for {@code reason}.
   */
  private static Map.Entry<Map<String, String>, String> malformed(
      Map<String, String> row, String reason, String... fieldValues) {
    if (row == null) {
      return null; // a file too small to have the row to copy: nothing is planted
    }
    Map<String, String> copy = new LinkedHashMap<>(row);
    for (int i = 0; i < fieldValues.length; i += 2) {
      copy.put(fieldValues[i], fieldValues[i + 1]);
    }
    return Map.entry(copy, reason);
  }

  /** The planted malformed rows that could be made (see {@link #malformed}). */
  @SafeVarargs
  private static List<Map.Entry<Map<String, String>, String>> planted(
      Map.Entry<Map<String, String>, String>... rows) {
    return java.util.Arrays.stream(rows).filter(java.util.Objects::nonNull).toList();
  }

  /** Rows as they are drawn; the first two are kept to copy into planted malformed rows. */
  private interface RowList {
    void add(Map<String, String> row);

    /**
     * The {@code i}th row added (0 or 1), the last one when fewer were added, or {@code null} when
     * none were (a month or force too small at the scale asked for).
     */
    Map<String, String> get(int i);

    /** Every row, kept in memory: only for the small sample's export. */
    record Kept(List<Map<String, String>> rows) implements RowList {
      @Override
      public void add(Map<String, String> row) {
        rows.add(row);
      }

      @Override
      public Map<String, String> get(int i) {
        return rows.isEmpty() ? null : rows.get(Math.min(i, rows.size() - 1));
      }
    }
  }

  /**
   * A file in the power's canonical format written as rows arrive (so a national decade never holds
   * a force's rows), then the malformed rows, recording rejects.
   */
  private final class CanonicalFile implements RowList {
    private final String name;
    private final BufferedWriter out;
    private final List<String> fields;
    private final List<Map<String, String>> first = new ArrayList<>();
    private int line = 1;

    CanonicalFile(Path dir, Power power, SyntheticForce force) throws IOException {
      String folder = power.code().replace('_', '-');
      name = folder + "/" + force.slug() + "-" + folder + ".csv";
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      fields = power.format().names();
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      out.write(String.join(",", fields) + "\n");
    }

    @Override
    public void add(Map<String, String> row) {
      try {
        out.write(line(fields, row));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + name, e);
      }
      line++;
      if (first.size() < 2) {
        first.add(row);
      }
    }

    @Override
    public Map<String, String> get(int i) {
      return first.isEmpty() ? null : first.get(Math.min(i, first.size() - 1));
    }

    void close(List<Map.Entry<Map<String, String>, String>> bad) throws IOException {
      try (out) {
        for (Map.Entry<Map<String, String>, String> b : bad) {
          out.write(line(fields, b.getKey()));
          rejects.add(name + "|" + ++line + "|" + b.getValue());
        }
      }
      files.add(name);
    }
  }

  private static String line(List<String> fields, Map<String, String> row) {
    List<String> values = new ArrayList<>();
    for (String field : fields) {
      values.add(row.getOrDefault(field, ""));
    }
    return SyntheticSample.csv(values);
  }

  private int draws(double ratePer1000, long population) {
    return poisson(ratePer1000 * population / 12.0 / 1000.0);
  }

  private int poisson(double mean) {
    return mean <= 0
        ? 0
        : PoissonDistribution.of(mean).inverseCumulativeProbability(random.nextDouble());
  }

  private double gaussian() {
    // Box-Muller from two uniform draws of the generator's own stream.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private LocalDateTime moment(YearMonth month) {
    int day = 1 + random.nextInt(month.lengthOfMonth());
    return SyntheticSample.existing(
        month.atDay(day).atTime(random.nextInt(24), random.nextInt(60)));
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private void add(String measure, String key) {
    counts.computeIfAbsent(measure, m -> new TreeMap<>()).merge(key, 1L, Long::sum);
  }
}
