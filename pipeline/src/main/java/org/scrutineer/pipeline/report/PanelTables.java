package org.scrutineer.pipeline.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.aggregate.PowerMeasures;
import org.scrutineer.pipeline.schema.EthnicGroup;

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
  public record Decision(List<Row> rows, long[] values, boolean[] hidden, List<int[]> relations) {}

  /**
   * The rows of {@code disproportionality} the panel table publishes: months and financial years.
   * Rolling 12-month windows overlap, so publishing them beside the months would let a reader
   * difference out a suppressed month (window minus the previous window); they stay internal.
   */
  public static List<Row> publishable(List<Row> rows) {
    return rows.stream().filter(r -> !Periods.ROLLING_YEAR.equals(r.getAs("period_type"))).toList();
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
      List<int[]> relations) {}

  /**
   * Decides which counts of the panel tables to suppress, all in one problem: the events of the
   * publishable {@code disproportionality} rows and the numerators and denominators of {@code
   * outcomes} (measures about children and strip searches at the sensitive minimum). Besides each
   * table's own totals, the relations include every count that appears more than once (the same
   * area, period, group and measure: the searches of a cell are both an event count and the
   * denominator of its arrest rate) and the custody disposals adding up to the detentions with a
   * known disposal, so that no copy or sum publishes what another place hides.
   */
  public static Panel decide(List<Row> disproportionality, List<Row> outcomes, SmallNumbers rules) {
    int d = disproportionality.size();
    int n = outcomes.size();
    long[] values = new long[d + 2 * n];
    long[] thresholds = new long[values.length];
    List<String> identities = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      Row row = disproportionality.get(i);
      values[i] = row.<Long>getAs("events");
      thresholds[i] = rules.panelMinimum();
      identities.add(identity(row, row.getAs("power"), EventCounts.EVENTS));
    }
    Map<String, PowerMeasures.Ratio> ratios = new HashMap<>();
    PowerMeasures.RATIOS.forEach(r -> ratios.put(r.power().code() + " " + r.name(), r));
    List<String> denominators = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Row row = outcomes.get(i);
      PowerMeasures.Ratio ratio = ratios.get(row.getAs("power") + " " + row.getAs("measure"));
      values[d + i] = row.<Long>getAs("numerator");
      values[d + n + i] = Math.round(row.<Double>getAs("denominator"));
      long t =
          sensitive(row.getAs("measure")) ? rules.panelSensitiveMinimum() : rules.panelMinimum();
      thresholds[d + i] = t;
      thresholds[d + n + i] = t;
      identities.add(identity(row, row.getAs("power"), ratio.numerator()));
      denominators.add(identity(row, ratio.denominatorPower().code(), ratio.denominator()));
    }
    identities.addAll(denominators);
    List<int[]> relations = new ArrayList<>(relations(disproportionality, values, 0, null));
    relations.addAll(relations(outcomes, values, d, "measure"));
    relations.addAll(relations(outcomes, values, d + n, "measure"));
    relations.addAll(copies(identities));
    relations.addAll(disposals(identities, values));
    boolean[] hidden = Suppression.suppress(values, thresholds, relations);
    return new Panel(
        new Decision(
            disproportionality,
            java.util.Arrays.copyOfRange(values, 0, d),
            java.util.Arrays.copyOfRange(hidden, 0, d),
            List.of()),
        new Decision(
            outcomes,
            java.util.Arrays.copyOfRange(values, d, values.length),
            java.util.Arrays.copyOfRange(hidden, d, values.length),
            List.of()),
        values,
        hidden,
        relations);
  }

  /** What a count is: its cell, group and measure (aliases folded). */
  private static String identity(Row row, String power, String measure) {
    return key(
        power,
        row.getAs("basis"),
        row.getAs("period_type"),
        row.getAs("period"),
        row.getAs("geography_level"),
        row.getAs("area_code"),
        row.getAs("force"),
        row.getAs("ethnic_group"),
        ALIASES.getOrDefault(measure, measure));
  }

  /** Measures that always count the same events under another name. */
  private static final Map<String, String> ALIASES =
      Map.of(PowerMeasures.reached(1), "tactic_known");

  /** Each count that appears more than once, linked to its next copy (a one-member relation). */
  private static List<int[]> copies(List<String> identities) {
    Map<String, Integer> last = new HashMap<>();
    List<int[]> relations = new ArrayList<>();
    for (int i = 0; i < identities.size(); i++) {
      Integer before = last.put(identities.get(i), i);
      if (before != null) {
        relations.add(new int[] {before, i});
      }
    }
    return relations;
  }

  /** The six custody disposals of a cell and group add up to the detentions with one known. */
  private static List<int[]> disposals(List<String> identities, long[] values) {
    String known = "disposal_known" + SEPARATOR;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < identities.size(); i++) {
      index.putIfAbsent(identities.get(i), i);
    }
    List<int[]> relations = new ArrayList<>();
    index.forEach(
        (identity, total) -> {
          if (!identity.endsWith(known)) {
            return;
          }
          String cell = identity.substring(0, identity.length() - known.length());
          int[] relation = new int[PowerMeasures.DISPOSALS.size() + 1];
          long sum = 0;
          for (int k = 0; k < PowerMeasures.DISPOSALS.size(); k++) {
            Integer i = index.get(cell + PowerMeasures.DISPOSALS.get(k) + SEPARATOR);
            if (i == null) {
              return;
            }
            relation[k] = i;
            sum += values[i];
          }
          relation[relation.length - 1] = total;
          if (sum == values[total]) {
            relations.add(relation);
          }
        });
    return relations;
  }

  /** The panel CSV lines of a decision (values as published, {@code [c]} where suppressed). */
  public static List<List<Object>> disproportionality(Decision decision) {
    Map<String, Integer> byCellGroup = new HashMap<>();
    for (int i = 0; i < decision.rows().size(); i++) {
      Row row = decision.rows().get(i);
      byCellGroup.put(cellGroup(row, row.getAs("ethnic_group")), i);
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
        }
        line.add(value);
      }
      lines.add(line);
    }
    return lines;
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
      byCellGroup.put(key(cellGroup(row, row.getAs("ethnic_group")), row.getAs("measure")), i);
    }
    List<List<Object>> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Row row = decision.rows().get(i);
      boolean hidden = decision.hidden()[i] || decision.hidden()[n + i];
      Integer reference =
          byCellGroup.get(key(cellGroup(row, row.getAs("reference_group")), row.getAs("measure")));
      boolean referenceHidden =
          reference != null && (decision.hidden()[reference] || decision.hidden()[n + reference]);
      List<Object> line = new ArrayList<>();
      for (String column : OUTCOMES_COLUMNS) {
        Object value = row.getAs(column);
        if (column.equals("numerator") && decision.hidden()[i]
            || column.equals("denominator") && decision.hidden()[n + i]
            || column.startsWith("rate") && hidden
            || column.startsWith("ratio") && (hidden || referenceHidden) && value != null) {
          value = SUPPRESSED;
        }
        line.add(value);
      }
      lines.add(line);
    }
    return lines;
  }

  /** A panel table as Excel-friendly CSV text (as every other CSV of the run). */
  public static String csv(List<String> columns, List<List<Object>> lines) {
    StringBuilder text = new StringBuilder(CsvFormat.BOM).append(CsvFormat.header(columns));
    for (List<Object> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        text.append(i == 0 ? "" : ",").append(CsvFormat.value(line.get(i)));
      }
      text.append(CsvFormat.EOL);
    }
    return text.toString();
  }

  /**
   * The exact relations among counts {@code values[offset + i]} of rows {@code i}; {@code
   * extraKey}, when given, is a column (such as {@code measure}) whose rows never add up together.
   */
  private static List<int[]> relations(List<Row> rows, long[] values, int offset, String extraKey) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    Map<String, Integer> totals = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      int i = offset + r;
      String group = row.getAs("ethnic_group");
      Object extra = extraKey == null ? "" : row.getAs(extraKey);
      String cell = key("groups", cellGroup(row, null), extra);
      if (group.equals(EthnicGroup.ALL)) {
        totals.put(cell, i);
      } else {
        members.computeIfAbsent(cell, k -> new ArrayList<>()).add(i);
      }
      String level = row.getAs("geography_level");
      String inForce =
          key(
              extra,
              row.getAs("power"),
              row.getAs("basis"),
              row.getAs("period_type"),
              row.getAs("period"),
              row.getAs("force"),
              group);
      if (level.equals(EventCounts.FORCE_LEVEL)) {
        totals.put(key("districts", inForce), i);
        totals.put(key("csps", inForce), i);
      } else {
        String kind = level.equals(EventCounts.CSP_LEVEL) ? "csps" : "districts";
        members.computeIfAbsent(key(kind, inForce), k -> new ArrayList<>()).add(i);
      }
      String periodType = row.getAs("period_type");
      String period = row.getAs("period");
      String year =
          periodType.equals(Periods.MONTH)
              ? Periods.financialYear(java.time.YearMonth.parse(period))
              : period;
      String area =
          key(
              "months",
              extra,
              row.getAs("power"),
              row.getAs("basis"),
              level,
              row.getAs("area_code"),
              row.getAs("force"),
              group,
              year);
      if (periodType.equals(Periods.MONTH)) {
        members.computeIfAbsent(area, k -> new ArrayList<>()).add(i);
      } else {
        totals.put(area, i);
      }
    }
    List<int[]> relations = new ArrayList<>();
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
          // Only exact relations: a sum that does not hold tells an attacker nothing exact.
          if (sum != values[total]) {
            return;
          }
          int[] relation = new int[list.size() + 1];
          for (int k = 0; k < list.size(); k++) {
            relation[k] = list.get(k);
          }
          relation[list.size()] = total;
          relations.add(relation);
        });
    return relations;
  }

  private static String cellGroup(Row row, String group) {
    return key(
        row.getAs("power"),
        row.getAs("basis"),
        row.getAs("period_type"),
        row.getAs("period"),
        row.getAs("geography_level"),
        row.getAs("area_code"),
        row.getAs("force"),
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
