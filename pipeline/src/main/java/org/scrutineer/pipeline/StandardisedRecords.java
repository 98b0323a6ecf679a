package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.scrutineer.pipeline.ingest.RawRecords;
import org.scrutineer.pipeline.ingest.SourceFile;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.standardize.Records;
import org.scrutineer.pipeline.store.RecordStore;

/**
 * Stage 2, write records: reads, validates and standardises the input files a run must read (new or
 * changed, {@link RecordSet#toRead}) into the {@link RecordStore}, the one pass over those inputs;
 * every later stage reads the run's records from the store. Every line of every file becomes one
 * row: a record (accepted, or rejected with its reason), or the file's summary row, each with its
 * file's key. Runs in Spark tasks.
 */
final class StandardisedRecords {
  private StandardisedRecords() {}

  /**
   * Writes the records of the files to read into {@code store}.
   *
   * @return the store entries written (empty when there is nothing to read)
   */
  static List<RecordStore.Entry> write(
      SparkSession spark, RecordStore store, ResolvedInputs inputs, RecordSet set, String runId) {
    List<SourceFile> files = set.filesToRead();
    if (files.isEmpty()) {
      return List.of();
    }
    Map<String, String> keys = set.keysByPath();
    Column paths = functions.array(files.stream().map(f -> lit(f.path())).toArray(Column[]::new));
    Column fileKeys =
        functions.array(files.stream().map(f -> lit(keys.get(f.path()))).toArray(Column[]::new));
    Column index = col(Columns.FILE_INDEX).plus(1);
    // Every stored column, then the row's hash of them all (RecordStore.ROW_HASH).
    Column[] stored =
        Arrays.stream(RecordSet.STORED_SCHEMA.fieldNames())
            .filter(name -> !name.equals(RecordStore.ROW_HASH))
            .map(functions::col)
            .toArray(Column[]::new);
    Column[] hashed = Arrays.copyOf(stored, stored.length + 1);
    hashed[stored.length] = functions.xxhash64(stored).as(RecordStore.ROW_HASH);
    Dataset<Row> standardized =
        Records.standardize(
                RawRecords.read(spark, files, inputs.registry(), inputs.boundaries()),
                inputs.registry(),
                inputs.districtForces(),
                inputs.powers())
            .withColumn(Columns.SOURCE_FILE, element_at(paths, index))
            .withColumn(RecordStore.FILE_KEY, element_at(fileKeys, index))
            .select(hashed);
    // Whole-stage code generation fuses the ~50 standardisation expressions into one method too
    // large for HotSpot to compile (over its 8,000-byte limit), so it would run interpreted;
    // per-operator code generation splits it into small methods (bench/standardise-bench.sh: on
    // the shared police.uk set, 14 s instead of 20 s cold, 5 s instead of 13 s warm).
    String key = "spark.sql.codegen.wholeStage";
    String previous = spark.conf().get(key);
    spark.conf().set(key, "false");
    try {
      return store.write(standardized, set.toRead(), runId);
    } finally {
      spark.conf().set(key, previous);
    }
  }
}
