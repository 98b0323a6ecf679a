package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import java.time.Instant;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scrutineer.pipeline.aggregate.UnmappedValues;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.output.StatisticsWriter;
import org.scrutineer.pipeline.output.TableWriter;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.OutputSchemas;

/**
 * The run, end to end, for every power given (stop and search, use of force, custody, FPNs), as a
 * sequence of named stages, each a class with its own contract:
 *
 * <ol>
 *   <li>{@link ResolvedInputs resolve inputs}: reference files, input files, populations,
 *       boundaries;
 *   <li>{@link StandardisedRecords write records}: every line of every file, read once, into the
 *       record-level Parquet table (staged until the run's outputs are written);
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
  /** Where this run writes its records until its outputs are complete (then {@code records/}). */
  private static final String STAGED_RECORDS = "_records_incoming";

  private ScrutineerRun() {}

  /**
   * Runs the pipeline.
   *
   * @return what was read and written
   * @throws InputException for unusable input (nothing is published)
   * @throws DataQualityException when a gate fails (after the outputs are written)
   */
  public static RunResult run(SparkSession spark, RunConfig config, Progress progress) {
    Instant started = Instant.now();
    ResolvedInputs inputs =
        ResolvedInputs.resolve(config, spark.sparkContext().hadoopConfiguration(), progress);
    TableWriter writer = new TableWriter(spark, config.out());
    String staged = StandardisedRecords.write(spark, writer, inputs, STAGED_RECORDS);
    progress.stage("records", "standardised records written to " + staged);
    Dataset<Row> records = spark.read().parquet(staged);
    try (FilesRead files = FilesRead.of(records, inputs, config)) {
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
          // The previous run's records stay until this run's outputs are all written.
          List<TableWriter.Written> outputs =
              OutputTables.write(
                  writer,
                  inputs,
                  files,
                  computed,
                  records,
                  new Path(config.out(), OutputSchemas.RECORDS).toString());
          progress.stage(
              "write",
              String.format(
                  "%d tables to %s; panel tables (small cells suppressed) to %s",
                  outputs.size(), config.out(), writer.path(StatisticsWriter.PANEL)));

          QualityGates gates = QualityGates.of(files, counted, config);
          String manifestPath =
              writer.writeText(
                  "manifest.json",
                  RunManifest.of(
                      spark, config, started, progress, inputs, files, counted, unmapped, gates,
                      outputs));
          progress.stage("manifest", manifestPath);

          writer.replace(STAGED_RECORDS, OutputSchemas.RECORDS);
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
              gates.failed());
        }
      }
    } catch (DataQualityException e) {
      throw e;
    } catch (RuntimeException e) {
      // Unusable input (or any failure) publishes no records: remove only this run's staged
      // table, so the previous run's records/ stays as it was.
      writer.delete(STAGED_RECORDS);
      throw e;
    }
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
