package org.scrutineer.pipeline.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.Periods;
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
  /** People-level counts below this are suppressed (METHODS.md section 4.4). */
  public static final long DEFAULT_MINIMUM = 10;

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

  /** The columns of the panel disproportionality table, in order. */
  public static final List<String> DISPROPORTIONALITY_COLUMNS =
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
          "ethnic_group",
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

  /** Decides which rows of {@code disproportionality} to suppress. */
  public static Decision decide(List<Row> rows, long threshold) {
    long[] values = new long[rows.size()];
    long[] thresholds = new long[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = rows.get(i).<Long>getAs("events");
      thresholds[i] = threshold;
    }
    List<int[]> relations = relations(rows, values);
    return new Decision(
        rows, values, Suppression.suppress(values, thresholds, relations), relations);
  }

  /** The panel CSV lines of a decision (values as published, {@code [c]} where suppressed). */
  public static List<List<Object>> disproportionality(Decision decision) {
    Map<List<Object>, Integer> byCellGroup = new HashMap<>();
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

  private static List<int[]> relations(List<Row> rows, long[] values) {
    Map<List<Object>, List<Integer>> members = new LinkedHashMap<>();
    Map<List<Object>, Integer> totals = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String group = row.getAs("ethnic_group");
      List<Object> cell = cellGroup(row, null);
      if (group.equals(EthnicGroup.ALL)) {
        totals.put(List.of("groups", cell), i);
      } else {
        members.computeIfAbsent(List.of("groups", cell), k -> new ArrayList<>()).add(i);
      }
      String level = row.getAs("geography_level");
      List<Object> inForce =
          List.of(
              row.getAs("power"),
              row.getAs("basis"),
              row.getAs("period_type"),
              row.getAs("period"),
              row.getAs("force"),
              group);
      if (level.equals(EventCounts.FORCE_LEVEL)) {
        totals.put(List.of("districts", inForce), i);
        totals.put(List.of("csps", inForce), i);
      } else {
        String kind = level.equals(EventCounts.CSP_LEVEL) ? "csps" : "districts";
        members.computeIfAbsent(List.of(kind, inForce), k -> new ArrayList<>()).add(i);
      }
      String periodType = row.getAs("period_type");
      String period = row.getAs("period");
      String year =
          periodType.equals(Periods.MONTH)
              ? Periods.financialYear(java.time.YearMonth.parse(period))
              : period;
      List<Object> area =
          List.of(
              row.getAs("power"),
              row.getAs("basis"),
              level,
              row.getAs("area_code"),
              row.getAs("force"),
              group,
              year);
      if (periodType.equals(Periods.MONTH)) {
        members.computeIfAbsent(List.of("months", area), k -> new ArrayList<>()).add(i);
      } else {
        totals.put(List.of("months", area), i);
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

  private static List<Object> cellGroup(Row row, String group) {
    List<Object> key = new ArrayList<>();
    for (String column :
        List.of(
            "power", "basis", "period_type", "period", "geography_level", "area_code", "force")) {
      key.add(row.getAs(column));
    }
    if (group != null) {
      key.add(group);
    }
    return key;
  }
}
