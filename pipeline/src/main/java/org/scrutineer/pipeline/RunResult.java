package org.scrutineer.pipeline;

import java.util.List;
import org.scrutineer.pipeline.output.TableWriter;

/**
 * The outcome of a run whose outputs were written.
 *
 * @param rowsRead records read from all files
 * @param rowsAccepted records accepted
 * @param rowsRejected records rejected (all in the rejects output)
 * @param rowsCounted accepted records counted in the window and submitted months
 * @param outputs the tables written
 * @param manifest path of manifest.json
 * @param failedGates data-quality gates that failed, in words; empty when all passed
 * @param nothingNew why nothing was computed: the inputs and settings are those of the published
 *     run ({@code null} when the run computed its tables)
 */
public record RunResult(
    long rowsRead,
    long rowsAccepted,
    long rowsRejected,
    long rowsCounted,
    List<TableWriter.Written> outputs,
    String manifest,
    List<String> failedGates,
    String nothingNew) {

  /** A run that computed nothing: nothing new since the published run ({@code why}). */
  static RunResult nothingNew(String why) {
    return new RunResult(0, 0, 0, 0, List.of(), null, List.of(), why);
  }
}
