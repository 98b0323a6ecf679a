package org.scrutineer.jobs;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Opens and closes the SparkSession for a command. The default opens a local session unless a
 * master is given or set by {@code spark-submit}, and stops it afterwards; tests substitute one
 * that shares a session across the JVM.
 */
public interface SparkSessions {
  /** Default local master, used when neither {@code --master} nor spark-submit sets one. */
  String LOCAL = "local[*]";

  /** Opens a session; {@code master} is {@code null} when not given on the command line. */
  SparkSession open(String master);

  /** Releases a session opened by {@link #open}. */
  void close(SparkSession spark);

  /** The production behaviour: a new session per command, stopped at the end. */
  SparkSessions DEFAULT =
      new SparkSessions() {
        @Override
        public SparkSession open(String master) {
          String resolved = master != null ? master : new SparkConf().get("spark.master", LOCAL);
          SparkSession.Builder builder =
              SparkSession.builder()
                  .appName("scrutineer")
                  .master(resolved)
                  .config("spark.sql.session.timeZone", "UTC");
          if (resolved.startsWith("local")) {
            builder
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
          }
          SparkSession spark = builder.getOrCreate();
          spark.sparkContext().setLogLevel("WARN");
          return spark;
        }

        @Override
        public void close(SparkSession spark) {
          spark.stop();
        }
      };
}
