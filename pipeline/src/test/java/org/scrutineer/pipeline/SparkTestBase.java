package org.scrutineer.pipeline;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local SparkSession for the whole test JVM (test classes share it through getOrCreate; it
 * stops when the JVM exits). Tests build tiny inputs inline or in a temporary folder.
 */
public abstract class SparkTestBase {
  protected static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = session();
  }

  /** The files one path of one power yields, with the built-in forces and no run window. */
  protected static java.util.List<org.scrutineer.pipeline.ingest.SourceFile> discover(
      org.scrutineer.pipeline.schema.Power power,
      java.nio.file.Path file,
      java.util.List<org.scrutineer.pipeline.ingest.ExtractMapping> mappings) {
    return org.scrutineer.pipeline.ingest.InputDiscovery.discover(
            java.util.Map.of(power, java.util.List.of(file.toString())),
            mappings,
            org.scrutineer.pipeline.reference.ForceRegistry.builtIn(),
            session().sparkContext().hadoopConfiguration(),
            null,
            null)
        .files();
  }

  /** The shared session, created on first use. */
  public static synchronized SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("scrutineer-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
