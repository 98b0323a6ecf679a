package org.scrutineer.pipeline.tables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.EthnicityCodeLists;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.PeriodType;
import org.scrutineer.pipeline.schema.RowBuilder;

/**
 * Marks where a series of {@code disproportionality} rows is not like for like: each row is
 * compared with the row of the previous period of its type (previous month, financial year or
 * rolling 12 months ending a month earlier) for the same power, basis, area and group, when that
 * period lies in the run's window. {@code series_break} lists the reasons ({@code ;}-separated):
 *
 * <ul>
 *   <li>{@code submission_change}: the previous period has no row (months not submitted: the force
 *       started or resumed submitting) or either period misses submitted months (the force started,
 *       stopped or missed months);
 *   <li>{@code denominator_source}: the two periods take their populations from different files
 *       (Census 2011 to Census 2021), whether or not the previous period has a row;
 *   <li>{@code ethnicity_code_list}: the force's self-defined ethnicity code list changed between
 *       them ({@link EthnicityCodeLists}).
 * </ul>
 *
 * <p>The force's code list at a period ({@code ethnicity_code_list}) is the newest list whose own
 * values its records have shown in any month up to the period's last month: a list stays in use
 * once seen, so months without a tell-tale value do not flicker back to an older list.
 */
public final class SeriesBreaks {
  private SeriesBreaks() {}

  /**
   * The rows with {@code ethnicity_code_list} and {@code series_break} set.
   *
   * @param denominators the run's population tables (the previous period's source is theirs even
   *     when that period has no row), or {@code null}
   */
  public static List<Row> withBreaks(
      List<Row> rows,
      CellCounts counts,
      org.scrutineer.pipeline.population.Denominators denominators,
      YearMonth from,
      YearMonth to) {
    Map<List<Object>, String[]> lists = new HashMap<>();
    String[] codeList = new String[rows.size()];
    Map<List<Object>, Integer> byKey = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String[] byMonth =
          lists.computeIfAbsent(
              List.of(row.getAs(Columns.POWER), row.getAs(Columns.FORCE)),
              k -> codeLists(counts, (String) k.get(0), (String) k.get(1), from, to));
      List<YearMonth> months =
          Periods.months(row.getAs(Columns.PERIOD_TYPE), row.getAs(Columns.PERIOD));
      YearMonth last = months.get(months.size() - 1);
      int index =
          (int)
              Math.min(from.until(last, java.time.temporal.ChronoUnit.MONTHS), byMonth.length - 1);
      codeList[i] = index < 0 ? null : byMonth[index];
      byKey.put(key(row, row.getAs(Columns.PERIOD)), i);
    }
    List<Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String type = row.getAs(Columns.PERIOD_TYPE);
      String previous = Periods.previous(type, row.getAs(Columns.PERIOD));
      List<YearMonth> previousMonths = Periods.months(type, previous);
      boolean inWindow =
          type.equals(PeriodType.ROLLING_YEAR)
              ? !previousMonths.get(0).isBefore(from)
              : !previousMonths.get(previousMonths.size() - 1).isBefore(from);
      List<String> reasons = new ArrayList<>();
      if (inWindow) {
        Integer b = byKey.get(key(row, previous));
        Row before = b == null ? null : rows.get(b);
        if (before == null
            || !row.<Boolean>getAs("period_complete")
            || !before.<Boolean>getAs("period_complete")) {
          reasons.add("submission_change");
        }
        Object earlierSource;
        if (denominators != null) {
          org.scrutineer.pipeline.population.PopulationTable earlier =
              denominators.forPeriod(type, previous);
          earlierSource = earlier == null ? null : earlier.source();
        } else {
          earlierSource = before == null ? null : before.getAs("population_source");
        }
        if (changed(row.getAs("population_source"), earlierSource)) {
          reasons.add("denominator_source");
        }
        if (b != null && changed(codeList[i], codeList[b])) {
          reasons.add("ethnicity_code_list");
        }
      }
      out.add(
          RowBuilder.copyOf(row)
              .set("ethnicity_code_list", codeList[i])
              .set("series_break", reasons.isEmpty() ? null : String.join(";", reasons))
              .build());
    }
    return out;
  }

  private static boolean changed(Object now, Object before) {
    return now != null && before != null && !Objects.equals(now, before);
  }

  /**
   * The force's code list by month of the window: the newest list whose markers it has shown up to
   * that month, {@code null} before any.
   */
  private static String[] codeLists(
      CellCounts counts, String power, String force, YearMonth from, YearMonth to) {
    List<YearMonth> months = Periods.range(from, to);
    String[] lists = new String[months.size()];
    List<String> names = new ArrayList<>(EthnicityCodeLists.MARKERS.keySet());
    java.util.Set<String> areas =
        counts.areasOf(power, Basis.PLACE_OF_EVENT, force, GeographyLevel.FORCE);
    int newest = -1;
    for (int m = 0; m < months.size(); m++) {
      for (int l = names.size() - 1; l > newest; l--) {
        long seen = 0;
        for (String area : areas) {
          Cell.Key key =
              new Cell.Key(
                  power,
                  Basis.PLACE_OF_EVENT,
                  PeriodType.MONTH,
                  months.get(m).toString(),
                  GeographyLevel.FORCE,
                  area,
                  force);
          seen += counts.total(key, EthnicityCodeLists.measure(names.get(l)));
        }
        if (seen > 0) {
          newest = l;
          break;
        }
      }
      lists[m] = newest < 0 ? null : names.get(newest);
    }
    return lists;
  }

  /** The identity of a row's series (power, basis, period type, area, group) at a period. */
  static List<Object> key(Row row, String period) {
    return List.of(
        row.getAs(Columns.POWER),
        row.getAs(Columns.BASIS),
        row.getAs(Columns.PERIOD_TYPE),
        row.getAs(Columns.GEOGRAPHY_LEVEL),
        row.getAs(Columns.AREA_CODE),
        row.getAs(Columns.FORCE),
        row.<String>getAs(Columns.ETHNIC_GROUP),
        period);
  }
}
