package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.scrutineer.pipeline.ingest.RawRecords;
import org.scrutineer.pipeline.ingest.SourceFile;
import org.scrutineer.pipeline.output.TableWriter;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.standardize.Records;

/**
 * Stage 2, write records: reads, validates and standardises every input file into the record-level
 * Parquet table ({@link OutputSchemas#RECORDS_SCHEMA}), the one pass over the inputs; every later
 * stage reads that table. Every line of every file becomes one row: a record (accepted, or rejected
 * with its reason), or the file's summary row. Runs in Spark tasks.
 */
final class StandardisedRecords {
  private StandardisedRecords() {}

  /**
   * Writes the records of {@code inputs} as table {@code name} under the writer's folder.
   *
   * @return the table's path
   */
  static String write(SparkSession spark, TableWriter writer, ResolvedInputs inputs, String name) {
    List<SourceFile> files = inputs.discovered().files();
    Column paths = functions.array(files.stream().map(f -> lit(f.path())).toArray(Column[]::new));
    Dataset<Row> standardized =
        Records.standardize(
                RawRecords.read(spark, files, inputs.registry(), inputs.boundaries()),
                inputs.registry(),
                inputs.districtForces(),
                inputs.powers())
            .withColumn(Columns.SOURCE_FILE, element_at(paths, col(Columns.FILE_INDEX).plus(1)))
            .select(
                Arrays.stream(OutputSchemas.RECORDS_SCHEMA.fieldNames())
                    .map(functions::col)
                    .toArray(Column[]::new));
    // Whole-stage code generation fuses the ~50 standardisation expressions into one method too
    // large for HotSpot to compile (over its 8,000-byte limit), so it would run interpreted;
    // per-operator code generation splits it into small methods (bench/standardise-bench.sh: on
    // the shared police.uk set, 14 s instead of 20 s cold, 5 s instead of 13 s warm).
    String key = "spark.sql.codegen.wholeStage";
    String previous = spark.conf().get(key);
    spark.conf().set(key, "false");
    try {
      return writer.writeParquet(name, standardized);
    } finally {
      spark.conf().set(key, previous);
    }
  }
}
