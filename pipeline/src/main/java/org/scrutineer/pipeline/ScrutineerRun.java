package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.scrutineer.pipeline.aggregate.Durations;
import org.scrutineer.pipeline.aggregate.EthnicityMatrix;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.geo.Boundaries;
import org.scrutineer.pipeline.geo.BoundaryReader;
import org.scrutineer.pipeline.geo.DistrictBoundaries;
import org.scrutineer.pipeline.geo.DistrictChanges;
import org.scrutineer.pipeline.ingest.ExtractMapping;
import org.scrutineer.pipeline.ingest.FileSummaries;
import org.scrutineer.pipeline.ingest.FileSummary;
import org.scrutineer.pipeline.ingest.InputDiscovery;
import org.scrutineer.pipeline.ingest.RawRecords;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.ingest.SourceFile;
import org.scrutineer.pipeline.population.AreaLookup;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.reference.ReferenceTable;
import org.scrutineer.pipeline.report.Caveats;
import org.scrutineer.pipeline.report.Coverage;
import org.scrutineer.pipeline.report.ForcePartitioner;
import org.scrutineer.pipeline.report.ForceStatistics;
import org.scrutineer.pipeline.report.GeoQualityTable;
import org.scrutineer.pipeline.report.OutputSchemas;
import org.scrutineer.pipeline.report.RejectsTable;
import org.scrutineer.pipeline.report.StatisticsWriter;
import org.scrutineer.pipeline.report.TableWriter;
import org.scrutineer.pipeline.report.UnmappedValues;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.standardize.Records;

/**
 * The run, end to end, for every power given (stop and search, use of force, custody, FPNs):
 * discover and check inputs, read denominators, read and validate every record, reconcile each
 * file, count by cell, compute the statistics on the driver, write every table as Parquet and CSV
 * with the rejects and a provenance manifest, then apply the data-quality gates.
 *
 * <p>Takes the caller's {@link SparkSession}; never creates or stops one. Outputs are written
 * before the gates are checked, so a failed gate can be inspected.
 *
 * @see RunConfig
 */
public final class ScrutineerRun {
  /** Where this run writes its records until its outputs are complete (then {@code records/}). */
  private static final String STAGED_RECORDS = "_records_incoming";

  /** The fields whose unmapped labels are gated ({@code --max-unmapped-fraction}). */
  private static final List<String> GATED =
      List.of(Columns.SELF_DEFINED_ETHNICITY, Columns.OFFICER_DEFINED_ETHNICITY);

  private ScrutineerRun() {}

  /**
   * Every power's cell counts in one table with every measure column (a measure of another power is
   * zero, as it always was: the power has no such events).
   */
  private static Dataset<Row> cellCounts(
      Dataset<Row> recordCounts,
      List<String> submitted,
      Map<String, String> districtCsps,
      Set<Power> powers) {
    Dataset<Row> all = null;
    for (Power power : powers) {
      Dataset<Row> one = EventCounts.cellCounts(recordCounts, submitted, districtCsps, power);
      List<Column> columns = new ArrayList<>();
      EventCounts.KEYS.forEach(k -> columns.add(col(k)));
      Set<String> has = Set.of(one.columns());
      for (String measure : EventCounts.MEASURE_NAMES) {
        columns.add(has.contains(measure) ? col(measure) : lit(0L).as(measure));
      }
      one = one.select(columns.toArray(new Column[0]));
      all = all == null ? one : all.union(one);
    }
    return all;
  }

  /**
   * The counts of the force-level month cells by place of event, summed in Spark: rows counted,
   * events, then events with an unmapped label of each of {@link UnmappedValues#FIELDS}, then of
   * each of {@link #GATED}.
   */
  private static Row totals(Dataset<Row> counts) {
    List<Column> sums = new ArrayList<>();
    sums.add(functions.sum(EventCounts.RECORDS));
    sums.add(functions.sum(EventCounts.EVENTS));
    UnmappedValues.FIELDS.forEach(f -> sums.add(functions.sum(f)));
    GATED.forEach(f -> sums.add(functions.sum(EventCounts.unmappedEventsColumn(f))));
    List<Column> zeroIfEmpty = new ArrayList<>();
    for (int i = 0; i < sums.size(); i++) {
      zeroIfEmpty.add(functions.coalesce(sums.get(i), lit(0L)));
    }
    return counts
        .where(col(Columns.GEOGRAPHY_LEVEL).equalTo(EventCounts.FORCE_LEVEL))
        .where(col(Columns.BASIS).equalTo(EventCounts.PLACE_OF_EVENT))
        .where(col(Columns.PERIOD_TYPE).equalTo(Periods.MONTH))
        .agg(zeroIfEmpty.get(0), zeroIfEmpty.subList(1, zeroIfEmpty.size()).toArray(new Column[0]))
        .first();
  }

  /**
   * The inputs of {@link ForceStatistics}, in one table marked by {@link ForceStatistics#INPUT}:
   * the cell counts, the custody duration quantiles, the ethnicity matrix counts and one row per
   * force with a source.
   */
  private static Dataset<Row> statisticsInputs(
      SparkSession spark,
      Dataset<Row> counts,
      Dataset<Row> records,
      List<String> submitted,
      Map<String, String> districtCsps,
      Coverage coverage) {
    Dataset<Row> inputs = counts.withColumn(ForceStatistics.INPUT, lit(ForceStatistics.COUNTS));
    if (coverage.powers().contains(Power.CUSTODY)) {
      inputs =
          inputs.unionByName(
              Durations.quantiles(records, submitted, districtCsps)
                  .withColumn(ForceStatistics.INPUT, lit(ForceStatistics.DURATIONS)),
              true);
    }
    if (coverage.powers().contains(Power.STOP_SEARCH)) {
      inputs =
          inputs.unionByName(
              EthnicityMatrix.counts(records, submitted, districtCsps)
                  .withColumn(ForceStatistics.INPUT, lit(ForceStatistics.MATRIX)),
              true);
    }
    List<Row> forces = new ArrayList<>();
    coverage.allForces().forEach(f -> forces.add(RowFactory.create(f, ForceStatistics.FORCE)));
    Dataset<Row> markers =
        spark.createDataFrame(
            forces,
            new org.apache.spark.sql.types.StructType()
                .add(Columns.FORCE, org.apache.spark.sql.types.DataTypes.StringType)
                .add(ForceStatistics.INPUT, org.apache.spark.sql.types.DataTypes.StringType));
    return inputs.unionByName(markers, true);
  }

  /**
   * Runs {@link ForceStatistics} for every force, in parallel Spark tasks: one partition per force,
   * the largest first ({@link ForcePartitioner}).
   */
  private static Dataset<Row> forceStatistics(
      SparkSession spark, ForceStatistics.Context context, Dataset<Row> inputs) {
    List<String> largestFirst = new ArrayList<>();
    inputs
        .groupBy(Columns.FORCE)
        .count()
        .orderBy(col("count").desc(), col(Columns.FORCE))
        .collectAsList()
        .forEach(r -> largestFirst.add(r.getString(0)));
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
                    return java.util.Collections.emptyIterator();
                  }
                  scala.Tuple2<String, Row> first = partition.next();
                  Iterator<Row> values =
                      new Iterator<>() {
                        private Row pending = first._2();

                        @Override
                        public boolean hasNext() {
                          return pending != null || partition.hasNext();
                        }

                        @Override
                        public Row next() {
                          Row next = pending != null ? pending : partition.next()._2();
                          pending = null;
                          return next;
                        }
                      };
                  return ForceStatistics.compute(shared.value(), first._1(), values);
                });
    return spark.createDataFrame(rows, ForceStatistics.SCHEMA);
  }

  /**
   * Runs the pipeline.
   *
   * @return what was read and written
   * @throws InputException for unusable input (nothing is written)
   * @throws DataQualityException when a gate fails (after the outputs are written)
   */
  public static RunResult run(SparkSession spark, RunConfig config, Progress progress) {
    Instant started = Instant.now();
    Configuration conf = spark.sparkContext().hadoopConfiguration();

    ForceRegistry registry = ForceRegistry.builtIn();
    if (config.forces() != null) {
      registry = registry.with(ReferenceTable.file(config.forces(), conf));
    }
    List<ExtractMapping> mappings = new ArrayList<>();
    for (String mapping : config.mappings()) {
      mappings.add(readMapping(mapping, conf));
    }
    InputDiscovery.Discovered discovered =
        InputDiscovery.discover(
            config.inputs(),
            mappings,
            registry,
            conf,
            config.from(),
            config.to(),
            config.ignoreUnrecognisedFiles());
    if (discovered.files().isEmpty()) {
      throw new InputException(
          String.format(
              "No files to read in %s%s",
              config.inputs().values(),
              discovered.outsideWindow().isEmpty()
                  ? ""
                  : String.format(" (%d outside the window)", discovered.outsideWindow().size())));
    }
    long bytes = discovered.files().stream().mapToLong(SourceFile::bytes).sum();
    progress.stage(
        "discover",
        String.format(
            "%,d files (%,d bytes); %,d outside the window; %,d other files ignored",
            discovered.files().size(),
            bytes,
            discovered.outsideWindow().size(),
            discovered.ignored().size()));

    AreaLookup lookup =
        config.areaLookup() == null
            ? null
            : AreaLookup.read(ReferenceTable.file(config.areaLookup(), conf));
    PopulationInputs.Loaded loaded =
        PopulationInputs.read(config.population(), config.populationFormat(), lookup, conf);
    Denominators population = loaded.denominators();
    List<String> incompleteForces = loaded.incompleteForceAreas();
    if (population != null) {
      progress.stage(
          "population",
          population.vintages().stream()
              .map(
                  v ->
                      String.format(
                          "%,d areas from %s%s",
                          v.table().size(),
                          v.table().source(),
                          v.from() == null ? "" : " from " + v.from()))
              .collect(java.util.stream.Collectors.joining("; ")));
    }

    Boundaries boundaries = readBoundaries(config.geography(), lookup, conf);
    if (boundaries != null) {
      progress.stage(
          "boundaries",
          String.format(
              "%s; districts reported in %d codes%s",
              boundaries.sets().stream()
                  .map(b -> String.format("%d: %,d districts", b.year(), b.districts().size()))
                  .toList(),
              boundaries.targetYear(),
              boundaries.sets().stream().mapToInt(b -> b.repaired().size()).sum() == 0
                  ? ""
                  : String.format(
                      "; %d invalid polygons repaired (listed in the manifest)",
                      boundaries.sets().stream().mapToInt(b -> b.repaired().size()).sum())));
    }

    // The files are read once, into the record-level Parquet table; every later step reads that.
    TableWriter writer = new TableWriter(spark, config.out());
    Map<String, String> districtForces = new LinkedHashMap<>();
    Map<String, String> districtCsps = new LinkedHashMap<>();
    if (lookup != null) {
      lookup.districts().forEach(d -> districtForces.put(d.districtCode(), d.forceAreaCode()));
      lookup.districts().forEach(d -> districtCsps.put(d.districtCode(), d.cspCode()));
    }
    Set<Power> powers = java.util.EnumSet.noneOf(Power.class);
    discovered.files().forEach(f -> powers.add(f.power()));
    String recordsPath =
        writeRecords(
            spark, writer, discovered.files(), registry, districtForces, boundaries, powers);
    progress.stage("records", "standardised records written to " + recordsPath);
    Dataset<Row> records = spark.read().parquet(recordsPath);
    // The previous run's records stay until this run's outputs are all written.
    String finalRecordsPath =
        new org.apache.hadoop.fs.Path(config.out(), OutputSchemas.RECORDS).toString();
    Dataset<Row> recordCounts =
        EventCounts.recordCounts(records, powers).persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> toUnpersist = new ArrayList<>(List.of(recordCounts));
    try {
      List<FileSummary> files = FileSummaries.collect(recordCounts, discovered.files());
      checkFiles(files);
      long read = files.stream().mapToLong(FileSummary::rowsRead).sum();
      long accepted = files.stream().mapToLong(FileSummary::accepted).sum();
      long rejected = files.stream().mapToLong(FileSummary::rejected).sum();
      progress.stage(
          "read",
          String.format("%,d rows read = %,d accepted + %,d rejected", read, accepted, rejected));

      Coverage coverage = Coverage.of(files, config.from(), config.to(), boundaries != null);
      List<String> submitted = new ArrayList<>();
      for (Power power : coverage.powers()) {
        for (String force : coverage.forces(power)) {
          coverage
              .submitted(power, force)
              .forEach(m -> submitted.add(power.code() + " " + force + " " + m));
        }
      }
      Dataset<Row> counts =
          cellCounts(recordCounts, submitted, districtCsps, coverage.powers())
              .persist(StorageLevel.MEMORY_AND_DISK());
      toUnpersist.add(counts);
      Row totals = totals(counts);
      long rowsCounted = totals.getLong(0);
      long events = totals.getLong(1);
      long unmappedCount = 0;
      for (int i = 0; i < UnmappedValues.FIELDS.size(); i++) {
        unmappedCount += totals.getLong(2 + i);
      }
      List<String> withoutDenominator = new ArrayList<>(incompleteForces);
      if (population != null) {
        Set<String> forcesRead = new TreeSet<>();
        coverage.powers().forEach(p -> forcesRead.addAll(coverage.forces(p)));
        for (String force : forcesRead) {
          Force known = registry.find(force).orElseThrow();
          if (known.residentPopulation()
              && population.vintages().stream()
                  .anyMatch(v -> v.table().area(known.areaCode()) == null)
              && !withoutDenominator.contains(known.areaCode())) {
            withoutDenominator.add(known.areaCode());
          }
        }
      }
      progress.stage(
          "count",
          String.format(
              "%,d rows counted (%s to %s); %,d accepted rows outside the window or"
                  + " submitted months",
              rowsCounted, coverage.from(), coverage.to(), accepted - rowsCounted));

      ForceStatistics.Context context =
          new ForceStatistics.Context(
              coverage,
              registry,
              lookup,
              population,
              new java.util.HashMap<>(districtCsps),
              config.report());
      Dataset<Row> computed =
          forceStatistics(
                  spark,
                  context,
                  statisticsInputs(spark, counts, records, submitted, districtCsps, coverage))
              .persist(StorageLevel.MEMORY_AND_DISK());
      toUnpersist.add(computed);
      long statisticsRows = computed.count();
      List<UnmappedValues.Value> unmapped =
          unmappedCount == 0 ? List.of() : UnmappedValues.collect(accepted(records, submitted));
      progress.stage(
          "statistics",
          String.format(
              "%,d table rows computed on the executors, force by force%s",
              statisticsRows,
              population == null
                  ? "; no --population: counts without rates"
                  : withoutDenominator.isEmpty()
                      ? ""
                      : "; no denominator for force areas " + withoutDenominator));

      List<TableWriter.Written> outputs = new ArrayList<>();
      outputs.add(
          new TableWriter.Written(
              OutputSchemas.RECORDS, read + files.size(), finalRecordsPath, null));
      outputs.addAll(StatisticsWriter.write(writer, computed));
      outputs.add(
          writer.write(
              OutputSchemas.COVERAGE,
              OutputSchemas.COVERAGE_SCHEMA,
              coverage.rows(registry),
              Columns.FORCE));
      outputs.add(
          writer.write(
              OutputSchemas.GEO_QUALITY,
              OutputSchemas.GEO_QUALITY_SCHEMA,
              GeoQualityTable.build(recordCounts, coverage, registry),
              Columns.FORCE));
      outputs.add(
          writer.write(
              OutputSchemas.REJECTS,
              RejectsTable.from(records),
              OutputSchemas.REJECTS_SCHEMA,
              Columns.POWER,
              List.of(),
              new Column[] {col("source_file"), col("line_number")}));
      String panelPath = writer.path(StatisticsWriter.PANEL).toString();
      progress.stage(
          "write",
          String.format(
              "%d tables to %s; panel tables (small cells suppressed) to %s",
              outputs.size(), config.out(), panelPath));

      QualityGates gates = new QualityGates();
      gates.check(
          "rejected rows", rejected, read, config.maxRejectFraction(), RejectHint.of(files));
      for (String field : GATED) {
        long n = totals.getLong(2 + UnmappedValues.FIELDS.size() + GATED.indexOf(field));
        gates.check(
            "unmapped " + field.replace('_', ' ') + " labels",
            n,
            events,
            config.maxUnmappedFraction(),
            "add the labels to a mapping's values, or fix the source; see manifest.json"
                + " unmapped_values");
      }

      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("tool", RunManifest.tool(spark));
      manifest.put(
          "run",
          Map.of(
              "started", started.toString(),
              "finished", Instant.now().toString(),
              "elapsed_seconds", progress.elapsed(),
              "spark_master", spark.sparkContext().master()));
      manifest.put("settings", RunManifest.settings(config));
      manifest.put(
          "window", Map.of("from", coverage.from().toString(), "to", coverage.to().toString()));
      manifest.put(
          "reconciliation", RunManifest.reconciliation(read, accepted, rejected, rowsCounted));
      manifest.put("inputs", RunManifest.inputs(files));
      manifest.put("reference_files", RunManifest.referenceFiles(config, conf));
      manifest.put(
          "skipped_outside_window",
          discovered.outsideWindow().stream().map(SourceFile::path).toList());
      manifest.put("ignored_files", discovered.ignored());
      manifest.put("empty_files", coverage.emptyFiles());
      manifest.put("unmapped_values", unmapped);
      manifest.put("force_areas_without_denominator", withoutDenominator);
      if (boundaries != null) {
        manifest.put("boundaries", RunManifest.boundaries(boundaries));
      }
      manifest.put("decisions", RunManifest.decisions(accepted, rowsCounted, events));
      manifest.put("reject_rules", RunManifest.rejectRules());
      manifest.put("gates", gates.results());
      manifest.put("outputs", outputs);
      manifest.put("stages", progress.stages());
      manifest.put("caveats", Caveats.ALL);
      String manifestPath = writer.writeText("manifest.json", RunManifest.json(manifest));
      progress.stage("manifest", manifestPath);

      writer.replace(STAGED_RECORDS, OutputSchemas.RECORDS);
      RunResult result =
          new RunResult(
              read, accepted, rejected, rowsCounted, outputs, manifestPath, gates.failed());
      if (!gates.failed().isEmpty()) {
        throw new DataQualityException(String.join("; ", gates.failed()));
      }
      return result;
    } catch (RuntimeException e) {
      // Unusable input (or any failure) publishes no records: remove only this run's staged
      // table, so the previous run's records/ stays as it was.
      writer.delete(STAGED_RECORDS);
      throw e;
    } finally {
      toUnpersist.forEach(Dataset::unpersist);
    }
  }

  /**
   * Reads, validates and standardises every file into the record-level Parquet table (the one pass
   * over the inputs) and returns its path.
   */
  private static String writeRecords(
      SparkSession spark,
      TableWriter writer,
      List<SourceFile> files,
      ForceRegistry registry,
      Map<String, String> districtForces,
      Boundaries boundaries,
      Set<Power> powers) {
    Column paths = functions.array(files.stream().map(f -> lit(f.path())).toArray(Column[]::new));
    Dataset<Row> standardized =
        Records.standardize(
                RawRecords.read(spark, files, registry, boundaries),
                registry,
                districtForces,
                powers)
            .withColumn(Columns.SOURCE_FILE, element_at(paths, col(Columns.FILE_INDEX).plus(1)))
            .select(
                Arrays.stream(OutputSchemas.RECORDS_SCHEMA.fieldNames())
                    .map(functions::col)
                    .toArray(Column[]::new));
    // Whole-stage code generation fuses the ~50 standardisation expressions into one method too
    // large for HotSpot to compile (over its 8,000-byte limit), so it would run interpreted;
    // per-operator code generation splits it into small methods (bench/standardise-bench.sh: on
    // the shared police.uk set, 14 s instead of 20 s cold, 5 s instead of 13 s warm).
    return withConf(
        spark,
        "spark.sql.codegen.wholeStage",
        "false",
        () -> writer.writeParquet(STAGED_RECORDS, standardized));
  }

  /**
   * Stops the run on a file whose header was wrong (exit 2), and fails loudly if any file does not
   * reconcile rows read = accepted + rejected (a defect, never bad input).
   */
  private static void checkFiles(List<FileSummary> files) {
    List<FileSummary> unreadable = files.stream().filter(f -> f.fileProblem() != null).toList();
    if (!unreadable.isEmpty()) {
      throw new InputException(
          unreadable.get(0).fileProblem()
              + (unreadable.size() > 1
                  ? String.format(" (and %d more files)", unreadable.size() - 1)
                  : ""));
    }
    for (FileSummary file : files) {
      if (!file.reconciles()) {
        throw new IllegalStateException(
            String.format(
                "Reconciliation failed for %s: %d read, %d accepted, %d rejected",
                file.file().path(), file.rowsRead(), file.accepted(), file.rejected()));
      }
    }
  }

  /** Runs {@code action} with a SQL setting changed, restoring the caller's value afterwards. */
  private static <T> T withConf(
      SparkSession spark, String key, String value, java.util.function.Supplier<T> action) {
    String previous = spark.conf().get(key);
    spark.conf().set(key, value);
    try {
      return action.get();
    } finally {
      spark.conf().set(key, previous);
    }
  }

  /** Accepted records of the submitted force-months. */
  private static Dataset<Row> accepted(Dataset<Row> validated, List<String> submitted) {
    return validated
        .where(col(Columns.RECORD_TYPE).equalTo(RawSchema.RECORD))
        .where(col(Columns.REJECT_REASON).isNull())
        .where(
            concat_ws(" ", col(Columns.POWER), col(Columns.FORCE), col(Columns.MONTH))
                .isin(submitted.toArray()));
  }

  /**
   * Reads the boundary files ({@code PATH} or {@code PATH@YEAR}) and the code-change table, or
   * returns {@code null} when none are given. Districts are reported in the area lookup's year.
   */
  private static Boundaries readBoundaries(
      RunConfig.Geography geography, AreaLookup lookup, Configuration conf) {
    if (geography.boundaries().isEmpty()) {
      return null;
    }
    List<DistrictBoundaries> sets = new ArrayList<>();
    for (String given : geography.boundaries()) {
      String path = given;
      Integer year = null;
      int at = given.lastIndexOf('@');
      if (at > 0 && given.substring(at + 1).matches("\\d{4}")) {
        path = given.substring(0, at);
        year = Integer.valueOf(given.substring(at + 1));
      }
      Path hadoopPath = new Path(path);
      try (InputStream in = hadoopPath.getFileSystem(conf).open(hadoopPath)) {
        sets.add(
            BoundaryReader.read(
                path, in, geography.codeProperty(), geography.nameProperty(), year));
      } catch (java.io.FileNotFoundException e) {
        throw new InputException("Boundary file not found: " + path, e);
      } catch (IOException e) {
        throw new InputException(
            String.format("Cannot read boundary file %s: %s", path, e.getMessage()), e);
      }
    }
    DistrictChanges changes =
        geography.changes() == null
            ? DistrictChanges.none()
            : DistrictChanges.read(ReferenceTable.file(geography.changes(), conf));
    return new Boundaries(sets, changes, lookup == null ? null : lookup.year());
  }

  private static ExtractMapping readMapping(String path, Configuration conf) {
    Path hadoopPath = new Path(path);
    try (InputStream in = hadoopPath.getFileSystem(conf).open(hadoopPath)) {
      return ExtractMapping.read(path, in);
    } catch (java.io.FileNotFoundException e) {
      throw new InputException("Mapping not found: " + path, e);
    } catch (IOException e) {
      throw new InputException(
          String.format("Cannot read mapping %s: %s", path, e.getMessage()), e);
    }
  }
}
