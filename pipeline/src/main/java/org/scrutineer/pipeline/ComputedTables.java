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
import java.util.NoSuchElementException;
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
 * ethnicity matrix of each force's year (with the year before, which it compares with) go to one of
 * a few Spark partitions (the largest force-years first, {@link ForceYearPartitioner}), where the
 * plain-Java statistics, the funnels, year-on-year changes, series breaks and the panel tables'
 * disclosure control run on them. The driver ships only the compact context (coverage, forces,
 * lookup, populations, settings) and receives nothing but a row count. The result is persisted
 * until {@link #close}.
 *
 * @param rows every table's rows, one row each ({@link ForceStatistics#SCHEMA})
 * @param count how many
 */
record ComputedTables(Dataset<Row> rows, long count) implements AutoCloseable {
  /** Partitions of the computed tables per core: enough for the largest units to balance. */
  private static final int PARTITIONS_PER_CORE = 4;

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
    Units units = largestFirst(counted, files, years);
    Dataset<Row> computed =
        byForce(
                spark,
                context,
                statisticsInputs(spark, counted, records, files, inputs, years),
                years,
                units)
            .persist(Persistence.LEVEL);
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
  private static Units largestFirst(CountedCells counted, FilesRead files, List<String> years) {
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
    return new Units(units, units.stream().mapToLong(u -> work.getOrDefault(u, 0L)).toArray());
  }

  /**
   * The run's units, largest first, and their work (count rows).
   *
   * @param largestFirst every force's financial years
   * @param work each one's count rows, in the same order
   */
  private record Units(List<ForceYear> largestFirst, long[] work) {}

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
   * Runs {@link ForceStatistics} for every force's financial year: the units are spread over a few
   * partitions (four per core, {@link ForceYearPartitioner}), each partition's input sorted by
   * unit, and a partition computes its units one after another, each unit's rows emitted before the
   * next unit's are built.
   */
  private static Dataset<Row> byForce(
      SparkSession spark,
      ForceStatistics.Context context,
      Dataset<Row> inputs,
      List<String> years,
      Units units) {
    Broadcast<ForceStatistics.Context> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(context);
    List<String> runYears = List.copyOf(years);
    List<ForceYear> byRank = List.copyOf(units.largestFirst());
    Map<ForceYear, Integer> ranks = new HashMap<>();
    for (int i = 0; i < byRank.size(); i++) {
      ranks.put(byRank.get(i), i);
    }
    int slots = PARTITIONS_PER_CORE * spark.sparkContext().defaultParallelism();
    JavaRDD<Row> rows =
        inputs
            .javaRDD()
            .flatMapToPair(
                row ->
                    ForceStatistics.unitsOf(row, runYears).stream()
                        .map(unit -> new Tuple2<>(ranks.get(unit), row))
                        .iterator())
            .repartitionAndSortWithinPartitions(new ForceYearPartitioner(units.work(), slots))
            .mapPartitions(partition -> new UnitByUnit(shared.value(), byRank, partition));
    return spark.createDataFrame(rows, ForceStatistics.SCHEMA);
  }

  /**
   * A partition's rows sorted by unit rank, computed unit by unit: the rows of one unit's tables,
   * then the next unit's.
   */
  private static final class UnitByUnit implements Iterator<Row> {
    private final ForceStatistics.Context context;
    private final List<ForceYear> byRank;
    private final Iterator<Tuple2<Integer, Row>> sorted;
    private Tuple2<Integer, Row> pending;
    private Iterator<Row> current = Collections.emptyIterator();

    UnitByUnit(
        ForceStatistics.Context context,
        List<ForceYear> byRank,
        Iterator<Tuple2<Integer, Row>> sorted) {
      this.context = context;
      this.byRank = byRank;
      this.sorted = sorted;
      this.pending = sorted.hasNext() ? sorted.next() : null;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && pending != null) {
        int rank = pending._1();
        Iterator<Row> unit = unitRows(rank);
        current = ForceStatistics.compute(context, byRank.get(rank), unit);
        // compute reads its input to the end; make sure of it before the next unit starts.
        unit.forEachRemaining(r -> {});
      }
      return current.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    /** The input rows of the unit {@code rank}, from {@link #pending} on. */
    private Iterator<Row> unitRows(int rank) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return pending != null && pending._1() == rank;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Row row = pending._2();
          pending = sorted.hasNext() ? sorted.next() : null;
          return row;
        }
      };
    }
  }
}
