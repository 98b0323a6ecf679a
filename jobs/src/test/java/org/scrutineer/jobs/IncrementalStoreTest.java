package org.scrutineer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record store across nightly runs: a run reads only new and changed files, reuses the rest,
 * and its tables are those of a run that reads everything (byte for byte, Parquet and CSV); a run
 * with nothing new changes nothing and says so with exit 5; a file that disappears is reported and
 * kept, or dropped with {@code --allow-removal}.
 */
class IncrementalStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void incrementalRunsEqualFullRunsAndNothingNewChangesNothing() throws IOException {
    Path input =
        TinySample.write(dir.resolve("input"), YearMonth.of(2022, 1), YearMonth.of(2022, 3));
    Path march = input.resolve("police-uk/2022-03");
    Path held = dir.resolve("held-2022-03");
    Files.move(march, held);
    Path store = dir.resolve("store");

    // Night 1: two months of police.uk files and the other powers' files, all read.
    assertThat(run(input, store)).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode first = manifest(store).path("record_store");
    int firstFiles = first.path("files_read").asInt();
    assertThat(first.path("files_reused").asInt()).isZero();
    assertThat(first.path("full_rebuild").asBoolean()).isTrue();

    // Night 2: March arrives. Only its files are read; every other file is reused.
    Files.move(held, march);
    int marchFiles;
    try (Stream<Path> files = Files.list(march)) {
      marchFiles = (int) files.count();
    }
    assertThat(marchFiles).isGreaterThan(0);
    String night1 = runId(store);
    assertThat(run(input, store)).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode second = manifest(store);
    assertThat(second.path("record_store").path("files_read").asInt()).isEqualTo(marchFiles);
    assertThat(second.path("record_store").path("files_reused").asInt()).isEqualTo(firstFiles);
    assertThat(second.path("record_store").path("built_on_run").asText()).isEqualTo(night1);
    assertThat(second.path("run").path("previous_run").asText()).isEqualTo(night1);
    long readThisRun = 0;
    for (JsonNode file : second.path("inputs")) {
      boolean isMarch = file.path("path").asText().contains("/2022-03/");
      assertThat(file.path("records").asText())
          .as(file.path("path").asText())
          .isEqualTo(isMarch ? "read this run" : "reused from the store: unchanged");
      readThisRun += isMarch ? 1 : 0;
    }
    assertThat(readThisRun).isEqualTo(marchFiles);

    // The same inputs read from scratch into a new store: the same tables, byte for byte.
    Path full = dir.resolve("full");
    assertThat(run(input, full)).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(tables(latest(store))).isEqualTo(tables(latest(full)));
    // The records' checksum, the sum of the files' checksums, is that of the records read again.
    assertThat(recordsChecksum(store)).hasSize(16).isEqualTo(recordsChecksum(full));
    // And --full in the store itself reads every file and gives the same tables again.
    assertThat(run(input, store, "--full")).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(manifest(store).path("record_store").path("files_read").asInt())
        .isEqualTo(firstFiles + marchFiles);
    assertThat(tables(latest(store))).isEqualTo(tables(latest(full)));

    // Night 3: nothing new. Exit 5, nothing computed, latest untouched, the attempt recorded.
    String published = runId(store);
    Map<Path, String> before = StoreTestFiles.contents(latest(store));
    out.getBuffer().setLength(0);
    assertThat(run(input, store)).as(err.toString()).isEqualTo(ExitCodes.NOTHING_NEW);
    assertThat(out.toString()).contains("Nothing new: 0 files read");
    assertThat(runId(store)).isEqualTo(published);
    assertThat(StoreTestFiles.contents(latest(store))).isEqualTo(before);
    JsonNode attempt = JSON.readTree(store.resolve("last-attempt.json").toFile());
    assertThat(attempt.path("outcome").asText()).isEqualTo("nothing_new");
    assertThat(attempt.path("exit_code").asInt()).isEqualTo(5);
    assertThat(attempt.path("rows_read").asLong()).isZero();
    assertThat(attempt.path("published").asBoolean()).isFalse();

    // Night 4: a file changes and another disappears. The changed file is read again; the gone
    // one is reported and its records kept, so its counts stay in the tables.
    Path changed;
    try (Stream<Path> files = Files.list(march)) {
      changed = files.sorted().findFirst().orElseThrow();
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(changed));
    lines.remove(lines.size() - 1);
    Files.write(changed, lines);
    Path gone;
    try (Stream<Path> files = Files.list(input.resolve("police-uk/2022-01"))) {
      gone = files.sorted().findFirst().orElseThrow();
    }
    Path goneHeld = dir.resolve(gone.getFileName());
    Files.move(gone, goneHeld);
    long rowsBefore = manifest(store).path("reconciliation").path("rows_read").asLong();
    out.getBuffer().setLength(0);
    assertThat(run(input, store)).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("files the last run read are gone");
    JsonNode fourth = manifest(store);
    assertThat(fourth.path("record_store").path("files_read").asInt()).isEqualTo(1);
    assertThat(fourth.path("record_store").path("files_removed").toString())
        .contains(gone.getFileName().toString());
    assertThat(fourth.path("reconciliation").path("rows_read").asLong()).isEqualTo(rowsBefore - 1);
    assertThat(inputEntry(fourth, gone).path("records").asText())
        .isEqualTo("kept from the store: the file is gone");

    // Night 5: --allow-removal drops it. The tables are those of a run that never saw it.
    assertThat(run(input, store, "--allow-removal")).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode fifth = manifest(store);
    assertThat(fifth.path("record_store").path("files_read").asInt()).isZero();
    assertThat(inputEntry(fifth, gone).isMissingNode()).isTrue();
    Path without = dir.resolve("without");
    assertThat(run(input, without)).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(tables(latest(store))).isEqualTo(tables(latest(without)));

    // --full with a file gone and no --allow-removal would silently drop it: it stops instead.
    Files.move(goneHeld, gone);
    assertThat(run(input, without)).as(err.toString()).isEqualTo(ExitCodes.OK);
    Files.move(gone, goneHeld);
    err.getBuffer().setLength(0);
    assertThat(run(input, without, "--full")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("--allow-removal");

    // Records no kept run reads are removed from the store; every stored file is listed.
    assertThat(storedFiles(store)).isEqualTo(listedFiles(store));

    // 'runs' lists the five runs kept, the last published, with what each read and reused.
    StringWriter listing = new StringWriter();
    assertThat(
            Scrutineer.execute(
                new PrintWriter(listing, true),
                new PrintWriter(err, true),
                CommandLineTest.SHARED,
                "runs",
                "--out",
                store.toString()))
        .isEqualTo(ExitCodes.OK);
    List<String> rows = listing.toString().lines().skip(1).toList();
    assertThat(rows).hasSize(5);
    assertThat(rows.get(4)).startsWith(runId(store)).contains(" * ", "success");
    // id, outcome, rows read, accepted, rejected, files read, reused, finished (not published)
    assertThat(rows.get(1).split(" +")[5]).isEqualTo(String.valueOf(marchFiles));
    assertThat(rows.get(1).split(" +")[6]).isEqualTo(String.valueOf(firstFiles));
  }

  private int run(Path input, Path store, String... more) {
    List<String> args = TinySample.runArgs(input, store.toString(), more);
    return Scrutineer.execute(
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        CommandLineTest.SHARED,
        args.toArray(new String[0]));
  }

  private static Path latest(Path store) throws IOException {
    return store.resolve("latest").toRealPath();
  }

  private static String runId(Path store) throws IOException {
    return latest(store).getFileName().toString();
  }

  private static JsonNode manifest(Path store) throws IOException {
    return JSON.readTree(store.resolve("latest/manifest.json").toFile());
  }

  private static String recordsChecksum(Path store) throws IOException {
    for (JsonNode output : manifest(store).path("outputs")) {
      if (output.path("table").asText().equals("records")) {
        return output.path("parquet_checksum").asText();
      }
    }
    throw new AssertionError("no records output in the manifest");
  }

  private static JsonNode inputEntry(JsonNode manifest, Path file) {
    for (JsonNode input : manifest.path("inputs")) {
      if (input.path("path").asText().endsWith("/" + file.getFileName())) {
        return input;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /**
   * Every file of a run but its manifest and status (which name the run and its times), by path,
   * with its SHA-256; Parquet part files named without the write's random id.
   */
  private static Map<String, String> tables(Path run) {
    Map<String, String> files = new TreeMap<>();
    StoreTestFiles.contents(run)
        .forEach(
            (path, sha) -> {
              String name = path.toString();
              if (!name.equals("manifest.json") && !name.equals("status.json")) {
                files.put(name.replaceAll("-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", ""), sha);
              }
            });
    assertThat(files.keySet()).anyMatch(p -> p.endsWith(".parquet"));
    assertThat(files.keySet()).anyMatch(p -> p.endsWith(".csv"));
    return files;
  }

  static List<String> storedFiles(Path store) throws IOException {
    Path data = store.resolve("records/data");
    try (Stream<Path> walk = Files.walk(data)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> data.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  static List<String> listedFiles(Path store) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> keys = Files.list(store.resolve("records/keys"))) {
      for (Path key : keys.toList()) {
        JSON.readTree(key.toFile()).path("files").forEach(f -> files.add(f.asText()));
      }
    }
    return files.stream().sorted().toList();
  }
}
