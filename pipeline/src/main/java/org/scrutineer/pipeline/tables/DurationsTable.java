package org.scrutineer.pipeline.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.disclosure.SmallNumbers;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.RowBuilder;
import org.scrutineer.pipeline.schema.UndefinedReason;

/**
 * Builds the {@code custody_durations} table on the driver from {@code Durations.quantiles}: for
 * each custody place-of-event cell and group (the five, Unknown and All), the detentions with a
 * duration and the median and interquartile range of their length in hours. A group with fewer
 * detentions than the rate minimum gets null quantiles with reason LOW_COUNT; a submitted cell with
 * none reports zero detentions.
 */
public final class DurationsTable {
  private DurationsTable() {}

  /** Builds the rows. */
  public static List<Row> build(List<Cell> cells, List<Row> quantiles, ReportSettings settings) {
    Map<List<String>, Row> byKey = new HashMap<>();
    for (Row row : quantiles) {
      byKey.put(
          List.of(
              row.getAs(Columns.PERIOD_TYPE),
              row.getAs(Columns.PERIOD),
              row.getAs(Columns.GEOGRAPHY_LEVEL),
              row.getAs(Columns.AREA_CODE),
              row.getAs(Columns.FORCE),
              row.getAs(Columns.ETHNIC_GROUP)),
          row);
    }
    SmallNumbers rules = settings.smallNumbers();
    List<Row> rows = new java.util.ArrayList<>();
    for (Cell cell : cells) {
      if (!cell.power().equals(Power.CUSTODY.code())
          || !cell.basis().equals(Basis.PLACE_OF_EVENT)) {
        continue;
      }
      for (EthnicGroup group : OutcomesTable.groups()) {
        String label = group == null ? EthnicGroup.ALL : group.label();
        Row q =
            byKey.get(
                List.of(
                    cell.periodType(),
                    cell.period(),
                    cell.level(),
                    cell.areaCode(),
                    cell.force(),
                    label));
        long n = q == null ? 0 : q.<Long>getAs("n");
        RowBuilder row =
            cell.columns(new RowBuilder(OutputSchemas.CUSTODY_DURATIONS_SCHEMA))
                .set(Columns.ETHNIC_GROUP, label)
                .set("detentions", n)
                .set("flag", rules.rateFlag(n));
        if (rules.rateAllowed(n)) {
          row.set("q1_hours", q.getAs("q1"))
              .set("median_hours", q.getAs("median"))
              .set("q3_hours", q.getAs("q3"));
        } else {
          row.set("undefined_reason", UndefinedReason.LOW_COUNT);
        }
        rows.add(row.build());
      }
    }
    return rows;
  }
}
