package org.scrutineer.pipeline.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.Power;

/**
 * Custody detention durations by cell and ethnic group: the number of detentions with a duration
 * and the exact 25th, 50th and 75th percentiles of {@code duration_hours} (Spark's {@code
 * percentile}: linear interpolation between order statistics, as R's default type 7). Quantiles
 * cannot be summed from counts, so this reads the accepted custody records themselves.
 *
 * <p>Output columns: {@link EventCounts#KEYS} (place-of-event cells only; {@code ethnic_group} is
 * also {@code All}), {@code n}, {@code q1}, {@code median}, {@code q3}.
 */
public final class Durations {
  private Durations() {}

  /**
   * Computes the quantiles.
   *
   * @param records the standardised records
   * @param submitted {@code "<power> <force> <yyyy-MM>"} triples to count
   * @param districtCsps district to Community Safety Partnership codes, for the CSP level
   */
  public static Dataset<Row> quantiles(
      Dataset<Row> records, List<String> submitted, java.util.Map<String, String> districtCsps) {
    Dataset<Row> custody =
        records
            .where(col(Columns.RECORD_TYPE).equalTo(RawSchema.RECORD))
            .where(col(Columns.REJECT_REASON).isNull())
            .where(col(Columns.POWER).equalTo(Power.CUSTODY.code()))
            .where(col(Columns.DURATION_HOURS).isNotNull())
            .select(EventCounts.cellInputs(col(Columns.DURATION_HOURS)));
    Dataset<Row> cells =
        EventCounts.inCells(custody, submitted, districtCsps)
            .where(col(Columns.BASIS).equalTo(Basis.PLACE_OF_EVENT));
    Dataset<Row> all = cells.withColumn(Columns.ETHNIC_GROUP, lit(EthnicGroup.ALL));
    List<Column> keys = new ArrayList<>();
    EventCounts.KEYS.forEach(k -> keys.add(col(k)));
    Column quartiles =
        expr("percentile(" + Columns.DURATION_HOURS + ", array(0.25, 0.5, 0.75))").as("q");
    return cells
        .unionByName(all)
        .groupBy(keys.toArray(new Column[0]))
        .agg(count(lit(1)).as("n"), quartiles)
        .withColumn("q1", col("q").getItem(0))
        .withColumn("median", col("q").getItem(1))
        .withColumn("q3", col("q").getItem(2))
        .drop("q");
  }
}
