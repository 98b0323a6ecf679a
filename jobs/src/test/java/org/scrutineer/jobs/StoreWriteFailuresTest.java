package org.scrutineer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that cannot be written: a full disk during the run and an --out that cannot be made both
 * end with exit code 6 and one line naming the path, and leave the published run untouched.
 */
class StoreWriteFailuresTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void emptyDiskAgain() {
    FullFileSystem.BUDGET.set(Long.MAX_VALUE);
  }

  @Test
  void aDiskThatFillsDuringARunStopsItInOneLineAndLatestStaysAsItWas() throws IOException {
    Path input =
        TinySample.write(dir.resolve("input"), YearMonth.of(2022, 1), YearMonth.of(2022, 2));
    CommandLineTest.SHARED
        .open(null, Map.of())
        .sparkContext()
        .hadoopConfiguration()
        .set("fs.fullfs.impl", FullFileSystem.class.getName());
    Path store = dir.resolve("store");
    String uri = "fullfs:" + store;
    assertThat(run(input, uri)).as(err.toString()).isEqualTo(ExitCodes.OK);
    String published = Files.readString(store.resolve("LATEST")).strip();
    Map<Path, String> before = StoreTestFiles.contents(store.resolve("runs").resolve(published));

    FullFileSystem.BUDGET.set(100_000);
    err.getBuffer().setLength(0);
    // --full: every file is read and written again (with nothing new, nothing would be written).
    int code = run(input, uri, "--full");

    assertThat(code).isEqualTo(ExitCodes.OUTPUT_FAILED);
    List<String> lines = err.toString().lines().filter(l -> !l.startsWith("(")).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("Output error: cannot write " + uri)
        .endsWith(": No space left on device");
    FullFileSystem.BUDGET.set(Long.MAX_VALUE);
    assertThat(Files.readString(store.resolve("LATEST")).strip()).isEqualTo(published);
    assertThat(StoreTestFiles.contents(store.resolve("runs").resolve(published))).isEqualTo(before);
    // The failed run's folder is gone; the next run needs nothing done by hand.
    try (var runs = Files.list(store.resolve("runs"))) {
      assertThat(runs.map(p -> p.getFileName().toString()).toList()).containsExactly(published);
    }
    assertThat(run(input, uri, "--full")).as(err.toString()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void anOutFolderThatCannotBeMadeStopsBeforeSparkInOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path input =
        TinySample.write(dir.resolve("input"), YearMonth.of(2022, 1), YearMonth.of(2022, 2));

    int code = run(input, file.resolve("store").toString());

    assertThat(code).isEqualTo(ExitCodes.OUTPUT_FAILED);
    assertThat(err.toString().strip())
        .startsWith("Output error: Cannot write the results store " + file.resolve("store"))
        .doesNotContain("\n");
    assertThat(out.toString()).doesNotContain("[").as("no stage ran");
  }

  private int run(Path input, String store, String... more) {
    List<String> args =
        TinySample.runArgs(
            input,
            store,
            "--conf",
            "spark.hadoop.fs.fullfs.impl=" + FullFileSystem.class.getName());
    args.addAll(List.of(more));
    return Scrutineer.execute(
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        CommandLineTest.SHARED,
        args.toArray(new String[0]));
  }
}
