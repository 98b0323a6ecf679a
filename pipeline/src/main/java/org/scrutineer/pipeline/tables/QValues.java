package org.scrutineer.pipeline.tables;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Benjamini-Hochberg q-values over every p-value of a run, computed by Spark: the same numbers as
 * {@link org.scrutineer.pipeline.stats.BenjaminiHochberg} over the collected p-values, without
 * collecting them. Tied p-values share one q-value (the one at their last rank), so a q-value is a
 * function of its p-value alone: with {@code m} p-values and {@code r(p)} the number at most {@code
 * p}, {@code q(p) = min(1, min over p' >= p of p' m / r(p'))}.
 *
 * <p>The distinct p-values with their counts are sorted across partitions (a range sort); each
 * partition's count gives the ranks where the next one starts, and each partition's least {@code p'
 * m / r(p')} the minimum over every later partition. The driver holds two numbers per partition,
 * never the p-values.
 */
public final class QValues {
  /** The column of the p-value a q-value belongs to. */
  public static final String P = "_p";

  /** The q-value column. */
  public static final String Q = "_q";

  private static final StructType SCHEMA =
      new StructType().add(P, DataTypes.DoubleType, false).add(Q, DataTypes.DoubleType, false);

  private QValues() {}

  /**
   * The q-value of each distinct p-value.
   *
   * @param pValues one column {@link #P} per table: every p-value of the family (nulls, untested
   *     rows, are left out of {@code m})
   * @return columns {@link #P} and {@link #Q}, one row per distinct p-value
   */
  public static Dataset<Row> of(List<Dataset<Row>> pValues) {
    Dataset<Row> all = pValues.get(0);
    for (Dataset<Row> more : pValues.subList(1, pValues.size())) {
      all = all.union(more);
    }
    SparkSession spark = all.sparkSession();
    JavaPairRDD<Double, Long> sorted =
        all.where(col(P).isNotNull())
            .groupBy(P)
            .count()
            .javaRDD()
            .mapToPair(r -> new Tuple2<>(r.getDouble(0), r.getLong(1)))
            .sortByKey(true);
    int partitions = sorted.getNumPartitions();
    long[] counts = new long[partitions];
    for (Tuple2<Integer, Long> total :
        sorted
            .mapPartitionsWithIndex(
                (index, it) -> {
                  long n = 0;
                  while (it.hasNext()) {
                    n += it.next()._2();
                  }
                  return List.of(new Tuple2<>(index, n)).iterator();
                },
                false)
            .collect()) {
      counts[total._1()] = total._2();
    }
    long[] before = new long[partitions];
    long m = 0;
    for (int i = 0; i < partitions; i++) {
      before[i] = m;
      m += counts[i];
    }
    long total = m;
    double[] least = new double[partitions];
    java.util.Arrays.fill(least, Double.POSITIVE_INFINITY);
    for (Tuple2<Integer, Double> min :
        sorted
            .mapPartitionsWithIndex(
                (index, it) -> {
                  double[] scaled = scaled(it, before[index], total).scaled();
                  double min1 = Double.POSITIVE_INFINITY;
                  for (double s : scaled) {
                    min1 = Math.min(min1, s);
                  }
                  return List.of(new Tuple2<>(index, min1)).iterator();
                },
                false)
            .collect()) {
      least[min._1()] = min._2();
    }
    // The least scaled value of all the partitions after each one (and 1, the cap).
    double[] after = new double[partitions];
    double running = 1.0;
    for (int i = partitions - 1; i >= 0; i--) {
      after[i] = running;
      running = Math.min(running, least[i]);
    }
    JavaRDD<Row> q =
        sorted.mapPartitionsWithIndex(
            (index, it) -> {
              Scaled s = scaled(it, before[index], total);
              List<Row> rows = new ArrayList<>(s.p().length);
              double min = after[index];
              double[] qs = new double[s.p().length];
              for (int k = s.p().length - 1; k >= 0; k--) {
                min = Math.min(min, s.scaled()[k]);
                qs[k] = min;
              }
              for (int k = 0; k < qs.length; k++) {
                rows.add(RowFactory.create(s.p()[k], qs[k]));
              }
              return rows.iterator();
            },
            false);
    return spark.createDataFrame(q, SCHEMA);
  }

  /** A partition's p-values and their {@code p m / r(p)}, ranks counted from {@code before}. */
  private record Scaled(double[] p, double[] scaled) {}

  private static Scaled scaled(Iterator<Tuple2<Double, Long>> it, long before, long m) {
    List<Tuple2<Double, Long>> rows = new ArrayList<>();
    it.forEachRemaining(rows::add);
    double[] p = new double[rows.size()];
    double[] scaled = new double[rows.size()];
    long rank = before;
    for (int k = 0; k < p.length; k++) {
      p[k] = rows.get(k)._1();
      rank += rows.get(k)._2();
      // As BenjaminiHochberg: p * m / rank in double arithmetic, at the last rank of tied values.
      scaled[k] = p[k] * m / rank;
    }
    return new Scaled(p, scaled);
  }
}
