package org.scrutineer.pipeline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.scrutineer.pipeline.schema.Columns.DISTRICT;
import static org.scrutineer.pipeline.schema.Columns.FILE_BYTES;
import static org.scrutineer.pipeline.schema.Columns.FILE_DUPLICATE_ROWS;
import static org.scrutineer.pipeline.schema.Columns.FILE_INDEX;
import static org.scrutineer.pipeline.schema.Columns.FILE_LINES;
import static org.scrutineer.pipeline.schema.Columns.FILE_ROWS;
import static org.scrutineer.pipeline.schema.Columns.FILE_SHA256;
import static org.scrutineer.pipeline.schema.Columns.FORCE;
import static org.scrutineer.pipeline.schema.Columns.MONTH;
import static org.scrutineer.pipeline.schema.Columns.RECORDS;
import static org.scrutineer.pipeline.schema.Columns.RECORD_TYPE;
import static org.scrutineer.pipeline.schema.Columns.REJECT_DETAIL;
import static org.scrutineer.pipeline.schema.Columns.REJECT_REASON;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Summarises what was read from each file from the record counts of the validated raw layer: the
 * reader's own row count, size and hash (from each file's summary row) beside the accepted and
 * rejected records, so every file can be reconciled.
 */
public final class FileSummaries {
  private FileSummaries() {}

  /**
   * Collects one {@link FileSummary} per file.
   *
   * @param recordCounts {@code EventCounts.recordCounts} of the validated raw layer
   * @param files the files that were read
   */
  public static List<FileSummary> collect(Dataset<Row> recordCounts, List<SourceFile> files) {
    List<Row> rows =
        recordCounts
            .groupBy(
                col(FILE_INDEX),
                col(RECORD_TYPE),
                col(FORCE),
                col(MONTH),
                col(REJECT_REASON),
                col(DISTRICT).isNotNull().as(DISTRICT))
            .agg(
                sum(col(RECORDS)).as("n"),
                max(col(FILE_ROWS)).as(FILE_ROWS),
                max(col(FILE_LINES)).as(FILE_LINES),
                max(col(FILE_DUPLICATE_ROWS)).as(FILE_DUPLICATE_ROWS),
                max(col(FILE_BYTES)).as(FILE_BYTES),
                max(col(FILE_SHA256)).as(FILE_SHA256),
                max(col(REJECT_DETAIL)).as(REJECT_DETAIL))
            .collectAsList();
    Map<String, Long> rowsRead = new HashMap<>();
    Map<String, Long> lines = new HashMap<>();
    Map<String, Long> duplicates = new HashMap<>();
    Map<String, Long> bytes = new HashMap<>();
    Map<String, String> hashes = new HashMap<>();
    Map<String, String> fileProblems = new HashMap<>();
    Map<String, Long> accepted = new HashMap<>();
    Map<String, Long> withDistrict = new HashMap<>();
    Map<String, Map<String, Long>> rejects = new HashMap<>();
    Map<String, Map<String, Map<String, Long>>> months = new HashMap<>();
    for (Row row : rows) {
      String path = files.get(row.<Integer>getAs(FILE_INDEX)).path();
      long n = row.<Long>getAs("n");
      if (RawSchema.FILE.equals(row.getAs(RECORD_TYPE))) {
        rowsRead.put(path, row.<Long>getAs(FILE_ROWS));
        lines.put(path, row.<Long>getAs(FILE_LINES));
        duplicates.put(path, row.<Long>getAs(FILE_DUPLICATE_ROWS));
        bytes.put(path, row.<Long>getAs(FILE_BYTES));
        hashes.put(path, row.getAs(FILE_SHA256));
        if (row.getAs(REJECT_DETAIL) != null) {
          fileProblems.put(path, row.getAs(REJECT_DETAIL));
        }
      } else if (row.getAs(REJECT_REASON) != null) {
        rejects
            .computeIfAbsent(path, p -> new TreeMap<>())
            .merge(row.getAs(REJECT_REASON), n, Long::sum);
      } else {
        accepted.merge(path, n, Long::sum);
        if (row.<Boolean>getAs(DISTRICT)) {
          withDistrict.merge(path, n, Long::sum);
        }
        months
            .computeIfAbsent(path, p -> new TreeMap<>())
            .computeIfAbsent(row.getAs(FORCE), f -> new TreeMap<>())
            .merge(row.getAs(MONTH), n, Long::sum);
      }
    }
    List<FileSummary> summaries = new ArrayList<>();
    for (SourceFile file : files) {
      String path = file.path();
      summaries.add(
          new FileSummary(
              file,
              rowsRead.getOrDefault(path, 0L),
              lines.getOrDefault(path, 0L),
              duplicates.getOrDefault(path, 0L),
              bytes.getOrDefault(path, 0L),
              hashes.get(path),
              fileProblems.get(path),
              accepted.getOrDefault(path, 0L),
              rejects.getOrDefault(path, new LinkedHashMap<>()),
              months.getOrDefault(path, new LinkedHashMap<>()),
              withDistrict.getOrDefault(path, 0L)));
    }
    return summaries;
  }
}
