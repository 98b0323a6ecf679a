package org.scrutineer.pipeline.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.aggregate.PowerMeasures;
import org.scrutineer.pipeline.io.CsvFormat;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.PeriodType;

/**
 * The tables meant for panels and the public ({@code panel/}), with small cells suppressed: CSV
 * only, no record-level data; the internal Parquet tables keep every figure.
 *
 * <p>{@link #disproportionality}: events from 1 to below the threshold are replaced by {@code [c]}
 * (the ONS mark), with their rate, its interval and their ratio (each would reveal the count given
 * the public Census population); secondary suppression ({@link Suppression}) then hides enough
 * other counts that none can be recovered by subtraction along the table's exact relations: the
 * groups and Unknown of a cell adding up to All, the districts (and CSPs) of a force adding up to
 * the force, and the months of a financial year adding up to the year. A ratio is also hidden when
 * its reference group's count is.
 */
public final class PanelTables {
  /** The mark of a suppressed value. */
  public static final String SUPPRESSED = "[c]";

  private static final List<String> COUNT_COLUMNS =
      List.of(
          "events",
          "rate_per_1000",
          "rate_ci_low",
          "rate_ci_high",
          "ratio",
          "ratio_ci_low",
          "ratio_ci_high");

  /** The columns that say what, when, where and who, first in every panel table. */
  private static final List<String> CELL_COLUMNS =
      List.of(
          "power",
          "basis",
          "period_type",
          "period",
          "period_complete",
          "geography_level",
          "area_code",
          "area_name",
          "force",
          "ethnic_group");

  private static List<String> withCellColumns(String... columns) {
    List<String> all = new ArrayList<>(CELL_COLUMNS);
    all.addAll(List.of(columns));
    return List.copyOf(all);
  }

  /** The columns of the panel disproportionality table, in order. */
  public static final List<String> DISPROPORTIONALITY_COLUMNS =
      withCellColumns(
          "events",
          "population",
          "rate_per_1000",
          "rate_ci_low",
          "rate_ci_high",
          "ratio",
          "ratio_ci_low",
          "ratio_ci_high",
          "flag");

  private PanelTables() {}

  /** The suppression decided for a table: which rows' counts are hidden. */
  public record Decision(List<Row> rows, long[] values, boolean[] hidden, SmallNumbers rules) {}

  /**
   * The rows of {@code disproportionality} the panel table publishes: months and financial years.
   * Rolling 12-month windows overlap, so publishing them beside the months would let a reader
   * difference out a suppressed month (window minus the previous window); they stay internal.
   */
  public static List<Row> publishable(List<Row> rows) {
    return rows.stream()
        .filter(r -> !PeriodType.ROLLING_YEAR.equals(r.getAs(Columns.PERIOD_TYPE)))
        .toList();
  }

  /**
   * The suppression of both panel tables, decided together (a count published in one table and
   * hidden in the other would give itself away).
   *
   * @param disproportionality the decision on the published {@code disproportionality} rows
   * @param outcomes the decision on the {@code outcomes} rows
   * @param values every count of both: the rows' events, then the outcomes numerators, then their
   *     denominators
   * @param hidden which of {@code values} are suppressed
   * @param relations the exact relations among {@code values} an attacker can use
   */
  public record Panel(
      Decision disproportionality,
      Decision outcomes,
      long[] values,
      boolean[] hidden,
      List<Suppression.Relation> relations) {}

  /**
   * Decides which counts of the panel tables to suppress, all in one problem: the events of the
   * publishable {@code disproportionality} rows and the numerators and denominators of {@code
   * outcomes} (measures about children and strip searches at the sensitive minimum). The relations
   * are every one an outsider can derive from the two tables and the public ONS lookup: the groups
   * and Unknown add up to All; a CSP's districts add up to the CSP; the districts, or the CSPs with
   * the {@code UNKNOWN} district (and any district in no CSP), add up to the force; the months of a
   * financial year add up to the year; a count that appears more than once (the searches of a cell
   * are both an event count and the denominator of its arrest rate) is the same everywhere; a
   * share's numerator is at most its denominator; a higher step of the use-of-force ladder is
   * reached by at most as many as a lower one; the six published custody disposals add up to at
   * most the detentions with a known disposal.
   *
   * @param districtCsps district code to CSP code, from the area lookup (empty without one)
   */
  public static Panel decide(
      List<Row> disproportionality,
      List<Row> outcomes,
      SmallNumbers rules,
      Map<String, String> districtCsps) {
    int d = disproportionality.size();
    int n = outcomes.size();
    long[] values = new long[d + 2 * n];
    long[] thresholds = new long[values.length];
    List<String> identities = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      Row row = disproportionality.get(i);
      values[i] = row.<Long>getAs("events");
      thresholds[i] = rules.panelMinimum();
      identities.add(identity(row, row.getAs(Columns.POWER), EventCounts.EVENTS));
    }
    Map<String, PowerMeasures.Ratio> ratios = ratiosByName();
    List<String> denominators = new ArrayList<>();
    List<Suppression.Relation> relations = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Row row = outcomes.get(i);
      PowerMeasures.Ratio ratio = ratios.get(row.getAs(Columns.POWER) + " " + row.getAs("measure"));
      values[d + i] = row.<Long>getAs("numerator");
      values[d + n + i] = Math.round(row.<Double>getAs("denominator"));
      long t =
          sensitive(row.getAs("measure")) ? rules.panelSensitiveMinimum() : rules.panelMinimum();
      thresholds[d + i] = t;
      thresholds[d + n + i] = t;
      identities.add(identity(row, row.getAs(Columns.POWER), ratio.numerator()));
      denominators.add(identity(row, ratio.denominatorPower().code(), ratio.denominator()));
      if (ratio.kind() == PowerMeasures.Kind.PROPORTION) {
        relations.add(Suppression.Relation.atMost(new int[] {d + i}, d + n + i));
      }
    }
    identities.addAll(denominators);
    List<String> cells = new ArrayList<>(values.length);
    for (Row row : disproportionality) {
      cells.add(placeGroup(row));
    }
    for (int copy = 0; copy < 2; copy++) {
      for (Row row : outcomes) {
        cells.add(placeGroup(row));
      }
    }
    relations.addAll(relations(disproportionality, values, 0, null, districtCsps));
    relations.addAll(relations(outcomes, values, d, "measure", districtCsps));
    relations.addAll(relations(outcomes, values, d + n, "measure", districtCsps));
    relations.addAll(equalCounts(cells, values));
    Map<String, Integer> index = firstIndex(identities);
    relations.addAll(disposals(index));
    relations.addAll(ladder(index));
    boolean[] hidden = Suppression.suppress(values, thresholds, relations);
    return new Panel(
        new Decision(
            disproportionality,
            java.util.Arrays.copyOfRange(values, 0, d),
            java.util.Arrays.copyOfRange(hidden, 0, d),
            rules),
        new Decision(
            outcomes,
            java.util.Arrays.copyOfRange(values, d, values.length),
            java.util.Arrays.copyOfRange(hidden, d, values.length),
            rules),
        values,
        hidden,
        relations);
  }

  private static Map<String, PowerMeasures.Ratio> ratiosByName() {
    Map<String, PowerMeasures.Ratio> ratios = new HashMap<>();
    PowerMeasures.RATIOS.forEach(r -> ratios.put(r.power().code() + " " + r.name(), r));
    return ratios;
  }

  /** What a count is: its cell, group and measure (aliases folded). */
  private static String identity(Row row, String power, String measure) {
    return key(
        power,
        row.getAs(Columns.BASIS),
        row.getAs(Columns.PERIOD_TYPE),
        row.getAs(Columns.PERIOD),
        row.getAs(Columns.GEOGRAPHY_LEVEL),
        row.getAs(Columns.AREA_CODE),
        row.getAs(Columns.FORCE),
        row.getAs(Columns.ETHNIC_GROUP),
        ALIASES.getOrDefault(measure, measure));
  }

  /** Measures that always count the same events under another name. */
  private static final Map<String, String> ALIASES =
      Map.of(PowerMeasures.reached(1), "tactic_known");

  /**
   * Equal non-zero counts of the same cell and group, each linked to the first (a one-member
   * relation). This covers every count published twice (the searches of a cell are its events and
   * its arrest rate's denominator) and every pair of measures that happen to be equal (a field
   * recorded for every subject makes its "known" count equal to the events): an outsider learns
   * such equalities from the cells where both are published, and cannot be allowed to apply one
   * where it holds.
   */
  private static List<Suppression.Relation> equalCounts(List<String> cells, long[] values) {
    Map<String, Integer> first = new HashMap<>();
    List<Suppression.Relation> relations = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      if (values[i] == 0) {
        continue;
      }
      Integer before = first.putIfAbsent(key(cells.get(i), values[i]), i);
      if (before != null) {
        relations.add(Suppression.Relation.sum(new int[] {before}, i));
      }
    }
    return relations;
  }

  /** The first index of each count's identity. */
  private static Map<String, Integer> firstIndex(List<String> identities) {
    // In the rows' order, so the relations derived from it come in an order that does not depend
    // on which other forces are in the run (a hash order would).
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < identities.size(); i++) {
      index.putIfAbsent(identities.get(i), i);
    }
    return index;
  }

  /**
   * Calls {@code action} with the cell-and-group prefix and the index of every count of {@code
   * measure} in {@code index} (identities from {@link #identity}, the measure last).
   */
  private static void eachCellWith(
      Map<String, Integer> index,
      String measure,
      java.util.function.BiConsumer<String, Integer> action) {
    String suffix = measure + SEPARATOR;
    index.forEach(
        (identity, i) -> {
          if (identity.endsWith(suffix)) {
            action.accept(identity.substring(0, identity.length() - suffix.length()), i);
          }
        });
  }

  /**
   * The six published custody disposals of a cell and group add up to at most the detentions with a
   * known disposal (the rest are {@code other}, which is not published).
   */
  private static List<Suppression.Relation> disposals(Map<String, Integer> index) {
    List<Suppression.Relation> relations = new ArrayList<>();
    eachCellWith(
        index,
        "disposal_known",
        (cell, total) -> {
          int[] members = new int[PowerMeasures.DISPOSALS.size()];
          for (int k = 0; k < members.length; k++) {
            Integer i = index.get(cell + PowerMeasures.DISPOSALS.get(k) + SEPARATOR);
            if (i == null) {
              return;
            }
            members[k] = i;
          }
          relations.add(Suppression.Relation.atMost(members, total));
        });
    return relations;
  }

  /** Each step of the use-of-force ladder is reached by at most as many as the step below. */
  private static List<Suppression.Relation> ladder(Map<String, Integer> index) {
    List<Suppression.Relation> relations = new ArrayList<>();
    eachCellWith(
        index,
        ALIASES.get(PowerMeasures.reached(1)),
        (cell, lowest) -> {
          int below = lowest;
          for (int step = 2; step <= PowerMeasures.LADDER.size(); step++) {
            Integer above = index.get(cell + PowerMeasures.reached(step) + SEPARATOR);
            if (above == null) {
              return;
            }
            relations.add(Suppression.Relation.atMost(new int[] {above}, below));
            below = above;
          }
        });
    return relations;
  }

  /** The panel CSV lines of a decision (values as published, {@code [c]} where suppressed). */
  public static List<List<Object>> disproportionality(Decision decision) {
    Map<String, Integer> byCellGroup = new HashMap<>();
    for (int i = 0; i < decision.rows().size(); i++) {
      Row row = decision.rows().get(i);
      byCellGroup.put(cellGroup(row, row.getAs(Columns.ETHNIC_GROUP)), i);
    }
    List<List<Object>> lines = new ArrayList<>();
    for (int i = 0; i < decision.rows().size(); i++) {
      Row row = decision.rows().get(i);
      Integer reference = byCellGroup.get(cellGroup(row, row.getAs("reference_group")));
      boolean referenceHidden = reference != null && decision.hidden()[reference];
      List<Object> line = new ArrayList<>();
      for (String column : DISPROPORTIONALITY_COLUMNS) {
        Object value = row.getAs(column);
        boolean count = COUNT_COLUMNS.contains(column);
        if (count && decision.hidden()[i]) {
          value = SUPPRESSED;
        } else if (column.startsWith("ratio") && referenceHidden && value != null) {
          value = SUPPRESSED;
        } else if (column.equals("flag")) {
          value =
              panelFlag(
                  value,
                  decision.hidden()[i],
                  referenceHidden,
                  row.<Long>getAs("events"),
                  decision);
        }
        line.add(value);
      }
      lines.add(line);
    }
    return lines;
  }

  /**
   * The flag as published: {@code suppressed} where the row's count is hidden; where only the
   * reference group's count is hidden, the flag of the row's own count (a flag computed from the
   * hidden reference count would bound it); otherwise the flag as computed.
   */
  private static Object panelFlag(
      Object flag, boolean hidden, boolean referenceHidden, long basis, Decision decision) {
    if (hidden) {
      return SmallNumbers.SUPPRESSED;
    }
    return referenceHidden && flag != null ? decision.rules().rateFlag(basis) : flag;
  }

  /** Outcome measures about children or strip searches: suppressed under the stricter minimum. */
  public static boolean sensitive(String measure) {
    return measure.contains("child") || measure.contains("strip");
  }

  /** The columns of the panel outcomes table, in order. */
  public static final List<String> OUTCOMES_COLUMNS =
      withCellColumns(
          "measure",
          "numerator",
          "denominator",
          "rate",
          "rate_ci_low",
          "rate_ci_high",
          "ratio",
          "ratio_ci_low",
          "ratio_ci_high",
          "flag");

  /** The panel outcomes lines: a hidden numerator or denominator hides the rate and ratio too. */
  public static List<List<Object>> outcomes(Decision decision) {
    int n = decision.rows().size();
    Map<String, Integer> byCellGroup = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Row row = decision.rows().get(i);
      byCellGroup.put(
          key(cellGroup(row, row.getAs(Columns.ETHNIC_GROUP)), row.getAs("measure")), i);
    }
    Map<String, PowerMeasures.Ratio> ratios = ratiosByName();
    List<List<Object>> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Row row = decision.rows().get(i);
      boolean hidden = decision.hidden()[i] || decision.hidden()[n + i];
      Integer reference =
          byCellGroup.get(key(cellGroup(row, row.getAs("reference_group")), row.getAs("measure")));
      boolean referenceHidden =
          reference != null && (decision.hidden()[reference] || decision.hidden()[n + reference]);
      PowerMeasures.Ratio ratio = ratios.get(row.getAs(Columns.POWER) + " " + row.getAs("measure"));
      long basis =
          ratio.kind() == PowerMeasures.Kind.RATE ? decision.values()[i] : decision.values()[n + i];
      List<Object> line = new ArrayList<>();
      for (String column : OUTCOMES_COLUMNS) {
        Object value = row.getAs(column);
        if (column.equals("numerator") && decision.hidden()[i]
            || column.equals("denominator") && decision.hidden()[n + i]
            || column.startsWith("rate") && hidden
            || column.startsWith("ratio") && (hidden || referenceHidden) && value != null) {
          value = SUPPRESSED;
        } else if (column.equals("flag")) {
          value = panelFlag(value, hidden, referenceHidden, basis, decision);
        }
        line.add(value);
      }
      lines.add(line);
    }
    return lines;
  }

  /** One panel line as Excel-friendly CSV, with its line end. */
  public static String line(List<Object> values) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : ",").append(CsvFormat.value(values.get(i)));
    }
    return text.append(CsvFormat.EOL).toString();
  }

  /**
   * The exact relations among counts {@code values[offset + i]} of rows {@code i}: groups to All,
   * districts to their CSP, districts (or CSPs with the districts in no CSP, such as {@code
   * UNKNOWN}) to their force, months to their financial year. {@code extraKey}, when given, is a
   * column (such as {@code measure}) whose rows never add up together. Only relations that hold are
   * kept: one that does not tells an attacker nothing exact.
   */
  private static List<Suppression.Relation> relations(
      List<Row> rows,
      long[] values,
      int offset,
      String extraKey,
      Map<String, String> districtCsps) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    Map<String, Integer> totals = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      int i = offset + r;
      String group = row.getAs(Columns.ETHNIC_GROUP);
      Object extra = extraKey == null ? "" : row.getAs(extraKey);
      String cell = key("groups", cellGroup(row, null), extra);
      if (group.equals(EthnicGroup.ALL)) {
        totals.put(cell, i);
      } else {
        members.computeIfAbsent(cell, k -> new ArrayList<>()).add(i);
      }
      String level = row.getAs(Columns.GEOGRAPHY_LEVEL);
      String area = row.getAs(Columns.AREA_CODE);
      String inForce =
          key(
              extra,
              row.getAs(Columns.POWER),
              row.getAs(Columns.BASIS),
              row.getAs(Columns.PERIOD_TYPE),
              row.getAs(Columns.PERIOD),
              row.getAs(Columns.FORCE),
              group);
      if (level.equals(GeographyLevel.FORCE)) {
        totals.put(key("districts", inForce), i);
        totals.put(key("csps", inForce), i);
      } else if (level.equals(GeographyLevel.CSP)) {
        members.computeIfAbsent(key("csps", inForce), k -> new ArrayList<>()).add(i);
        totals.put(key("csp", inForce, area), i);
      } else {
        members.computeIfAbsent(key("districts", inForce), k -> new ArrayList<>()).add(i);
        String csp = districtCsps.get(area);
        String parent = csp == null ? key("csps", inForce) : key("csp", inForce, csp);
        members.computeIfAbsent(parent, k -> new ArrayList<>()).add(i);
      }
      String periodType = row.getAs(Columns.PERIOD_TYPE);
      String period = row.getAs(Columns.PERIOD);
      String year =
          periodType.equals(PeriodType.MONTH)
              ? Periods.financialYear(java.time.YearMonth.parse(period))
              : period;
      String months =
          key(
              "months",
              extra,
              row.getAs(Columns.POWER),
              row.getAs(Columns.BASIS),
              level,
              area,
              row.getAs(Columns.FORCE),
              group,
              year);
      if (periodType.equals(PeriodType.MONTH)) {
        members.computeIfAbsent(months, k -> new ArrayList<>()).add(i);
      } else {
        totals.put(months, i);
      }
    }
    List<Suppression.Relation> relations = new ArrayList<>();
    members.forEach(
        (key, list) -> {
          Integer total = totals.get(key);
          if (total == null) {
            return;
          }
          long sum = 0;
          for (int i : list) {
            sum += values[i];
          }
          if (sum != values[total]) {
            return;
          }
          relations.add(
              Suppression.Relation.sum(list.stream().mapToInt(Integer::intValue).toArray(), total));
        });
    return relations;
  }

  /** A cell and group of any power (a use-of-force rate's denominator is custody's count). */
  private static String placeGroup(Row row) {
    return key(
        row.getAs(Columns.BASIS),
        row.getAs(Columns.PERIOD_TYPE),
        row.getAs(Columns.PERIOD),
        row.getAs(Columns.GEOGRAPHY_LEVEL),
        row.getAs(Columns.AREA_CODE),
        row.getAs(Columns.FORCE),
        row.getAs(Columns.ETHNIC_GROUP));
  }

  private static String cellGroup(Row row, String group) {
    return key(
        row.getAs(Columns.POWER),
        row.getAs(Columns.BASIS),
        row.getAs(Columns.PERIOD_TYPE),
        row.getAs(Columns.PERIOD),
        row.getAs(Columns.GEOGRAPHY_LEVEL),
        row.getAs(Columns.AREA_CODE),
        row.getAs(Columns.FORCE),
        group);
  }

  /** Separates the parts of a key (no code or label contains it). */
  private static final String SEPARATOR = "\u001f";

  /**
   * One string key of the parts: string hashes spread these keys far better than list hashes, whose
   * sums of small differences (month against area code) collide by the thousand.
   */
  private static String key(Object... parts) {
    StringBuilder key = new StringBuilder();
    for (Object part : parts) {
      key.append(part).append(SEPARATOR);
    }
    return key.toString();
  }
}
