package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.scrutineer.pipeline.aggregate.Durations;
import org.scrutineer.pipeline.aggregate.EthnicityMatrix;
import org.scrutineer.pipeline.cells.ForcePartitioner;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.tables.ForceStatistics;
import org.scrutineer.pipeline.tables.ReportSettings;
import scala.Tuple2;

/**
 * Stage 5, compute tables: every statistical table, force by force, on the executors ({@link
 * ForceStatistics}): the cell counts, custody duration quantiles and ethnicity matrix of each force
 * go to one Spark partition per force (the largest first, {@link ForcePartitioner}), where the
 * plain-Java statistics, the funnels, year-on-year changes, series breaks and the panel tables'
 * disclosure control run on them. The driver ships only the compact context (coverage, forces,
 * lookup, populations, settings) and receives nothing but a row count. The result is persisted
 * until {@link #close}.
 *
 * @param rows every table's rows, one row each ({@link ForceStatistics#SCHEMA})
 * @param count how many
 */
record ComputedTables(Dataset<Row> rows, long count) implements AutoCloseable {

  /** Computes the tables. */
  static ComputedTables of(
      SparkSession spark,
      ResolvedInputs inputs,
      FilesRead files,
      CountedCells counted,
      Dataset<Row> records,
      ReportSettings settings) {
    ForceStatistics.Context context =
        new ForceStatistics.Context(
            files.coverage(),
            inputs.registry(),
            inputs.lookup(),
            inputs.population(),
            new HashMap<>(inputs.districtCsps()),
            settings);
    // The work of a force grows with its cells: its count rows say how much.
    List<String> largestFirst = new ArrayList<>();
    counted
        .counts()
        .groupBy(Columns.FORCE)
        .count()
        .orderBy(col("count").desc(), col(Columns.FORCE))
        .collectAsList()
        .forEach(r -> largestFirst.add(r.getString(0)));
    files.coverage().allForces().stream()
        .filter(f -> !largestFirst.contains(f))
        .forEach(largestFirst::add);
    Dataset<Row> computed =
        byForce(
                spark,
                context,
                statisticsInputs(spark, counted, records, files, inputs),
                largestFirst)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return new ComputedTables(computed, computed.count());
    } catch (RuntimeException e) {
      computed.unpersist();
      throw e;
    }
  }

  @Override
  public void close() {
    rows.unpersist();
  }

  /**
   * The inputs of {@link ForceStatistics}, in one table marked by {@link ForceStatistics#INPUT}:
   * the cell counts, the custody duration quantiles, the ethnicity matrix counts and one row per
   * force with a source (so a force whose months hold no events still gets its zero cells).
   */
  private static Dataset<Row> statisticsInputs(
      SparkSession spark,
      CountedCells counted,
      Dataset<Row> records,
      FilesRead files,
      ResolvedInputs inputs) {
    Dataset<Row> all =
        counted.counts().withColumn(ForceStatistics.INPUT, lit(ForceStatistics.COUNTS));
    if (files.coverage().powers().contains(Power.CUSTODY)) {
      all =
          all.unionByName(
              Durations.quantiles(records, files.submitted(), inputs.districtCsps())
                  .withColumn(ForceStatistics.INPUT, lit(ForceStatistics.DURATIONS)),
              true);
    }
    if (files.coverage().powers().contains(Power.STOP_SEARCH)) {
      all =
          all.unionByName(
              EthnicityMatrix.counts(records, files.submitted(), inputs.districtCsps())
                  .withColumn(ForceStatistics.INPUT, lit(ForceStatistics.MATRIX)),
              true);
    }
    List<Row> forces = new ArrayList<>();
    files
        .coverage()
        .allForces()
        .forEach(f -> forces.add(RowFactory.create(f, ForceStatistics.FORCE)));
    StructType marker =
        new StructType()
            .add(Columns.FORCE, DataTypes.StringType)
            .add(ForceStatistics.INPUT, DataTypes.StringType);
    return all.unionByName(spark.createDataFrame(forces, marker), true);
  }

  /** Runs {@link ForceStatistics} for every force, one Spark partition each, largest first. */
  private static Dataset<Row> byForce(
      SparkSession spark,
      ForceStatistics.Context context,
      Dataset<Row> inputs,
      List<String> largestFirst) {
    Broadcast<ForceStatistics.Context> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(context);
    JavaRDD<Row> rows =
        inputs
            .javaRDD()
            .keyBy(row -> row.<String>getAs(Columns.FORCE))
            .partitionBy(new ForcePartitioner(largestFirst))
            .mapPartitions(
                partition -> {
                  if (!partition.hasNext()) {
                    return Collections.emptyIterator();
                  }
                  Tuple2<String, Row> first = partition.next();
                  return ForceStatistics.compute(
                      shared.value(), first._1(), withFirst(first._2(), partition));
                });
    return spark.createDataFrame(rows, ForceStatistics.SCHEMA);
  }

  /** The values of a partition's pairs, {@code first} first. */
  private static Iterator<Row> withFirst(Row first, Iterator<Tuple2<String, Row>> rest) {
    return new Iterator<>() {
      private Row pending = first;

      @Override
      public boolean hasNext() {
        return pending != null || rest.hasNext();
      }

      @Override
      public Row next() {
        Row next = pending != null ? pending : rest.next()._2();
        pending = null;
        return next;
      }
    };
  }
}
