package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.cells.ForceYear;
import org.scrutineer.pipeline.cells.ForceYearPartitioner;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.PeriodType;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.tables.ForceStatistics;
import org.scrutineer.pipeline.tables.ReportSettings;
import scala.Tuple2;

/**
 * Stage 5, compute tables: every statistical table, force by force and financial year by financial
 * year, on the executors ({@link ForceStatistics}): the cell counts, custody duration quantiles and
 * ethnicity matrix of each force's year (with the year before, which it compares with) go to one
 * Spark partition per force and year (the largest first, {@link ForceYearPartitioner}), where the
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
            areasSeen(counted),
            settings);
    List<String> years = ForceYear.years(files.coverage().from(), files.coverage().to());
    List<ForceYear> largestFirst = largestFirst(counted, files, years);
    Dataset<Row> computed =
        byForce(
                spark,
                context,
                statisticsInputs(spark, counted, records, files, inputs, years),
                years,
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

  /** By force, every area with counts anywhere in the run. */
  private static Map<String, Set<CellCounts.Area>> areasSeen(CountedCells counted) {
    Map<String, Set<CellCounts.Area>> seen = new HashMap<>();
    for (Row row :
        counted
            .counts()
            .select(
                Columns.POWER,
                Columns.BASIS,
                Columns.FORCE,
                Columns.GEOGRAPHY_LEVEL,
                Columns.AREA_CODE)
            .distinct()
            .collectAsList()) {
      seen.computeIfAbsent(row.getString(2), f -> new HashSet<>())
          .add(
              new CellCounts.Area(
                  row.getString(0),
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4)));
    }
    return seen;
  }

  /**
   * Every force's financial years, in descending order of work: a year's count rows and those of
   * the year before, which it reads too (the counts by force and period are compact: forces times
   * periods).
   */
  private static List<ForceYear> largestFirst(
      CountedCells counted, FilesRead files, List<String> years) {
    Map<ForceYear, Long> work = new HashMap<>();
    for (Row row :
        counted
            .counts()
            .groupBy(Columns.FORCE, Columns.PERIOD_TYPE, Columns.PERIOD)
            .count()
            .collectAsList()) {
      String force = row.getString(0);
      int index = years.indexOf(Periods.financialYearOf(row.getString(1), row.getString(2)));
      for (int i = index; i <= Math.min(index + 1, years.size() - 1); i++) {
        work.merge(new ForceYear(force, years.get(i)), row.getLong(3), Long::sum);
      }
    }
    List<ForceYear> units = new ArrayList<>();
    for (String force : files.coverage().allForces()) {
      years.forEach(year -> units.add(new ForceYear(force, year)));
    }
    units.sort(
        Comparator.comparing((ForceYear u) -> -work.getOrDefault(u, 0L))
            .thenComparing(ForceYear::force)
            .thenComparing(ForceYear::year));
    return units;
  }

  /**
   * The inputs of {@link ForceStatistics}, in one table marked by {@link ForceStatistics#INPUT}:
   * the cell counts, the custody duration quantiles, the ethnicity matrix counts and one row per
   * force with a source and financial year (so a force whose months hold no events still gets its
   * zero cells).
   */
  private static Dataset<Row> statisticsInputs(
      SparkSession spark,
      CountedCells counted,
      Dataset<Row> records,
      FilesRead files,
      ResolvedInputs inputs,
      List<String> years) {
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
    for (String force : files.coverage().allForces()) {
      for (String year : years) {
        forces.add(
            RowFactory.create(force, PeriodType.FINANCIAL_YEAR, year, ForceStatistics.FORCE));
      }
    }
    StructType marker =
        new StructType()
            .add(Columns.FORCE, DataTypes.StringType)
            .add(Columns.PERIOD_TYPE, DataTypes.StringType)
            .add(Columns.PERIOD, DataTypes.StringType)
            .add(ForceStatistics.INPUT, DataTypes.StringType);
    return all.unionByName(spark.createDataFrame(forces, marker), true);
  }

  /**
   * Runs {@link ForceStatistics} for every force's financial year, one Spark partition each,
   * largest first.
   */
  private static Dataset<Row> byForce(
      SparkSession spark,
      ForceStatistics.Context context,
      Dataset<Row> inputs,
      List<String> years,
      List<ForceYear> largestFirst) {
    Broadcast<ForceStatistics.Context> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(context);
    List<String> runYears = List.copyOf(years);
    JavaRDD<Row> rows =
        inputs
            .javaRDD()
            .flatMapToPair(
                row ->
                    ForceStatistics.unitsOf(row, runYears).stream()
                        .map(unit -> new Tuple2<>(unit, row))
                        .iterator())
            .partitionBy(new ForceYearPartitioner(largestFirst))
            .mapPartitions(
                partition -> {
                  if (!partition.hasNext()) {
                    return Collections.emptyIterator();
                  }
                  Tuple2<ForceYear, Row> first = partition.next();
                  return ForceStatistics.compute(
                      shared.value(), first._1(), withFirst(first._2(), partition));
                });
    return spark.createDataFrame(rows, ForceStatistics.SCHEMA);
  }

  /** The values of a partition's pairs, {@code first} first. */
  private static Iterator<Row> withFirst(Row first, Iterator<Tuple2<ForceYear, Row>> rest) {
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
