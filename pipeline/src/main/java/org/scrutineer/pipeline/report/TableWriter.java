package org.scrutineer.pipeline.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Writes each output table twice under the output folder: {@code <name>/} as Parquet (for analysts
 * and other tools) and {@code <name>.csv} as one Excel-friendly CSV file with a header ({@link
 * CsvFormat}). Paths may be local or any Hadoop file system.
 */
public final class TableWriter {
  private final SparkSession spark;
  private final Path out;

  /**
   * What was written.
   *
   * @param table table name
   * @param rows rows written
   * @param parquet Parquet folder
   * @param csv CSV file, or {@code null} for a table written as Parquet only
   */
  public record Written(String table, long rows, String parquet, String csv) {}

  private static final int SLICE = 200_000;

  /** Writes under {@code outDir}, creating it. */
  public TableWriter(SparkSession spark, String outDir) {
    this.spark = spark;
    this.out = new Path(outDir);
    try {
      out.getFileSystem(spark.sparkContext().hadoopConfiguration()).mkdirs(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create output folder " + outDir, e);
    }
  }

  /**
   * Writes a table built on the driver. The rows are shipped in slices of {@value #SLICE} (one
   * Parquet file each), so a national table is encoded in parallel rather than as one task.
   */
  public Written write(String name, StructType schema, List<Row> rows) {
    int slices = Math.max(1, (rows.size() + SLICE - 1) / SLICE);
    Dataset<Row> data =
        slices == 1
            ? spark.createDataFrame(rows, schema)
            : spark.createDataFrame(
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(rows, slices),
                schema);
    writeParquet(name, data);
    return new Written(
        name, rows.size(), parquetPath(name), writeCsv(name, schema, rows.iterator()));
  }

  /** Writes a distributed table; its rows are streamed to the driver for the CSV. */
  public Written write(String name, Dataset<Row> data, long rows) {
    writeParquet(name, data);
    return new Written(
        name, rows, parquetPath(name), writeCsv(name, data.schema(), data.toLocalIterator()));
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

  private void writeSmallParquet(String name, Dataset<Row> data) {
    data.coalesce(1).write().mode(SaveMode.Overwrite).parquet(parquetPath(name));
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

  private String writeCsv(String name, StructType schema, Iterator<Row> rows) {
    Path path = new Path(out, name + ".csv");
    try (Writer writer = writer(path)) {
      writer.write(CsvFormat.BOM);
      writer.write(CsvFormat.header(Arrays.asList(schema.fieldNames())));
      while (rows.hasNext()) {
        writer.write(CsvFormat.line(rows.next()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
    return path.toString();
  }

  private Writer writer(Path path) throws IOException {
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    return new BufferedWriter(
        new OutputStreamWriter(fs.create(path, true), StandardCharsets.UTF_8), 1 << 16);
  }
}
