package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.output.Concurrently;
import org.scrutineer.pipeline.output.GeoQualityTable;
import org.scrutineer.pipeline.output.RejectsTable;
import org.scrutineer.pipeline.output.StatisticsWriter;
import org.scrutineer.pipeline.output.TableWriter;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.OutputSchemas;

/**
 * Stage 6, write outputs: every table as Parquet and per-force CSV files, written by Spark tasks
 * ({@link StatisticsWriter} for the statistical and panel tables; {@link TableWriter} for coverage,
 * geography quality and the rejects). The records table is already written; it is listed here. The
 * rejects, which carry raw input values, go with the records to the restricted folder.
 */
final class OutputTables {
  private OutputTables() {}

  /**
   * Writes the tables.
   *
   * @param writer the writer of the analyst and panel tables
   * @param restricted the writer of the restricted outputs (the rejects)
   * @param recordsPath where the records table is
   * @return what was written, the records first
   */
  static List<TableWriter.Written> write(
      TableWriter writer,
      TableWriter restricted,
      ResolvedInputs inputs,
      FilesRead files,
      ComputedTables computed,
      Dataset<Row> records,
      String recordsPath) {
    List<TableWriter.Written> outputs = new ArrayList<>();
    // Every line read is a row of the records table, and each file has its summary row.
    outputs.add(
        new TableWriter.Written(
            OutputSchemas.RECORDS, files.read() + files.files().size(), recordsPath, null));
    List<Callable<List<TableWriter.Written>>> jobs = new ArrayList<>();
    jobs.add(() -> StatisticsWriter.write(writer, computed.rows()));
    jobs.add(
        () ->
            List.of(
                writer.write(
                    OutputSchemas.COVERAGE,
                    OutputSchemas.COVERAGE_SCHEMA,
                    files.coverage().rows(inputs.registry()),
                    Columns.FORCE)));
    jobs.add(
        () ->
            List.of(
                writer.write(
                    OutputSchemas.GEO_QUALITY,
                    OutputSchemas.GEO_QUALITY_SCHEMA,
                    GeoQualityTable.build(
                        files.recordCounts(), files.coverage(), inputs.registry()),
                    Columns.FORCE)));
    jobs.add(
        () ->
            List.of(
                files.rejected() == 0
                    // Nothing rejected: no need to scan the records for the (empty) table.
                    ? restricted.write(
                        OutputSchemas.REJECTS,
                        OutputSchemas.REJECTS_SCHEMA,
                        List.of(),
                        Columns.POWER)
                    : restricted.write(
                        OutputSchemas.REJECTS,
                        RejectsTable.from(records),
                        OutputSchemas.REJECTS_SCHEMA,
                        Columns.POWER,
                        List.of(),
                        new Column[] {col(Columns.SOURCE_FILE), col(Columns.LINE_NUMBER)})));
    // Independent Spark jobs, submitted together so that their tasks share the cores.
    Concurrently.run(jobs).forEach(outputs::addAll);
    return outputs;
  }
}
