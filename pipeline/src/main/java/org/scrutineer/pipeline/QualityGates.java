package org.scrutineer.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality gates of a run: each compares a count with its limit as a fraction of a whole,
 * records the result for the manifest, and collects the failures in words.
 */
final class QualityGates {
  private final List<Map<String, Object>> results = new ArrayList<>();
  private final List<String> failed = new ArrayList<>();

  /**
   * Stage 7, gate: the run's gates, checked on the files read and the cells counted: rejected rows
   * within {@code --max-reject-fraction} of the rows read, and events with an unmapped self-defined
   * or officer-defined ethnicity label within {@code --max-unmapped-fraction} of the events.
   */
  static QualityGates of(FilesRead files, CountedCells counted, RunConfig config) {
    QualityGates gates = new QualityGates();
    gates.check(
        "rejected rows",
        files.rejected(),
        files.read(),
        config.maxRejectFraction(),
        RejectHint.of(files.files()));
    for (int i = 0; i < CountedCells.GATED.size(); i++) {
      gates.check(
          "unmapped " + CountedCells.GATED.get(i).replace('_', ' ') + " labels",
          counted.unmappedGated().get(i),
          counted.events(),
          config.maxUnmappedFraction(),
          "add the labels to a mapping's values, or fix the source; see manifest.json"
              + " unmapped_values");
    }
    return gates;
  }

  /**
   * Checks {@code count / of <= limit}.
   *
   * @param name what is counted, e.g. "rejected rows"
   * @param hint what to do when the gate fails
   */
  void check(String name, long count, long of, double limit, String hint) {
    double share = of == 0 ? 0 : (double) count / of;
    boolean passed = share <= limit;
    Map<String, Object> gate = new LinkedHashMap<>();
    gate.put("gate", name);
    gate.put("count", count);
    gate.put("of", of);
    gate.put("fraction", share);
    gate.put("limit", limit);
    gate.put("passed", passed);
    results.add(gate);
    if (!passed) {
      failed.add(
          String.format(
              "%,d of %,d %s (%.2f%%) exceeds the limit of %.2f%%: %s",
              count, of, name, 100 * share, 100 * limit, hint));
    }
  }

  /** Every gate checked, for the manifest. */
  List<Map<String, Object>> results() {
    return results;
  }

  /** The failures in words; empty when every gate passed. */
  List<String> failed() {
    return failed;
  }
}
