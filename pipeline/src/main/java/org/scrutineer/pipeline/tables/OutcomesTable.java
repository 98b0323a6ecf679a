package org.scrutineer.pipeline.tables;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.PowerMeasures;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.RowBuilder;

/**
 * Builds the {@code outcomes} table on the driver: for each place-of-event cell, each rate its
 * power reports ({@link PowerMeasures#RATIOS}: stop-and-search arrest, action, find and
 * strip-search rates; the use-of-force severity ladder, injuries and force per arrest; custody
 * strip searches, children, appropriate adults and disposals; FPN visitors, repeat recipients and
 * payment) and each group, the rate with its interval and its ratio to the reference group with
 * that ratio's interval (schema: {@link OutputSchemas#OUTCOMES_SCHEMA}; methods: {@link
 * RelativeRate}). A blank value is unknown and is left out of the denominator, never counted as
 * "no".
 */
public final class OutcomesTable {
  private OutcomesTable() {}

  /** Builds the rows. */
  public static List<Row> build(List<Cell> cells, CellCounts counts, ReportSettings settings) {
    List<Row> rows = new ArrayList<>();
    EthnicGroup reference = settings.referenceGroup();
    for (Cell cell : cells) {
      if (!cell.basis().equals(Basis.PLACE_OF_EVENT)) {
        continue;
      }
      Power power = Power.fromCode(cell.power());
      for (PowerMeasures.Ratio measure : PowerMeasures.RATIOS) {
        if (measure.power() != power) {
          continue;
        }
        Cell.Key key = cell.key();
        Cell.Key below = cell.keyFor(measure.denominatorPower().code());
        for (EthnicGroup group : groups()) {
          RowBuilder row = cell.columns(new RowBuilder(OutputSchemas.OUTCOMES_SCHEMA));
          row.set(Columns.ETHNIC_GROUP, group == null ? EthnicGroup.ALL : group.label())
              .set("measure", measure.name());
          RelativeRate.set(
              row,
              measure.kind(),
              new RelativeRate.Counts(
                  group,
                  count(counts, key, group, measure.numerator()),
                  count(counts, below, group, measure.denominator()),
                  counts.get(key, reference, measure.numerator()),
                  counts.get(below, reference, measure.denominator())),
              settings);
          rows.add(row.build());
        }
      }
    }
    return rows;
  }

  /** The five groups, Unknown, and {@code null} for All. */
  static List<EthnicGroup> groups() {
    List<EthnicGroup> groups = new ArrayList<>(EthnicGroup.KNOWN);
    groups.add(EthnicGroup.UNKNOWN);
    groups.add(null);
    return groups;
  }

  static long count(CellCounts counts, Cell.Key key, EthnicGroup group, String column) {
    return group == null ? counts.total(key, column) : counts.get(key, group, column);
  }
}
