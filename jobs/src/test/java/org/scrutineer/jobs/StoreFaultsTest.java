package org.scrutineer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scrutineer.pipeline.store.Stages;

/**
 * The results store under faults, with real processes: a run killed dead at every stage (a child
 * JVM halted by the {@link Stages} hook, as {@code kill -9} would) leaves {@code latest} as it was,
 * byte for byte, and the next run recovers without help; a second run while one is going stops at
 * once; a run that reads every file again publishes the same tables.
 */
class StoreFaultsTest {
  /** The run's stages, then the store's, in the order a run reaches them. */
  private static final List<String> STAGES =
      List.of(
          "plan",
          "records",
          "read",
          "count",
          "statistics",
          "write",
          "manifest",
          Stages.COMMIT,
          Stages.PUBLISH);

  @TempDir static Path shared;

  private static Path input;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void smallSample() {
    // Three months at a tenth of the sample's volume: every table and power, in seconds.
    input = TinySample.write(shared.resolve("input"), YearMonth.of(2022, 1), YearMonth.of(2022, 3));
  }

  @Test
  void aRunKilledAtAnyStageLeavesLatestAsItWasAndTheNextRunRecovers(@TempDir Path dir)
      throws Exception {
    Path store = dir.resolve("store");
    assertThat(run(store)).as(err.toString()).isEqualTo(ExitCodes.OK);
    Path published = store.resolve("latest").toRealPath();
    Map<Path, String> before = StoreTestFiles.contents(published);

    for (String stage : STAGES) {
      Process child = child(store, stage);
      assertThat(child.waitFor(5, TimeUnit.MINUTES)).as(stage).isTrue();
      assertThat(child.exitValue()).as(stage + ": " + output(child)).isEqualTo(Stages.HALT_STATUS);
      if (stage.equals(Stages.PUBLISH)) {
        // Halted after the switch: the new run is the published one, and it is complete.
        Path now = store.resolve("latest").toRealPath();
        assertThat(now).isNotEqualTo(published);
        assertThat(Files.readString(now.resolve("status.json")))
            .contains("\"outcome\":\"success\"");
        // Complete: the same CSV files with the same bytes (the same inputs give the same bytes).
        assertThat(csvFiles(StoreTestFiles.contents(now))).isEqualTo(csvFiles(before));
      } else {
        assertThat(store.resolve("latest").toRealPath()).as(stage).isEqualTo(published);
        assertThat(StoreTestFiles.contents(published)).as(stage).isEqualTo(before);
      }
      // The dead run's lock file still names it: the next run must see it is stale.
      assertThat(Files.readString(store.resolve(".lock"))).as(stage).contains("run ");
    }

    out.getBuffer().setLength(0);
    assertThat(run(store, "--full")).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Cleared a stale lock");
    // Nothing but complete runs, the link, the lock, the last attempt and the record store.
    try (Stream<Path> top = Files.list(store)) {
      assertThat(top.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(".lock", "last-attempt.json", "latest", "records", "runs");
    }
    // The record store holds complete keys only: every data file is listed by a key's entry
    // (what the killed runs wrote half-way was removed), and no staging folder is left.
    try (Stream<Path> records = Files.list(store.resolve("records"))) {
      assertThat(records.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("data", "keys");
    }
    assertThat(IncrementalStoreTest.storedFiles(store))
        .isEqualTo(IncrementalStoreTest.listedFiles(store));
    try (Stream<Path> runs = Files.list(store.resolve("runs"))) {
      for (Path run : runs.toList()) {
        assertThat(run.resolve("status.json")).as(run.toString()).exists();
      }
    }
    assertThat(Files.readString(store.resolve(".lock"))).isEmpty();
    // The same inputs: the same tables. Every CSV byte for byte, every Parquet table row for row.
    Path rerun = store.resolve("latest").toRealPath();
    Map<Path, String> after = StoreTestFiles.contents(rerun);
    assertThat(csvFiles(after)).isEqualTo(csvFiles(before));
    assertSameParquetTables(published, rerun);
    // And with nothing new since, the next night computes nothing and leaves latest alone.
    assertThat(run(store)).as(err.toString()).isEqualTo(ExitCodes.NOTHING_NEW);
    assertThat(store.resolve("latest").toRealPath()).isEqualTo(rerun);
  }

  @Test
  void aSecondRunWhileOneIsGoingStopsAtOnceWithExitFour(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store");
    Process first = child(store, null);
    try {
      long waited = 0;
      while (!(Files.exists(store.resolve(".lock"))
          && !Files.readString(store.resolve(".lock")).isEmpty())) {
        assertThat(first.isAlive()).as("the first run is still going").isTrue();
        Thread.sleep(50);
        waited += 50;
        assertThat(waited).isLessThan(120_000);
      }
      long start = System.nanoTime();
      int code = run(store);
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(code).isEqualTo(ExitCodes.LOCKED);
      assertThat(err.toString().strip())
          .startsWith("The results store is locked by another run (run ")
          .contains("process " + first.pid())
          .doesNotContain("\n");
      assertThat(seconds).as("stops before any work").isLessThan(5);
      assertThat(Files.readString(store.resolve("last-attempt.json")))
          .contains("\"outcome\":\"locked\"", "\"exit_code\":4");
      assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(first.exitValue()).as(output(first)).isEqualTo(ExitCodes.OK);
    } finally {
      first.destroyForcibly();
    }
    // The locked attempt was recorded, and the first run's completion then replaced it.
    assertThat(Files.readString(store.resolve("last-attempt.json")))
        .contains("\"outcome\":\"success\"");
  }

  private int run(Path store, String... more) {
    return Scrutineer.execute(
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        CommandLineTest.SHARED,
        args(store, more).toArray(new String[0]));
  }

  /**
   * A run of the sample into {@code store}; {@code --full} for the runs killed at each stage, so
   * that each reads every file and reaches every stage (with nothing new, a run stops at its plan).
   */
  private static List<String> args(Path store, String... more) {
    return TinySample.runArgs(input, store.toString(), more);
  }

  /** A run in a JVM of its own, halted after {@code stage} ({@code null}: run to the end). */
  private static Process child(Path store, String stage) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("--add-opens") || option.startsWith("-Djdk.reflect")) {
        command.add(option);
      }
    }
    if (stage != null) {
      command.add("-D" + Stages.HALT_AFTER + "=" + stage);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(Scrutineer.class.getName());
    command.addAll(args(store, "--full"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(store.resolveSibling("child-" + stage + ".log").toFile())
        .start();
  }

  private static String output(Process child) {
    return child.info().commandLine().orElse("") + " (see the child-*.log files)";
  }

  private static Map<Path, String> csvFiles(Map<Path, String> files) {
    Map<Path, String> csv = new java.util.TreeMap<>(files);
    csv.keySet().removeIf(p -> !p.toString().endsWith(".csv"));
    assertThat(csv).isNotEmpty();
    return csv;
  }

  private static void assertSameParquetTables(Path a, Path b) throws IOException {
    SparkSession spark = CommandLineTest.SHARED.open(null, Map.of());
    List<Path> tables = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(a)) {
      walk.filter(p -> p.getFileName().toString().equals("_SUCCESS"))
          .map(p -> a.relativize(p.getParent()))
          .forEach(tables::add);
    }
    assertThat(tables).hasSizeGreaterThan(5);
    for (Path table : tables) {
      Dataset<Row> x = spark.read().parquet(a.resolve(table).toString());
      Dataset<Row> y = spark.read().parquet(b.resolve(table).toString());
      assertThat(x.count()).as(table.toString()).isEqualTo(y.count());
      assertThat(x.exceptAll(y).isEmpty()).as(table.toString()).isTrue();
      assertThat(y.exceptAll(x).isEmpty()).as(table.toString()).isTrue();
    }
  }
}
