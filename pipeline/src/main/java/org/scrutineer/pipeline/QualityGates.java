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
