package org.scrutineer.jobs;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.scrutineer.pipeline.output.LocalFileSystemWithoutChecksums;

/**
 * Opens and closes the SparkSession for a command. The default opens a local session unless a
 * master is given or set by {@code spark-submit}, and stops it afterwards; tests substitute one
 * that shares a session across the JVM.
 */
public interface SparkSessions {
  /** Spark's loggers that repeat a failed task's stack trace, once per task and once per job. */
  java.util.List<String> QUIET_ON_TASK_FAILURE =
      java.util.List.of(
          "org.apache.spark.util.Utils",
          "org.apache.spark.executor.Executor",
          "org.apache.spark.scheduler.TaskSetManager",
          "org.apache.spark.sql.execution.datasources.FileFormatWriter");

  /**
   * A Hadoop configuration for commands without Spark, whose local file system writes no {@code
   * .crc} files ({@link LocalFileSystemWithoutChecksums}).
   */
  static org.apache.hadoop.conf.Configuration localHadoopConfiguration() {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    LocalFileSystemWithoutChecksums.configure(conf);
    return conf;
  }

  /** Default local master, used when neither {@code --master} nor spark-submit sets one. */
  String LOCAL = "local[*]";

  /**
   * Opens a session.
   *
   * @param master the master, {@code null} when not given on the command line
   * @param settings Spark settings given with {@code --conf}, applied last
   */
  SparkSession open(String master, Map<String, String> settings);

  /** Releases a session opened by {@link #open}. */
  void close(SparkSession spark);

  /**
   * Whether the JVM was started by {@code spark-submit}, which passes the cluster's settings as
   * system properties: the session then takes them as they are (no local defaults, no log level).
   */
  static boolean underSparkSubmit() {
    return new SparkConf().contains("spark.submit.deployMode");
  }

  /**
   * The production behaviour: a new session per command, stopped at the end. Run with {@code java
   * -jar}, the session is local with small-run defaults (8 shuffle partitions, no UI, loopback, LZF
   * for shuffle blocks, WARN logging); under {@code spark-submit}, the cluster's settings and
   * logging stay as they are (but for {@code --conf}, and the SQL time zone, UTC as always).
   */
  SparkSessions DEFAULT =
      new SparkSessions() {
        @Override
        public SparkSession open(String master, Map<String, String> settings) {
          boolean submitted = underSparkSubmit();
          String resolved = master != null ? master : new SparkConf().get("spark.master", LOCAL);
          // Dates and months are read and derived in UTC everywhere: part of the results, not a
          // tuning setting, so set under spark-submit too.
          SparkSession.Builder builder =
              SparkSession.builder()
                  .appName("scrutineer")
                  .master(resolved)
                  .config("spark.sql.session.timeZone", "UTC");
          if (!submitted) {
            // People open the output folders (on Windows shares too): no .crc file beside each
            // file. Executors elsewhere take the class from the setting; in local mode they share
            // the driver's cached file system, configured below.
            builder.config(
                "spark.hadoop.fs.file.impl", LocalFileSystemWithoutChecksums.class.getName());
            if (resolved.startsWith("local")) {
              builder
                  .config("spark.ui.enabled", "false")
                  .config("spark.sql.shuffle.partitions", "8")
                  .config("spark.driver.host", "127.0.0.1")
                  .config("spark.driver.bindAddress", "127.0.0.1")
                  // LZF is pure Java: lz4's JNI code holds the heap in a critical region while
                  // it compresses shuffle blocks, and on Java 17 a large allocation that meets
                  // one fails with OutOfMemoryError ("Retried waiting for GCLocker too often"),
                  // which ended the national decade at -Xmx2g. Internal data only: the outputs
                  // are the same bytes.
                  .config("spark.io.compression.codec", "lzf");
            }
          }
          settings.forEach(builder::config);
          SparkSession spark = builder.getOrCreate();
          if (!submitted) {
            LocalFileSystemWithoutChecksums.configure(spark.sparkContext().hadoopConfiguration());
            spark.sparkContext().setLogLevel("WARN");
            // A failed task (a full disk, bad data in a task) reaches the command line with its
            // causes, which says it in one line (or prints the trace when it is unexpected);
            // Spark's own error logging of the same failure, a trace per task, only buries it.
            for (String logger : QUIET_ON_TASK_FAILURE) {
              org.apache.logging.log4j.core.config.Configurator.setLevel(
                  logger, org.apache.logging.log4j.Level.OFF);
            }
          }
          return spark;
        }

        @Override
        public void close(SparkSession spark) {
          spark.stop();
        }
      };
}
