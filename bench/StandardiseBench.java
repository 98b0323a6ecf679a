import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.scrutineer.pipeline.ingest.InputDiscovery;
import org.scrutineer.pipeline.ingest.RawRecords;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.standardize.Records;

/**
 * Times reading and standardising the shared police.uk set four times in one JVM (the first pass
 * is cold), with Spark's whole-stage code generation on or off, writing to Spark's no-op sink.
 * Run from the repository root after mvn package (see bench/standardise-bench.sh).
 */
public class StandardiseBench {
  public static void main(String[] args) {
    String wholeStage = args.length > 1 ? args[1] : "false";
    SparkSession spark =
        SparkSession.builder()
            .master("local[*]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.codegen.wholeStage", wholeStage)
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    ForceRegistry registry = ForceRegistry.builtIn();
    var found =
        InputDiscovery.discover(
            java.util.Map.of(Power.STOP_SEARCH, List.of(args[0] + "/police-uk-stop-search")), List.of(), registry,
            spark.sparkContext().hadoopConfiguration(), null, null);
    for (int pass = 1; pass <= 4; pass++) {
      long start = System.nanoTime();
      Records.standardize(RawRecords.read(spark, found.files(), registry), registry)
          .write().format("noop").mode("overwrite").save();
      System.out.printf("wholeStage=%s pass %d: %.1f s%n", wholeStage, pass, (System.nanoTime() - start) / 1e9);
    }
    spark.stop();
  }
}
