package org.scrutineer.pipeline.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;

/**
 * Stop-and-search person searches counted by self-defined and officer-defined group together, per
 * place-of-event cell: the cross-tabulation behind officer/self agreement, kappa and the ratios
 * computed on each basis.
 *
 * <p>Output columns: {@link EventCounts#KEYS} ({@code ethnic_group} is the self-defined group),
 * {@code officer_ethnic_group}, {@code n}.
 */
public final class EthnicityMatrix {
  private EthnicityMatrix() {}

  /** Counts accepted person searches of the submitted months by cell and both groups. */
  public static Dataset<Row> counts(
      Dataset<Row> records, List<String> submitted, Map<String, String> districtCsps) {
    Dataset<Row> searches =
        records
            .where(col(Columns.RECORD_TYPE).equalTo(RawSchema.RECORD))
            .where(col(Columns.REJECT_REASON).isNull())
            .where(col(Columns.POWER).equalTo(Power.STOP_SEARCH.code()))
            .where(col(Columns.PERSON_SEARCH))
            .select(EventCounts.cellInputs(col(Columns.OFFICER_ETHNIC_GROUP)));
    List<Column> keys = new ArrayList<>();
    EventCounts.KEYS.forEach(k -> keys.add(col(k)));
    keys.add(col(Columns.OFFICER_ETHNIC_GROUP));
    return EventCounts.inCells(searches, submitted, districtCsps)
        .where(col(Columns.BASIS).equalTo(Basis.PLACE_OF_EVENT))
        .groupBy(keys.toArray(new Column[0]))
        .agg(count(lit(1)).as("n"));
  }
}
