package org.scrutineer.pipeline.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scrutineer.pipeline.geo.Boundaries;
import org.scrutineer.pipeline.reference.ForceRegistry;

/**
 * Reads discovered files into the raw layer ({@link RawSchema}) in parallel: files are spread over
 * tasks, and each task streams its files through {@link RecordParser}. Spark's CSV source is not
 * used because it cannot report line numbers or raw text for rejects.
 *
 * <p>Output: one row per record (rejected or not) and one summary row per file. Nothing is dropped.
 */
public final class RawRecords {
  private RawRecords() {}

  /** A file and its position in the run's file list (the {@code file_index} column). */
  private record Task(int index, SourceFile file) implements java.io.Serializable {}

  /** Reads {@code files} without placing records by their coordinates; the result is lazy. */
  public static Dataset<Row> read(
      SparkSession spark, List<SourceFile> files, ForceRegistry registry) {
    return read(spark, files, registry, null);
  }

  /**
   * Reads {@code files}; the result is lazy.
   *
   * @param boundaries district boundaries to place stop-and-search records without a district by
   *     their coordinates (shipped to executors once, as a broadcast), or {@code null}
   */
  public static Dataset<Row> read(
      SparkSession spark, List<SourceFile> files, ForceRegistry registry, Boundaries boundaries) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // Largest files first, dealt round-robin, so no task gets all the big months.
    List<Task> ordered = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      ordered.add(new Task(i, files.get(i)));
    }
    ordered.sort((a, b) -> Long.compare(b.file().bytes(), a.file().bytes()));
    int slices = Math.max(1, Math.min(ordered.size(), jsc.defaultParallelism() * 3));
    List<Task> dealt = new ArrayList<>(ordered.size());
    for (int slice = 0; slice < slices; slice++) {
      for (int i = slice; i < ordered.size(); i += slices) {
        dealt.add(ordered.get(i));
      }
    }
    Map<String, String> conf = new HashMap<>();
    spark.sparkContext().hadoopConfiguration().forEach(e -> conf.put(e.getKey(), e.getValue()));
    Broadcast<Boundaries> shipped = boundaries == null ? null : jsc.broadcast(boundaries);
    JavaRDD<Row> rows =
        jsc.parallelize(dealt, slices).mapPartitions(new ParseFiles(registry, conf, shipped));
    return spark.createDataFrame(rows, RawSchema.SCHEMA);
  }

  /** Parses a task's files one after another, with one Hadoop configuration per task. */
  private static final class ParseFiles implements FlatMapFunction<Iterator<Task>, Row> {
    private static final long serialVersionUID = 1L;
    private final ForceRegistry registry;
    private final HashMap<String, String> conf;
    private final Broadcast<Boundaries> boundaries;

    ParseFiles(ForceRegistry registry, Map<String, String> conf, Broadcast<Boundaries> boundaries) {
      this.registry = registry;
      this.conf = new HashMap<>(conf);
      this.boundaries = boundaries;
    }

    @Override
    public Iterator<Row> call(Iterator<Task> files) {
      Configuration configuration = new Configuration(false);
      conf.forEach(configuration::set);
      Boundaries places = boundaries == null ? null : boundaries.value();
      return new Iterator<>() {
        private Iterator<Row> current = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && files.hasNext()) {
            Task task = files.next();
            current = new RecordParser(task.file(), task.index(), registry, configuration, places);
          }
          return current.hasNext();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return current.next();
        }
      };
    }
  }
}
