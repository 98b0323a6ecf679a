package org.scrutineer.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.scrutineer.pipeline.disclosure.SmallNumbers;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.PeriodType;
import org.scrutineer.pipeline.schema.Power;

/**
 * What one area's pack shows, taken from a run's published tables and nothing else: every count,
 * rate and ratio comes from the panel tables ({@code panel/}), and where the panel tables suppress
 * a value the pack has none. The analysts' tables ({@code csv/}) add only what is derived from
 * published values (missing-ethnicity bounds, funnel limits, series breaks) and is shown only where
 * every count it rests on is published, plus data-quality facts that say nothing about a person
 * (months submitted, shares of records missing a field, under a minimum count).
 */
public final class PackData {
  /** The powers in the order the pack presents them. */
  static final List<String> POWERS =
      List.of(
          Power.STOP_SEARCH.code(),
          Power.USE_OF_FORCE.code(),
          Power.CUSTODY.code(),
          Power.FPN.code());

  /** Counts of records missing a field below this are shown as "fewer than" it. */
  static final long QUALITY_MINIMUM = 20;

  final ResultsFolder.Area area;
  final JsonNode manifest;
  final String reference;
  final String forceName;
  final String forceCode;
  final SmallNumbers rules;
  final List<String> populationSources;
  final String intervalLevel;
  final CsvTable panel;
  final CsvTable panelOutcomes;
  final CsvTable analyst;
  final CsvTable coverage;
  final CsvTable missing;
  final CsvTable geo;
  private final Map<String, CsvTable.Row> panelByKey = new LinkedHashMap<>();
  private final Map<String, CsvTable.Row> analystByKey = new LinkedHashMap<>();
  private final Map<String, CsvTable.Row> outcomesByKey = new LinkedHashMap<>();

  /** Each power's headline year, once found (the panel rows are scanned once per power). */
  private final Map<String, java.util.Optional<Period>> headlinePeriods = new LinkedHashMap<>();

  private final String year;

  private PackData(ResultsFolder results, ResultsFolder.Area area, String year) throws IOException {
    this.area = area;
    this.year = year;
    this.manifest = results.manifest();
    this.reference = manifest.path("settings").path("reference_group").asText("White");
    this.rules = results.smallNumbers();
    this.populationSources = results.populationSources();
    this.intervalLevel = results.intervalLevel();
    this.panel = results.table(ResultsFolder.PANEL, "disproportionality", area.force());
    this.panelOutcomes = results.table(ResultsFolder.PANEL, "outcomes", area.force());
    this.analyst = results.table(ResultsFolder.CSV, "disproportionality", area.force());
    this.coverage = results.table(ResultsFolder.CSV, "coverage", area.force());
    this.missing = results.table(ResultsFolder.CSV, "missing_data", area.force());
    this.geo = results.table(ResultsFolder.CSV, "geo_quality", area.force());
    for (CsvTable.Row row : panel.rows()) {
      panelByKey.put(Keys.of(row), row);
    }
    for (CsvTable.Row row : analyst.rows()) {
      analystByKey.put(Keys.of(row), row);
    }
    for (CsvTable.Row row : panelOutcomes.rows()) {
      outcomesByKey.put(Keys.outcome(row), row);
    }
    String name = area.name();
    String code = "";
    for (CsvTable.Row row : panel.rows()) {
      if (GeographyLevel.FORCE.equals(row.text("geography_level"))) {
        name = row.text("area_name");
        code = row.text("area_code");
        break;
      }
    }
    this.forceName = name;
    this.forceCode = code;
  }

  /**
   * Reads an area's tables from a run.
   *
   * @param year the financial year to report ({@code 2019-20}), or {@code null} for each power's
   *     latest with every month submitted
   */
  public static PackData of(ResultsFolder results, ResultsFolder.Area area, String year)
      throws IOException {
    return new PackData(results, area, year);
  }

  /** The powers this area has panel rows for, in pack order. */
  List<String> powers() {
    Set<String> present = new LinkedHashSet<>();
    for (CsvTable.Row row : panel.rows()) {
      if (area.owns(row)) {
        present.add(row.text("power"));
      }
    }
    return POWERS.stream().filter(present::contains).toList();
  }

  /** The groups compared with the reference group, in output order. */
  List<String> comparedGroups() {
    return EthnicGroup.KNOWN.stream()
        .map(EthnicGroup::label)
        .filter(group -> !group.equals(reference))
        .toList();
  }

  /** The groups of a headline table: the five, Unknown and All. */
  static List<String> allGroups() {
    List<String> groups = new ArrayList<>();
    EthnicGroup.KNOWN.forEach(g -> groups.add(g.label()));
    groups.add(EthnicGroup.UNKNOWN.label());
    groups.add(EthnicGroup.ALL);
    return groups;
  }

  /**
   * The financial year a power's headline reports: the latest with every month submitted, else the
   * latest there is ({@link Period#complete} says which); {@code null} when the area has none.
   */
  Period headlinePeriod(String power) {
    return headlinePeriods
        .computeIfAbsent(power, p -> java.util.Optional.ofNullable(latestPeriod(p)))
        .orElse(null);
  }

  private Period latestPeriod(String power) {
    TreeSet<String> complete = new TreeSet<>();
    TreeSet<String> any = new TreeSet<>();
    for (CsvTable.Row row : panel.rows()) {
      if (area.owns(row)
          && power.equals(row.text("power"))
          && PeriodType.FINANCIAL_YEAR.equals(row.text("period_type"))) {
        any.add(row.text("period"));
        if ("true".equals(row.text("period_complete"))) {
          complete.add(row.text("period"));
        }
      }
    }
    if (year != null) {
      return any.contains(year) ? new Period(year, complete.contains(year)) : null;
    }
    if (!complete.isEmpty()) {
      return new Period(complete.last(), true);
    }
    return any.isEmpty() ? null : new Period(any.last(), false);
  }

  /** A financial year and whether every month of it was submitted. */
  record Period(String year, boolean complete) {
    /** "2022-23" as "April 2022 to March 2023". */
    String words() {
      int start = Integer.parseInt(year.substring(0, 4));
      return "April " + start + " to March " + (start + 1);
    }
  }

  /** The panel row of a cell, or {@code null}. */
  CsvTable.Row panelRow(
      String power, String periodType, String period, String level, String code, String group) {
    return panelByKey.get(
        Keys.key(power, Basis.PLACE_OF_EVENT, periodType, period, level, code, group));
  }

  /** The analysts' row of the same cell, or {@code null}. */
  CsvTable.Row analystRow(CsvTable.Row panelRow) {
    return panelRow == null ? null : analystByKey.get(Keys.of(panelRow));
  }

  /** The panel outcomes row of a cell and measure, or {@code null}. */
  CsvTable.Row outcomeRow(
      String power, String period, String level, String code, String group, String measure) {
    return outcomesByKey.get(
        Keys.key(power, Basis.PLACE_OF_EVENT, PeriodType.FINANCIAL_YEAR, period, level, code, group)
            + Keys.SEPARATOR
            + measure);
  }

  /** Whether a panel row's count is published. */
  static boolean published(CsvTable.Row row) {
    return row != null && !row.suppressed("events") && !row.text("events").isEmpty();
  }

  /** Whether a panel row's ratio and its interval are published. */
  static boolean ratioPublished(CsvTable.Row row) {
    return published(row)
        && row.number("ratio") != null
        && row.number("ratio_ci_low") != null
        && row.number("ratio_ci_high") != null;
  }

  /**
   * The missing-ethnicity bounds of a group's ratio, or {@code null} where any count they rest on
   * (the group's, the reference group's, Unknown's) is not published.
   */
  Bounds bounds(CsvTable.Row groupRow) {
    if (!ratioPublished(groupRow)) {
      return null;
    }
    CsvTable.Row referenceRow = sibling(groupRow, reference);
    CsvTable.Row unknownRow = sibling(groupRow, EthnicGroup.UNKNOWN.label());
    CsvTable.Row allRow = sibling(groupRow, EthnicGroup.ALL);
    if (!published(referenceRow) || !published(unknownRow) || !published(allRow)) {
      return null;
    }
    CsvTable.Row full = analystRow(groupRow);
    if (full == null) {
      return null;
    }
    Double low = full.number("ratio_unknown_to_reference");
    Double high = full.number("ratio_unknown_to_group");
    double all = allRow.number("events");
    double share = all > 0 ? unknownRow.number("events") / all : 0;
    return low == null || high == null ? null : new Bounds(low, high, share);
  }

  /**
   * The share of records with unknown ethnicity in a cell, from its published Unknown and All
   * counts; {@code null} where either is suppressed.
   */
  Double unknownShare(CsvTable.Row anyRow) {
    CsvTable.Row unknownRow = sibling(anyRow, EthnicGroup.UNKNOWN.label());
    CsvTable.Row allRow = sibling(anyRow, EthnicGroup.ALL);
    if (!published(unknownRow) || !published(allRow) || !(allRow.number("events") > 0)) {
      return null;
    }
    return unknownRow.number("events") / allRow.number("events");
  }

  /** The bounds of a ratio under unknown ethnicity, and the unknown share of the cell. */
  record Bounds(double low, double high, double unknownShare) {}

  private CsvTable.Row sibling(CsvTable.Row row, String group) {
    return panelByKey.get(
        Keys.key(
            row.text("power"),
            row.text("basis"),
            row.text("period_type"),
            row.text("period"),
            row.text("geography_level"),
            row.text("area_code"),
            group));
  }

  /**
   * One point of a trend: a rolling 12-month window or a financial year, ending in a month.
   *
   * @param year whether the point is a financial year (else a rolling window)
   */
  record TrendPoint(
      String period,
      String endMonth,
      boolean year,
      Double ratio,
      Double low,
      Double high,
      String key) {}

  /** Each compared group's points in time order, and the breaks in the series by end month. */
  record Trend(Map<String, List<TrendPoint>> byGroup, Map<String, String> breaks) {
    boolean hasPoints() {
      return byGroup.values().stream().flatMap(List::stream).anyMatch(p -> p.ratio() != null);
    }

    boolean hasRolling() {
      return byGroup.values().stream()
          .flatMap(List::stream)
          .anyMatch(p -> !p.year() && p.ratio() != null);
    }
  }

  /**
   * A power's series at the area: each financial year's ratio (a panel value), and each rolling
   * 12-month ratio whose window's monthly counts, the group's and the reference group's, are all
   * published in the panel table. The panel table does not publish rolling windows (a window minus
   * the one before would give away a suppressed month), so a window is shown only where it is a sum
   * of published months and tells a reader nothing the months do not.
   */
  Trend trend(String power) {
    TreeSet<String> rolling = new TreeSet<>();
    TreeSet<String> years = new TreeSet<>();
    for (CsvTable.Row row : analyst.rows()) {
      if (area.owns(row)
          && power.equals(row.text("power"))
          && Basis.PLACE_OF_EVENT.equals(row.text("basis"))) {
        if (PeriodType.ROLLING_YEAR.equals(row.text("period_type"))) {
          rolling.add(row.text("period"));
        } else if (PeriodType.FINANCIAL_YEAR.equals(row.text("period_type"))) {
          years.add(row.text("period"));
        }
      }
    }
    Map<String, List<TrendPoint>> byGroup = new LinkedHashMap<>();
    Map<String, String> breaks = new TreeMap<>();
    for (String group : comparedGroups()) {
      List<TrendPoint> points = new ArrayList<>();
      for (String year : years) {
        CsvTable.Row row =
            panelRow(power, PeriodType.FINANCIAL_YEAR, year, area.level(), area.code(), group);
        String end = lastMonth(row, year);
        points.add(
            ratioPublished(row)
                ? new TrendPoint(
                    year,
                    end,
                    true,
                    row.number("ratio"),
                    row.number("ratio_ci_low"),
                    row.number("ratio_ci_high"),
                    Keys.of(row))
                : new TrendPoint(year, end, true, null, null, null, ""));
        noteBreak(breaks, analystRow(row), end);
      }
      for (String window : rolling) {
        String end = window.substring(window.indexOf('/') + 1);
        CsvTable.Row full =
            analystByKey.get(
                Keys.key(
                    power,
                    Basis.PLACE_OF_EVENT,
                    PeriodType.ROLLING_YEAR,
                    window,
                    area.level(),
                    area.code(),
                    group));
        boolean shown =
            full != null
                && full.number("ratio") != null
                && full.number("ratio_ci_low") != null
                && full.number("ratio_ci_high") != null
                && monthsPublished(power, window, group)
                && monthsPublished(power, window, reference);
        points.add(
            shown
                ? new TrendPoint(
                    window,
                    end,
                    false,
                    full.number("ratio"),
                    full.number("ratio_ci_low"),
                    full.number("ratio_ci_high"),
                    "")
                : new TrendPoint(window, end, false, null, null, null, ""));
        if (shown) {
          noteBreak(breaks, full, end);
        }
      }
      points.sort(Comparator.comparing(TrendPoint::endMonth).thenComparing(TrendPoint::year));
      byGroup.put(group, points);
    }
    return new Trend(byGroup, breaks);
  }

  /** The last month a financial-year row covers: March, or the window's end in a short year. */
  private String lastMonth(CsvTable.Row row, String year) {
    String march = (Integer.parseInt(year.substring(0, 4)) + 1) + "-03";
    String to = manifest.path("window").path("to").asText("");
    return !to.isEmpty() && to.compareTo(march) < 0 ? to : march;
  }

  private static void noteBreak(Map<String, String> breaks, CsvTable.Row full, String end) {
    if (full == null || full.text("series_break").isEmpty()) {
      return;
    }
    Set<String> words = new TreeSet<>();
    for (String code : full.text("series_break").split(";")) {
      words.add(Words.seriesBreak(code));
    }
    breaks.merge(
        end,
        String.join(", ", words),
        (a, b) -> {
          Set<String> all = new TreeSet<>(List.of(a.split(", ")));
          all.addAll(List.of(b.split(", ")));
          return String.join(", ", all);
        });
  }

  /** Whether every month of a rolling window has the group's count published at the area. */
  private boolean monthsPublished(String power, String window, String group) {
    java.time.YearMonth first = java.time.YearMonth.parse(window.substring(0, 7));
    java.time.YearMonth last = java.time.YearMonth.parse(window.substring(8));
    for (java.time.YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      if (!published(
          panelRow(power, PeriodType.MONTH, m.toString(), area.level(), area.code(), group))) {
        return false;
      }
    }
    return true;
  }

  /** One district on a funnel plot. */
  record FunnelPoint(
      String code,
      String name,
      double expected,
      double ratio,
      double low,
      double high,
      String position,
      boolean focus,
      String key) {}

  /** The districts of one group on the funnel plot, and the force's ratio they are set against. */
  record Funnel(String group, double target, List<FunnelPoint> points, int hidden) {}

  /**
   * The funnel plots of a power's districts in a financial year, one per compared group whose force
   * ratio and at least one district's ratio are published. A district without a published ratio is
   * counted in {@link Funnel#hidden}, never drawn.
   */
  List<Funnel> funnels(String power, String year) {
    List<Funnel> funnels = new ArrayList<>();
    for (String group : comparedGroups()) {
      // The funnel is drawn around the force's ratio: none where the panel does not publish it.
      if (!ratioPublished(
          panelRow(
              power, PeriodType.FINANCIAL_YEAR, year, GeographyLevel.FORCE, forceCode, group))) {
        continue;
      }
      List<FunnelPoint> points = new ArrayList<>();
      int hidden = 0;
      Double target = null;
      for (CsvTable.Row row : panel.rows()) {
        if (!GeographyLevel.DISTRICT.equals(row.text("geography_level"))
            || GeographyLevel.UNKNOWN_DISTRICT.equals(row.text("area_code"))
            || !power.equals(row.text("power"))
            || !Basis.PLACE_OF_EVENT.equals(row.text("basis"))
            || !PeriodType.FINANCIAL_YEAR.equals(row.text("period_type"))
            || !year.equals(row.text("period"))
            || !group.equals(row.text("ethnic_group"))) {
          continue;
        }
        CsvTable.Row full = analystRow(row);
        if (!ratioPublished(row)
            || full == null
            || full.number("funnel_target") == null
            || !(row.number("ratio") > 0)) {
          hidden++;
          continue;
        }
        target = full.number("funnel_target");
        double events = row.number("events");
        double ratio = row.number("ratio");
        points.add(
            new FunnelPoint(
                row.text("area_code"),
                row.text("area_name"),
                events / ratio,
                ratio,
                row.number("ratio_ci_low"),
                row.number("ratio_ci_high"),
                full.text("funnel_position"),
                row.text("area_code").equals(area.code()),
                Keys.of(row)));
      }
      if (target != null) {
        points.sort(Comparator.comparing(FunnelPoint::name));
        funnels.add(new Funnel(group, target, points, hidden));
      }
    }
    return funnels;
  }

  /** A district's published ratio for the map; {@code ratio} null where not published. */
  record DistrictRatio(String code, String name, Double ratio, String key) {}

  /** The districts of the force with each compared group's published ratio, by group. */
  Map<String, List<DistrictRatio>> districtRatios(String power, String year) {
    Map<String, List<DistrictRatio>> byGroup = new LinkedHashMap<>();
    for (String group : comparedGroups()) {
      List<DistrictRatio> list = new ArrayList<>();
      for (CsvTable.Row row : panel.rows()) {
        if (GeographyLevel.DISTRICT.equals(row.text("geography_level"))
            && !GeographyLevel.UNKNOWN_DISTRICT.equals(row.text("area_code"))
            && power.equals(row.text("power"))
            && Basis.PLACE_OF_EVENT.equals(row.text("basis"))
            && PeriodType.FINANCIAL_YEAR.equals(row.text("period_type"))
            && year.equals(row.text("period"))
            && group.equals(row.text("ethnic_group"))) {
          list.add(
              new DistrictRatio(
                  row.text("area_code"),
                  row.text("area_name"),
                  ratioPublished(row) ? row.number("ratio") : null,
                  Keys.of(row)));
        }
      }
      list.sort(Comparator.comparing(DistrictRatio::name));
      byGroup.put(group, list);
    }
    return byGroup;
  }

  /** A stage of the cascade: where its count is published in the panel tables. */
  record Stage(String label, String power, String measure) {}

  /**
   * The stages from search to charge, each a count in the panel tables: searches and arrests are
   * the stop-and-search and custody counts, detentions, strip searches and charges the custody
   * outcome numerators.
   */
  static final List<Stage> STAGES =
      List.of(
          new Stage("Searched", Power.STOP_SEARCH.code(), null),
          new Stage("Arrested", Power.CUSTODY.code(), null),
          new Stage("Detained", Power.CUSTODY.code(), "detention_authorised_rate"),
          new Stage("Strip-searched", Power.CUSTODY.code(), "strip_search_rate"),
          new Stage("Charged", Power.CUSTODY.code(), "charged_share"));

  /**
   * A stage's count and rate per 1,000 residents for a group: nulls where there is none, {@code
   * suppressed} where the panel tables have the count and do not show it.
   */
  record StageValue(Double count, Double per1000, String key, boolean suppressed) {}

  /** The cascade for a year: by group, a value per stage, in {@link #STAGES} order. */
  Map<String, List<StageValue>> cascade(String year) {
    Map<String, List<StageValue>> byGroup = new LinkedHashMap<>();
    for (EthnicGroup known : EthnicGroup.KNOWN) {
      String group = known.label();
      CsvTable.Row searches =
          panelRow(
              Power.STOP_SEARCH.code(),
              PeriodType.FINANCIAL_YEAR,
              year,
              area.level(),
              area.code(),
              group);
      Double population = searches == null ? null : searches.number("population");
      List<StageValue> values = new ArrayList<>();
      for (Stage stage : STAGES) {
        Double count = null;
        String key = "";
        boolean suppressed = false;
        if (stage.measure() == null) {
          CsvTable.Row row =
              panelRow(
                  stage.power(), PeriodType.FINANCIAL_YEAR, year, area.level(), area.code(), group);
          suppressed = row != null && row.suppressed("events");
          if (published(row)) {
            count = row.number("events");
            key = Keys.of(row);
          }
        } else {
          CsvTable.Row row =
              outcomeRow(stage.power(), year, area.level(), area.code(), group, stage.measure());
          suppressed = row != null && row.suppressed("numerator");
          if (row != null && !suppressed && row.number("numerator") != null) {
            count = row.number("numerator");
            key = Keys.outcome(row);
          }
        }
        Double per1000 =
            count == null || population == null || !(population > 0)
                ? null
                : count / population * 1000;
        values.add(new StageValue(count, per1000, key, suppressed));
      }
      byGroup.put(group, values);
    }
    return byGroup;
  }

  /** Whether the area has custody rows for the year: without them there is no cascade. */
  boolean hasCascade(String year) {
    return panelRow(
            Power.CUSTODY.code(),
            PeriodType.FINANCIAL_YEAR,
            year,
            area.level(),
            area.code(),
            EthnicGroup.ALL)
        != null;
  }

  /** Months submitted by power: month to submission code ({@code submitted}, ...). */
  Map<String, Map<String, String>> coverage() {
    Map<String, Map<String, String>> byPower = new LinkedHashMap<>();
    for (String power : POWERS) {
      Map<String, String> months = new TreeMap<>();
      for (CsvTable.Row row : coverage.rows()) {
        if (power.equals(row.text("power"))) {
          months.put(row.text("month"), row.text("submission"));
        }
      }
      if (!months.isEmpty()) {
        byPower.put(power, months);
      }
    }
    return byPower;
  }

  /** A field's missing-data share in words, and the share where it is shown. */
  record MissingField(String power, String field, String text, Double share) {}

  /**
   * The share of records missing each key field in the area and year: a share from at least {@link
   * #QUALITY_MINIMUM} missing records (or none), else "fewer than" it. Ethnicity's share is the
   * Unknown count's over All's in the panel table, so it is shown exactly where they are.
   */
  List<MissingField> missingFields(String power, String year) {
    List<MissingField> fields = new ArrayList<>();
    for (CsvTable.Row row : missing.rows()) {
      if (!area.owns(row)
          || !power.equals(row.text("power"))
          || !Basis.PLACE_OF_EVENT.equals(row.text("basis"))
          || !PeriodType.FINANCIAL_YEAR.equals(row.text("period_type"))
          || !year.equals(row.text("period"))
          || !"records".equals(row.text("scope"))) {
        continue;
      }
      String field = row.text("field");
      if (field.contains("ethnic")) {
        CsvTable.Row any =
            panelRow(
                power, PeriodType.FINANCIAL_YEAR, year, area.level(), area.code(), EthnicGroup.ALL);
        Double share = any == null ? null : unknownShare(any);
        fields.add(
            new MissingField(
                power,
                field,
                share == null ? "not shown (small numbers)" : Numbers.percent(share),
                share));
        continue;
      }
      Double count = row.number("missing");
      Double share = row.number("missing_rate");
      if (count == null || share == null) {
        fields.add(new MissingField(power, field, "no records", null));
      } else if (count == 0) {
        fields.add(new MissingField(power, field, "none", 0.0));
      } else if (count < QUALITY_MINIMUM) {
        fields.add(
            new MissingField(power, field, "fewer than " + QUALITY_MINIMUM + " records", null));
      } else {
        fields.add(new MissingField(power, field, Numbers.percent(share), share));
      }
    }
    return fields;
  }

  /** Records of a year's stop and search without a district: the share, or words. */
  String withoutDistrict(String year) {
    int start = Integer.parseInt(year.substring(0, 4));
    String from = start + "-04";
    String to = (start + 1) + "-03";
    double records = 0;
    double placed = 0;
    for (CsvTable.Row row : geo.rows()) {
      String month = row.text("month");
      if (month.compareTo(from) >= 0 && month.compareTo(to) <= 0) {
        Double all = row.number("records");
        if (all != null) {
          records += all;
          placed += nonNull(row.number("given")) + nonNull(row.number("assigned"));
        }
      }
    }
    if (records == 0) {
      return null;
    }
    double without = records - placed;
    if (without == 0) {
      return "none";
    }
    if (without < QUALITY_MINIMUM) {
      return "fewer than " + QUALITY_MINIMUM + " records";
    }
    return Numbers.percent(without / records);
  }

  private static double nonNull(Double value) {
    return value == null ? 0 : value;
  }

  /** The small-number rules of the run, in words, for the method notes. */
  String suppressionRule() {
    return String.format(
        "Counts from 1 to %d are not shown (%d for strip searches and children), nor any count"
            + " that would let a reader work one out by subtraction; rates need %d events, ratios"
            + " %d in both groups, and ratios from fewer than %d are marked for caution.",
        rules.panelMinimum() - 1,
        rules.panelSensitiveMinimum() - 1,
        rules.rateMinimum(),
        rules.ratioMinimum(),
        rules.reliableMinimum());
  }
}
