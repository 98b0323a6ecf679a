package org.scrutineer.pipeline.output;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.scrutineer.pipeline.io.CsvFormat;

/**
 * Writes the output tables under the output folder, every one by Spark tasks in parallel (nothing
 * proportional to a table passes through the driver): {@code <name>/} as Parquet (for analysts and
 * other tools; the large tables partitioned by the columns analysts filter on) and {@code
 * csv/<name>/<part>.csv} as Excel-friendly CSV files ({@link CsvFormat}), one per force (or per
 * power for the rejects), each with its own byte-order mark and header and at most {@value
 * #EXCEL_ROWS} data rows (a larger part rolls over into {@code <part>-2.csv}). Rows within a CSV
 * file keep the order given, so the same inputs give the same bytes. Paths may be local or any
 * Hadoop file system.
 */
public final class TableWriter {
  private final SparkSession spark;
  private final Path out;
  private final long maxRows;

  /** The CSV files' folder under the output folder. */
  public static final String CSV = "csv";

  /** Data rows per CSV file: Excel opens 1,048,576 rows, the header included. */
  public static final int EXCEL_ROWS = 1_048_575;

  /** The column naming a row's CSV file (its force, or power). */
  public static final String FILE = "_file";

  /** The column naming a row's CSV folder, relative to the output folder. */
  public static final String FOLDER = "_folder";

  /**
   * What was written.
   *
   * @param table table name
   * @param rows rows written
   * @param parquet Parquet folder
   * @param csv folder of CSV files, or {@code null} for a table written as Parquet only
   */
  public record Written(String table, long rows, String parquet, String csv) {}

  /**
   * A CSV file written.
   *
   * @param path its full path
   * @param rows its data rows
   * @param sha256 the SHA-256 of its bytes, hex
   */
  public record CsvFile(String path, long rows, String sha256) {}

  private final List<CsvFile> csvFiles = java.util.Collections.synchronizedList(new ArrayList<>());

  /** Writes under {@code outDir}, creating it. */
  public TableWriter(SparkSession spark, String outDir) {
    this(spark, outDir, EXCEL_ROWS);
  }

  /** Writes under {@code outDir}, with at most {@code maxRows} data rows per CSV file. */
  TableWriter(SparkSession spark, String outDir, long maxRows) {
    this.spark = spark;
    this.maxRows = maxRows;
    this.out = new Path(outDir);
    try {
      out.getFileSystem(spark.sparkContext().hadoopConfiguration()).mkdirs(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create output folder " + outDir, e);
    }
  }

  /**
   * Writes a small table built on the driver (a row per force and month at most, such as {@code
   * coverage}); one CSV file per value of {@code fileColumn}.
   */
  public Written write(String name, StructType schema, List<Row> rows, String fileColumn) {
    return write(
        name, spark.createDataFrame(rows, schema), schema, fileColumn, List.of(), new Column[0]);
  }

  /**
   * Writes a distributed table as Parquet and as CSV files.
   *
   * @param data the table's rows: its columns, and any used in {@code order} only
   * @param schema the table's columns, in order
   * @param fileColumn the column whose value names a row's CSV file (a null value: {@code unknown})
   * @param partitionBy the Parquet partition columns (none for a small table)
   * @param order the order of the rows within a file (ties broken by every column, so the bytes do
   *     not depend on how Spark scheduled the tasks)
   */
  public Written write(
      String name,
      Dataset<Row> data,
      StructType schema,
      String fileColumn,
      List<String> partitionBy,
      Column[] order) {
    List<Column> sorted = new ArrayList<>(List.of(col(FILE)));
    sorted.addAll(List.of(order));
    List<Column> columns = new ArrayList<>(List.of(lit(csvFolder(name)).as(FOLDER), col(FILE)));
    for (String field : schema.fieldNames()) {
      sorted.add(col(field));
      columns.add(col(field));
    }
    Dataset<Row> rows =
        data.withColumn(FILE, coalesce(col(fileColumn), lit("unknown")))
            .repartition(col(FILE))
            .sortWithinPartitions(sorted.toArray(new Column[0]))
            .select(columns.toArray(new Column[0]));
    long written =
        writeCsv(Map.of(csvFolder(name), CsvFormat.header(List.of(schema.fieldNames()))), rows, 2)
            .get(csvFolder(name));
    // An empty table is written unpartitioned: one file that still carries the schema.
    writeParquet(name, data, schema, written == 0 ? List.of() : partitionBy, order);
    return new Written(name, written, parquetPath(name), new Path(out, csvFolder(name)).toString());
  }

  /**
   * Writes a table as Parquet, without a shuffle: each task writes its own rows, sorted by the
   * partition columns, then {@code order} (which should make the order unique, or ties are broken
   * by every column).
   *
   * @param data the table's rows: its columns, and any used in {@code order} only
   * @param schema the table's columns, in order
   * @return the Parquet folder
   */
  public String writeParquet(
      String name, Dataset<Row> data, StructType schema, List<String> partitionBy, Column[] order) {
    List<Column> sorted = new ArrayList<>();
    partitionBy.forEach(c -> sorted.add(col(c)));
    sorted.addAll(List.of(order));
    List<Column> columns = new ArrayList<>();
    for (String field : schema.fieldNames()) {
      columns.add(col(field));
    }
    sorted.addAll(columns);
    DataFrameWriter<Row> parquet =
        data.sortWithinPartitions(sorted.toArray(new Column[0]))
            .select(columns.toArray(new Column[0]))
            .write()
            .mode(SaveMode.Overwrite);
    if (!partitionBy.isEmpty()) {
      parquet = parquet.partitionBy(partitionBy.toArray(new String[0]));
    }
    parquet.parquet(parquetPath(name));
    return parquetPath(name);
  }

  /**
   * Writes a large table as Parquet only, keeping Spark's partitioning (one file per task).
   *
   * @return the Parquet folder
   */
  public String writeParquet(String name, Dataset<Row> data) {
    data.write().mode(SaveMode.Overwrite).parquet(parquetPath(name));
    return parquetPath(name);
  }

  /** Every CSV file this writer has written, in no particular order. */
  public List<CsvFile> csvFiles() {
    synchronized (csvFiles) {
      return List.copyOf(csvFiles);
    }
  }

  /** A path under the output folder. */
  public Path path(String relative) {
    return new Path(out, relative);
  }

  /** A table's CSV folder, relative to the output folder. */
  public static String csvFolder(String name) {
    return CSV + "/" + name;
  }

  /**
   * Writes CSV files by parallel tasks: each row's folder (relative to the output folder, one of
   * {@code headers}' keys) and file name (without {@code .csv}) in columns 0 and 1, then its values
   * from column {@code firstValue} on, or, with {@code firstValue} -1, its finished line (line end
   * included) in column 2. The rows must come sorted by file, folder and order within the file; a
   * file's rows must all be in one partition.
   *
   * @return rows written into each folder
   */
  public Map<String, Long> writeCsv(
      Map<String, String> headers, Dataset<Row> rows, int firstValue) {
    Map<String, org.apache.spark.util.LongAccumulator> counts = new LinkedHashMap<>();
    try {
      FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (String folder : headers.keySet()) {
        Path path = new Path(out, folder);
        fs.delete(path, true);
        fs.mkdirs(path);
        counts.put(folder, spark.sparkContext().longAccumulator(folder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the CSV folders in " + out, e);
    }
    org.apache.spark.util.CollectionAccumulator<String> fileAccumulator =
        spark.sparkContext().collectionAccumulator("csv files");
    CsvFiles files =
        new CsvFiles(
            out.toString(),
            new LinkedHashMap<>(headers),
            firstValue,
            maxRows,
            new HadoopConf(spark.sparkContext().hadoopConfiguration()),
            counts,
            fileAccumulator);
    rows.foreachPartition((ForeachPartitionFunction<Row>) files::write);
    for (String encoded : fileAccumulator.value()) {
      CsvFiles.WrittenFile file = CsvFiles.WrittenFile.decode(encoded);
      csvFiles.add(new CsvFile(new Path(out, file.path()).toString(), file.rows(), file.sha256()));
    }
    Map<String, Long> written = new LinkedHashMap<>();
    counts.forEach((folder, n) -> written.put(folder, n.value()));
    return written;
  }

  /** Writes a text file (such as the manifest) under the output folder. */
  public String writeText(String fileName, String text) {
    Path path = new Path(out, fileName);
    try (Writer writer = writer(path)) {
      writer.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
    return path.toString();
  }

  /**
   * Puts table {@code staged} in the place of table {@code name}: the previous {@code name} is
   * removed only now, once the new one is complete.
   *
   * @return the table's path
   */
  public String replace(String staged, String name) {
    try {
      FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path target = new Path(out, name);
      fs.delete(target, true);
      if (!fs.rename(new Path(out, staged), target)) {
        throw new IOException("rename of " + staged + " to " + name + " failed");
      }
      return target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish " + name + " in " + out, e);
    }
  }

  /** Removes a table written earlier in this run (both forms). */
  public void delete(String name) {
    try {
      FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(new Path(out, name), true);
      fs.delete(new Path(out, name + ".csv"), false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + name + " from " + out, e);
    }
  }

  private String parquetPath(String name) {
    return new Path(out, name).toString();
  }

  /**
   * The file system without its checksum layer where it has one (the local file system's): files
   * meant for people get no {@code .crc} companions beside them.
   */
  public static FileSystem withoutChecksums(FileSystem fs) {
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  private Writer writer(Path path) throws IOException {
    FileSystem fs =
        withoutChecksums(path.getFileSystem(spark.sparkContext().hadoopConfiguration()));
    return new BufferedWriter(
        new OutputStreamWriter(fs.create(path, true), StandardCharsets.UTF_8), 1 << 16);
  }
}
