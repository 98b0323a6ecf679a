package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scrutineer.pipeline.aggregate.UnmappedValues;
import org.scrutineer.pipeline.disclosure.PanelReadme;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.output.Audience;
import org.scrutineer.pipeline.output.StatisticsWriter;
import org.scrutineer.pipeline.output.TableWriter;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.store.RecordStore;

/**
 * The run, end to end, for every power given (stop and search, use of force, custody, FPNs), as a
 * sequence of named stages, each a class with its own contract:
 *
 * <ol>
 *   <li>{@link #prepare resolve inputs}, before Spark starts: reference files, input files,
 *       populations, boundaries;
 *   <li>{@link RecordSet plan records}: each input file hashed; the files new or changed since the
 *       store's published run are to be read, the others reused from the {@link RecordStore};
 *   <li>{@link StandardisedRecords write records}: every line of every file to read, read once,
 *       into the record store;
 *   <li>{@link FilesRead reconcile files}: rows read = accepted + rejected for each file, and the
 *       coverage;
 *   <li>{@link CountedCells count cells}: counts by reporting cell and group, and the run's totals;
 *   <li>{@link ComputedTables compute tables}: every statistical table and the panel tables'
 *       disclosure control, force by force on the executors;
 *   <li>{@link OutputTables write outputs}: Parquet and per-force CSV, by Spark tasks;
 *   <li>{@link QualityGates gate}: the data-quality gates;
 *   <li>{@link RunManifest manifest}: the provenance of the run.
 * </ol>
 *
 * <p>Spark computes and writes every table; the driver holds only what is compact: reference
 * tables, a summary per input file, the coverage per force and month, and counters. Takes the
 * caller's {@link SparkSession}; never creates or stops one. Outputs are written before the gates
 * are checked, so a failed gate can be inspected.
 *
 * @see RunConfig
 */
public final class ScrutineerRun {
  private ScrutineerRun() {}

  /**
   * Runs the pipeline into a folder of its own ({@code config.out()}): analyst tables at the top,
   * {@code panel/} for publication, the rejects in {@link Audience#RESTRICTED restricted/},
   * readable by the owner only. The records go to the {@link RecordStore}: the store's {@code
   * records/} for a run in a results store, reusing the records of files unchanged since its
   * published run; {@code restricted/records/} for a run outside a store, which reads every file.
   *
   * @param run the run's place in its results store (id, previous run, {@code --full}, {@code
   *     --allow-removal}); {@code null} for a run outside a store
   * @return what was read and written, or {@link RunResult#nothingNew} when no input file is new,
   *     changed or gone and the settings are those of the published run (nothing is computed)
   * @throws InputException for unusable input
   * @throws DataQualityException when a gate fails (after the outputs are written)
   */
  public static RunResult run(
      SparkSession spark, PreparedRun prepared, Progress progress, RunIdentity run) {
    Instant started = prepared.started();
    RunConfig config = prepared.config();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    TableWriter writer = new TableWriter(spark, config.out());
    org.apache.hadoop.fs.Path restrictedFolder = Audience.restrictedFolder(spark, config.out());
    TableWriter restricted = new TableWriter(spark, restrictedFolder.toString());
    RecordStore store =
        RecordStore.at(
            run == null
                ? new org.apache.hadoop.fs.Path(restrictedFolder, RecordStore.FOLDER)
                : new org.apache.hadoop.fs.Path(run.store(), RecordStore.FOLDER),
            conf);
    List<Map<String, Object>> referenceFiles = RunManifest.referenceFiles(config, conf);
    RecordSet set =
        RecordSet.plan(
            spark,
            config,
            prepared.inputs(),
            referenceFiles,
            store,
            previous(run, conf),
            run == null || run.full(),
            run != null && run.allowRemoval());
    progress.stage("plan", set.summary());
    if (set.nothingNew()) {
      return RunResult.nothingNew(set.summary());
    }
    List<RecordStore.Entry> written =
        StandardisedRecords.write(
            spark, store, prepared.inputs(), set, run == null ? "run" : run.runId());
    progress.stage(
        "records",
        String.format(
            "standardised records of %,d files written to the record store %s",
            written.size(), store.root()));
    ResolvedInputs inputs = prepared.inputs().withFiles(set.files());
    Dataset<Row> records = set.records(spark, store, written);
    try (FilesRead files = FilesRead.of(records, inputs, config)) {
      set.checkUnchanged(files.files());
      progress.stage("read", files.summary());
      try (CountedCells counted = CountedCells.of(files, inputs)) {
        progress.stage("count", counted.summary(files));
        try (ComputedTables computed =
            ComputedTables.of(spark, inputs, files, counted, records, config.report())) {
          progress.stage(
              "statistics",
              String.format(
                  "%,d table rows computed on the executors, force by force%s",
                  computed.count(), denominatorNote(inputs, counted)));
          List<UnmappedValues.Value> unmapped =
              counted.unmapped() == 0
                  ? List.of()
                  : UnmappedValues.collect(accepted(records, files.submitted()));
          List<TableWriter.Written> outputs =
              OutputTables.write(
                  writer, restricted, inputs, files, computed, records, store.data().toString());
          Audience.restrict(spark, restrictedFolder);
          writer.writeText(
              StatisticsWriter.PANEL + "/" + PanelReadme.NAME,
              PanelReadme.text(config.report().smallNumbers()));
          progress.stage(
              "write",
              String.format(
                  "%d tables to %s; panel tables (small cells suppressed) to %s",
                  outputs.size(), config.out(), writer.path(StatisticsWriter.PANEL)));

          QualityGates gates = QualityGates.of(files, counted, config);
          writer.writeText(RecordStore.RECORD_SET, set.toJson());
          String manifestPath =
              writer.writeText(
                  "manifest.json",
                  RunManifest.of(
                      spark,
                      config,
                      run,
                      set,
                      store,
                      referenceFiles,
                      set.checksum(spark, store, written),
                      started,
                      progress,
                      inputs,
                      files,
                      counted,
                      unmapped,
                      gates,
                      outputs,
                      csvFiles(writer, restricted)));
          progress.stage("manifest", manifestPath);
          if (!gates.failed().isEmpty()) {
            throw new DataQualityException(String.join("; ", gates.failed()));
          }
          return new RunResult(
              files.read(),
              files.accepted(),
              files.rejected(),
              counted.rowsCounted(),
              outputs,
              manifestPath,
              gates.failed(),
              null);
        }
      }
    }
  }

  /**
   * Stage 1, resolve inputs, before Spark starts: finds the input files in the window and reads and
   * checks every reference file (mappings, force registry, area lookup, populations, boundaries),
   * so that unusable input stops the run before any work.
   *
   * @param conf the Hadoop settings of the input file systems
   * @throws InputException for a missing or unusable file, or no input file in the window
   */
  public static PreparedRun prepare(RunConfig config, Configuration conf, Progress progress) {
    Instant started = Instant.now();
    return new PreparedRun(config, ResolvedInputs.resolve(config, conf, progress), started);
  }

  /** What the published run of the store read, or {@code null}. */
  private static RecordSet.Previous previous(RunIdentity run, Configuration conf) {
    if (run == null || run.previousRun() == null) {
      return null;
    }
    org.apache.hadoop.fs.Path runs =
        new org.apache.hadoop.fs.Path(run.store(), org.scrutineer.pipeline.store.ResultsStore.RUNS);
    return RecordSet.previous(
        new org.apache.hadoop.fs.Path(runs, run.previousRun()), run.previousRun(), conf);
  }

  /** Runs the pipeline into a folder outside any store. */
  public static RunResult run(SparkSession spark, RunConfig config, Progress progress) {
    return run(
        spark,
        prepare(config, spark.sparkContext().hadoopConfiguration(), progress),
        progress,
        null);
  }

  private static List<TableWriter.CsvFile> csvFiles(TableWriter... writers) {
    List<TableWriter.CsvFile> files = new java.util.ArrayList<>();
    for (TableWriter writer : writers) {
      files.addAll(writer.csvFiles());
    }
    return files;
  }

  private static String denominatorNote(ResolvedInputs inputs, CountedCells counted) {
    if (inputs.population() == null) {
      return "; no --population: counts without rates";
    }
    return counted.withoutDenominator().isEmpty()
        ? ""
        : "; no denominator for force areas " + counted.withoutDenominator();
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
}
