package org.scrutineer.pipeline.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.PeriodType;
import org.scrutineer.pipeline.schema.RowBuilder;
import org.scrutineer.pipeline.schema.UndefinedReason;
import org.scrutineer.pipeline.stats.RatioChange;

/**
 * Adds the year-on-year change of each financial-year ratio in {@code disproportionality}: the
 * ratio over the same area, power, basis and group's ratio in the previous financial year, with its
 * interval and test ({@link RatioChange}). {@link SeriesBreaks} says whether the two years are like
 * for like. No change is given without both ratios.
 */
public final class YearOnYear {
  private YearOnYear() {}

  /** The rows with the change columns set on financial-year rows that have a previous year. */
  public static List<Row> withChanges(List<Row> rows, ReportSettings settings) {
    Map<List<Object>, Row> byYear = new HashMap<>();
    for (Row row : rows) {
      if (PeriodType.FINANCIAL_YEAR.equals(row.getAs(Columns.PERIOD_TYPE))) {
        byYear.put(SeriesBreaks.key(row, row.getAs(Columns.PERIOD)), row);
      }
    }
    List<Row> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (!PeriodType.FINANCIAL_YEAR.equals(row.getAs(Columns.PERIOD_TYPE))) {
        out.add(row);
        continue;
      }
      Row previous =
          byYear.get(
              SeriesBreaks.key(
                  row, Periods.previous(PeriodType.FINANCIAL_YEAR, row.getAs(Columns.PERIOD))));
      if (previous == null || row.getAs("ratio") == null || previous.getAs("ratio") == null) {
        out.add(
            RowBuilder.copyOf(row)
                .set(
                    "ratio_change_undefined_reason",
                    previous == null
                        ? UndefinedReason.NO_PREVIOUS_YEAR
                        : row.getAs("ratio") == null
                            ? UndefinedReason.NO_RATIO
                            : UndefinedReason.NO_PREVIOUS_RATIO)
                .build());
        continue;
      }
      RatioChange change =
          RatioChange.of(
              row.getAs("ratio"),
              row.<Long>getAs("events"),
              row.<Long>getAs("reference_events"),
              previous.getAs("ratio"),
              previous.<Long>getAs("events"),
              previous.<Long>getAs("reference_events"),
              settings.confidenceLevel());
      out.add(
          RowBuilder.copyOf(row)
              .set("ratio_change", change.change())
              .set("ratio_change_ci_low", change.interval().low())
              .set("ratio_change_ci_high", change.interval().high())
              .set("ratio_change_p_value", change.pValue())
              .build());
    }
    return out;
  }

  /** {@code 2020-21} gives {@code 2019-20}. */
}
