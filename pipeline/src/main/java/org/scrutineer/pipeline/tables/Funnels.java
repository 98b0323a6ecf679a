package org.scrutineer.pipeline.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.RowBuilder;
import org.scrutineer.pipeline.schema.UndefinedReason;
import org.scrutineer.pipeline.stats.FunnelLimits;

/**
 * Adds funnel-plot control limits to the district and CSP rows of {@code disproportionality}: each
 * area's ratio against its force's ratio for the same power, basis, period and group (METHODS.md
 * section 4.2). With {@code O} the area's events and {@code E = O / ratio} the events expected at
 * the area's own reference rate, the 95% and 99.8% exact Poisson limits of {@code O / E} around the
 * force ratio say whether the area differs from its force beyond chance: {@code funnel_position} is
 * above_99.8, above_95, within, below_95 or below_99.8. Areas without a published ratio, and forces
 * without one, get no limits. The uncertainty of the area's reference rate is ignored.
 */
public final class Funnels {
  private Funnels() {}

  /** The rows with the funnel columns set where they apply. */
  public static List<Row> withLimits(List<Row> rows) {
    Map<List<Object>, Double> forceRatios = new HashMap<>();
    for (Row row : rows) {
      if (GeographyLevel.FORCE.equals(row.getAs(Columns.GEOGRAPHY_LEVEL))
          && row.getAs("ratio") != null) {
        forceRatios.put(key(row), row.getAs("ratio"));
      }
    }
    List<Row> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Double ratio = row.getAs("ratio");
      Double target = forceRatios.get(key(row));
      boolean area = !GeographyLevel.FORCE.equals(row.getAs(Columns.GEOGRAPHY_LEVEL));
      if (!area) {
        out.add(row);
        continue;
      }
      if (ratio == null || target == null || !(ratio > 0)) {
        out.add(
            RowBuilder.copyOf(row)
                .set(
                    "funnel_undefined_reason",
                    ratio == null
                        ? UndefinedReason.NO_RATIO
                        : target == null
                            ? UndefinedReason.NO_FORCE_RATIO
                            : UndefinedReason.ZERO_RATIO)
                .build());
        continue;
      }
      long events = row.getAs("events");
      double expected = events / ratio;
      FunnelLimits inner = FunnelLimits.of(expected, target, 0.95);
      FunnelLimits outer = FunnelLimits.of(expected, target, 0.998);
      String position =
          ratio > outer.high()
              ? "above_99.8"
              : ratio > inner.high()
                  ? "above_95"
                  : ratio < outer.low()
                      ? "below_99.8"
                      : ratio < inner.low() ? "below_95" : "within";
      out.add(
          RowBuilder.copyOf(row)
              .set("funnel_target", target)
              .set("funnel_95_low", inner.low())
              .set("funnel_95_high", inner.high())
              .set("funnel_998_low", outer.low())
              .set("funnel_998_high", outer.high())
              .set("funnel_position", position)
              .build());
    }
    return out;
  }

  private static List<Object> key(Row row) {
    return List.of(
        row.getAs(Columns.POWER),
        row.getAs(Columns.BASIS),
        row.getAs(Columns.PERIOD_TYPE),
        row.getAs(Columns.PERIOD),
        row.getAs(Columns.FORCE),
        row.getAs(Columns.ETHNIC_GROUP));
  }
}
