package org.scrutineer.pipeline.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Benjamini-Hochberg q-values over every p-value of a run, computed by Spark: the same numbers as
 * {@link org.scrutineer.pipeline.stats.BenjaminiHochberg} over the collected p-values, without
 * collecting them. Tied p-values share one q-value (the one at their last rank), so a q-value is a
 * function of its p-value alone: with {@code m} p-values and {@code r(p)} the number at most {@code
 * p}, {@code q(p) = min(1, min over p' >= p of p' m / r(p'))}. That runs over the distinct p-values
 * with their counts, in one sorted window: a table of at most one row per distinct value, never on
 * the driver.
 */
public final class QValues {
  /** The column of the p-value a q-value belongs to. */
  public static final String P = "_p";

  /** The q-value column. */
  public static final String Q = "_q";

  private QValues() {}

  /**
   * The q-value of each distinct p-value.
   *
   * @param pValues one column {@link #P} per table: every p-value of the family (nulls, untested
   *     rows, are left out of {@code m})
   * @return columns {@link #P} and {@link #Q}
   */
  public static Dataset<Row> of(List<Dataset<Row>> pValues) {
    Dataset<Row> all = pValues.get(0);
    for (Dataset<Row> more : pValues.subList(1, pValues.size())) {
      all = all.union(more);
    }
    Dataset<Row> distinct = all.where(col(P).isNotNull()).groupBy(P).count();
    Row total = distinct.agg(sum("count")).first();
    long m = total.isNullAt(0) ? 0 : total.getLong(0);
    // Both windows are running frames (unbounded preceding to current row), which Spark computes
    // in one pass; the minimum over the p-values at or above p runs in descending order.
    WindowSpec ascending = Window.orderBy(col(P).asc());
    WindowSpec descending = Window.orderBy(col(P).desc());
    Column rank =
        sum("count").over(ascending.rowsBetween(Window.unboundedPreceding(), Window.currentRow()));
    Column scaled = col(P).multiply(lit((double) m)).divide(rank.cast("double"));
    return distinct
        .withColumn("_scaled", scaled)
        .withColumn(
            Q,
            least(
                lit(1.0),
                min("_scaled")
                    .over(
                        descending.rowsBetween(Window.unboundedPreceding(), Window.currentRow()))))
        .select(P, Q);
  }
}
