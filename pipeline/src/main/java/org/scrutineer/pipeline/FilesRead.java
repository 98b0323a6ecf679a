package org.scrutineer.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.cells.Coverage;
import org.scrutineer.pipeline.ingest.FileSummaries;
import org.scrutineer.pipeline.ingest.FileSummary;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.schema.Power;

/**
 * Stage 3, reconcile files: what each input file gave (rows read, accepted and rejected by reason,
 * accepted by force and month) and the coverage that follows (which force submitted which month).
 * The per-file summaries and the coverage are compact (a row per file and per force-month) and held
 * on the driver; {@link #recordCounts} stays in Spark, persisted for the later stages until {@link
 * #close}.
 *
 * @param recordCounts {@link EventCounts#recordCounts} of the records (persisted)
 * @param files each file's summary, every one reconciled
 * @param read rows read
 * @param accepted rows accepted
 * @param rejected rows rejected
 * @param coverage the submissions by power, force and month
 * @param submitted the {@code "<power> <force> <yyyy-MM>"} months to count
 */
record FilesRead(
    Dataset<Row> recordCounts,
    List<FileSummary> files,
    long read,
    long accepted,
    long rejected,
    Coverage coverage,
    List<String> submitted)
    implements AutoCloseable {

  /**
   * Summarises the records table.
   *
   * @throws InputException for a file whose header was wrong (nothing is counted)
   * @throws IllegalStateException for a file that does not reconcile (a defect, never bad input)
   */
  static FilesRead of(Dataset<Row> records, ResolvedInputs inputs, RunConfig config) {
    Dataset<Row> recordCounts =
        EventCounts.recordCounts(records, inputs.powers()).persist(Persistence.LEVEL);
    try {
      List<FileSummary> files = FileSummaries.collect(recordCounts, inputs.discovered().files());
      check(files);
      Coverage coverage =
          Coverage.of(files, config.from(), config.to(), inputs.boundaries() != null);
      List<String> submitted = new ArrayList<>();
      for (Power power : coverage.powers()) {
        for (String force : coverage.forces(power)) {
          coverage
              .submitted(power, force)
              .forEach(m -> submitted.add(power.code() + " " + force + " " + m));
        }
      }
      return new FilesRead(
          recordCounts,
          files,
          files.stream().mapToLong(FileSummary::rowsRead).sum(),
          files.stream().mapToLong(FileSummary::accepted).sum(),
          files.stream().mapToLong(FileSummary::rejected).sum(),
          coverage,
          submitted);
    } catch (RuntimeException e) {
      recordCounts.unpersist();
      throw e;
    }
  }

  /** {@code rows read = accepted + rejected}, in words. */
  String summary() {
    return String.format("%,d rows read = %,d accepted + %,d rejected", read, accepted, rejected);
  }

  @Override
  public void close() {
    recordCounts.unpersist();
  }

  /**
   * Stops the run on a file whose header was wrong (exit 2), and fails loudly if any file does not
   * reconcile rows read = accepted + rejected (a defect, never bad input).
   */
  private static void check(List<FileSummary> files) {
    List<FileSummary> unreadable = files.stream().filter(f -> f.fileProblem() != null).toList();
    if (!unreadable.isEmpty()) {
      throw new InputException(
          unreadable.get(0).fileProblem()
              + (unreadable.size() > 1
                  ? String.format(" (and %d more files)", unreadable.size() - 1)
                  : ""));
    }
    for (FileSummary file : files) {
      if (!file.reconciles()) {
        throw new IllegalStateException(
            String.format(
                "Reconciliation failed for %s: %d read, %d accepted, %d rejected",
                file.file().path(), file.rowsRead(), file.accepted(), file.rejected()));
      }
    }
  }
}
