package org.scrutineer.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's own bookkeeping: publish, keep, recover, lock, on a local folder (no Spark). */
class ResultsStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");

  @TempDir Path dir;

  @Test
  void aPublishedRunIsReadAtLatestAndTheOldestBeyondKeepAreRemoved() throws IOException {
    ResultsStore store = ResultsStore.open(dir.toString(), new Configuration());
    assertThat(store.latestRun()).isNull();
    for (int i = 0; i < 4; i++) {
      publish(store, T0.plusSeconds(i), "table " + i, 3);
    }
    assertThat(Files.readString(dir.resolve("latest/table.csv"))).isEqualTo("table 3");
    assertThat(Files.isSymbolicLink(dir.resolve("latest"))).isTrue();
    assertThat(store.runs())
        .extracting(StoredRun::id)
        .containsExactly("20261130T010001000Z", "20261130T010002000Z", "20261130T010003000Z");
    assertThat(store.runs()).extracting(StoredRun::latest).containsExactly(false, false, true);
    assertThat(Files.readString(dir.resolve("last-attempt.json")))
        .contains("\"run_id\":\"20261130T010003000Z\"", "\"previous_run\":\"20261130T010002000Z\"");
    // Nothing else at the top: no temporary files, no checksum files.
    assertThat(names(dir)).containsExactly(".lock", "last-attempt.json", "latest", "runs");
  }

  @Test
  void aRunThatDidNotFinishIsRemovedByTheNextAndLatestNeverMoves() throws IOException {
    ResultsStore store = ResultsStore.open(dir.toString(), new Configuration());
    publish(store, T0, "good", 7);
    // What two killed runs leave: one killed while writing (no status.json), one killed after its
    // status was written but before latest switched; and the lock file naming the last of them
    // (the kernel released the lock itself when the process died).
    Path runs = dir.resolve("runs");
    Files.createDirectories(runs.resolve("20261130T010001000Z"));
    Files.writeString(runs.resolve("20261130T010001000Z/table.csv"), "half");
    Files.createDirectories(runs.resolve("20261130T010002000Z"));
    Files.writeString(runs.resolve("20261130T010002000Z/table.csv"), "whole");
    Files.writeString(
        runs.resolve("20261130T010002000Z/status.json"), publishedStatus("20261130T010002000Z"));
    // A third, killed as it began writing its status: an empty status.json is no status.
    Files.createDirectories(runs.resolve("20261130T010002500Z"));
    Files.writeString(runs.resolve("20261130T010002500Z/status.json"), "");
    Files.writeString(dir.resolve(".tmp-latest-20261130T010002000Z"), "");
    Files.writeString(dir.resolve(".lock"), "run 20261130T010002000Z, process 1 on h, started x");
    assertThat(Files.readString(dir.resolve("latest/table.csv"))).isEqualTo("good");

    try (Attempt next = store.begin(T0.plusSeconds(3))) {
      assertThat(next.recovered())
          .containsExactlyInAnyOrder(
              "runs/20261130T010001000Z",
              "runs/20261130T010002000Z",
              "runs/20261130T010002500Z",
              ".tmp-latest-20261130T010002000Z");
      assertThat(next.previousRun()).isEqualTo("20261130T010000000Z");
      assertThat(next.clearedStaleLock()).contains("run 20261130T010002000Z");
      assertThat(Files.readString(dir.resolve("latest/table.csv"))).isEqualTo("good");
    }
  }

  @Test
  void withNothingPublishedACompleteRunIsNotTakenForAKilledPublish() throws IOException {
    ResultsStore store = ResultsStore.open(dir.toString(), new Configuration());
    Path run = dir.resolve("runs/20261130T010000000Z");
    Files.createDirectories(run);
    Files.writeString(run.resolve("status.json"), publishedStatus("20261130T010000000Z"));
    try (Attempt next = store.begin(T0.plusSeconds(1))) {
      assertThat(next.recovered()).isEmpty();
    }
    assertThat(store.runs()).extracting(StoredRun::id).containsExactly("20261130T010000000Z");
  }

  @Test
  void aFailureAfterThePublishNeverRemovesThePublishedRun() throws IOException {
    ResultsStore store = ResultsStore.open(dir.toString(), new Configuration());
    try (Attempt attempt = store.begin(T0)) {
      Files.writeString(Path.of(attempt.dir().toUri()).resolve("table.csv"), "published");
      attempt.publish(status(attempt, Outcome.SUCCESS), 7);
      attempt.abandon(status(attempt, Outcome.UNEXPECTED));
    }
    assertThat(Files.readString(dir.resolve("latest/table.csv"))).isEqualTo("published");
    assertThat(Files.readString(dir.resolve("last-attempt.json"))).contains("\"unexpected\"");
  }

  @Test
  void aGateFailureIsKeptButNotPublished() throws IOException {
    ResultsStore store = ResultsStore.open(dir.toString(), new Configuration());
    publish(store, T0, "good", 7);
    try (Attempt failed = store.begin(T0.plusSeconds(1))) {
      failed.keepUnpublished(status(failed, Outcome.GATE_FAILED), 7);
    }
    assertThat(store.latestRun()).isEqualTo("20261130T010000000Z");
    assertThat(store.runs())
        .extracting(r -> r.status().outcome())
        .containsExactly(Outcome.SUCCESS, Outcome.GATE_FAILED);
    // The next run keeps it: it is complete, for inspection.
    try (Attempt next = store.begin(T0.plusSeconds(2))) {
      assertThat(next.recovered()).isEmpty();
    }
  }

  @Test
  void aSecondAttemptWhileOneHoldsTheLockStopsNamingIt() {
    ResultsStore store = ResultsStore.open(dir.toString(), new Configuration());
    try (Attempt first = store.begin(T0)) {
      assertThatThrownBy(() -> store.begin(T0.plusSeconds(1)))
          .isInstanceOf(StoreLockedException.class)
          .hasMessageStartingWith(
              "The results store is locked by another run (run 20261130T010000000Z,")
          .hasMessageContaining("process " + ProcessHandle.current().pid());
    }
    try (Attempt again = store.begin(T0.plusSeconds(2))) {
      assertThat(again.clearedStaleLock()).isNull();
    }
  }

  @Test
  void withoutLinksReadersFollowThePointerFile() throws IOException {
    ResultsStore store = ResultsStore.open(dir.toString(), new Configuration(), false);
    publish(store, T0, "one", 7);
    publish(store, T0.plusSeconds(1), "two", 7);
    assertThat(Files.readString(dir.resolve("LATEST"))).isEqualTo("20261130T010001000Z\n");
    assertThat(dir.resolve("latest")).doesNotExist();
    assertThat(store.latestRun()).isEqualTo("20261130T010001000Z");
    // The lock on such file systems is a file that exists only while a run holds it.
    assertThat(names(dir)).containsExactly("LATEST", "last-attempt.json", "runs");
  }

  @Test
  void aFolderThatHoldsOtherFilesIsNotTakenForAStore() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> ResultsStore.open(dir.toString(), new Configuration()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds files but is not a Scrutineer results store");
    Path file = dir.resolve("notes.txt");
    assertThatThrownBy(() -> ResultsStore.open(file.resolve("sub").toString(), new Configuration()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Cannot write the results store " + file.resolve("sub"));
  }

  @Test
  void aDeadProcessOnThisHostHoldsAStaleLock() {
    String alive = StoreLock.holder("r1");
    assertThat(StoreLock.heldByDeadProcessHere(alive)).isFalse();
    String dead = alive.replaceFirst("process \\d+", "process " + Long.MAX_VALUE / 2);
    assertThat(StoreLock.heldByDeadProcessHere(dead)).isTrue();
    String elsewhere = alive.replaceFirst(" on \\S+,", " on another-host.example,");
    assertThat(StoreLock.heldByDeadProcessHere(elsewhere)).isFalse();
  }

  private static void publish(ResultsStore store, Instant started, String content, int keep)
      throws IOException {
    try (Attempt attempt = store.begin(started)) {
      Files.writeString(Path.of(attempt.dir().toUri()).resolve("table.csv"), content);
      attempt.publish(status(attempt, Outcome.SUCCESS), keep);
    }
  }

  private static RunStatus status(Attempt attempt, Outcome outcome) {
    return new RunStatus(
        attempt.runId(),
        outcome,
        outcome.code(),
        "2026-11-30T01:00:00Z",
        "2026-11-30T01:00:01Z",
        attempt.previousRun(),
        outcome == Outcome.SUCCESS,
        1L,
        1L,
        0L);
  }

  /** The status a run writes when it completes and is published. */
  private static String publishedStatus(String runId) {
    return new RunStatus(runId, Outcome.SUCCESS, "published", null, null, null, true, 1L, 1L, 0L)
        .toJson();
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
