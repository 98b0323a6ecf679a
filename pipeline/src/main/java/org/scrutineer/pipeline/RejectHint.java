package org.scrutineer.pipeline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scrutineer.pipeline.ingest.FileSummary;
import org.scrutineer.pipeline.schema.RejectReason;

/**
 * What the reject gate says when it fails: where nine in ten rejected rows or more share one
 * reason, the reason, its share and the usual cause (a mapping's {@code date_format}, delimiter or
 * encoding that does not fit the files), so a wrong mapping is not mistaken for bad data.
 */
final class RejectHint {
  /** The share of rejects with one reason from which that reason is named. */
  static final double DOMINANT = 0.9;

  private static final Map<RejectReason, String> CAUSES =
      Map.of(
          RejectReason.INVALID_DATE,
          "does the mapping's date_format (and time_zone) match the files?",
          RejectReason.FIELD_COUNT,
          "is the delimiter right (a mapping's delimiter), or the header from another export?",
          RejectReason.INVALID_ENCODING,
          "is the files' encoding right (a mapping's encoding)?",
          RejectReason.MISSING_REQUIRED,
          "does the mapping's columns name the right source columns?",
          RejectReason.UNKNOWN_FORCE,
          "is the force in the registry (add it with --forces), or the mapping's force right?");

  private RejectHint() {}

  /** The hint for these files' rejects, ending with where to look. */
  static String of(List<FileSummary> files) {
    Map<String, Long> byReason = new TreeMap<>();
    long all = 0;
    for (FileSummary file : files) {
      for (Map.Entry<String, Long> e : file.rejectsByReason().entrySet()) {
        byReason.merge(e.getKey(), e.getValue(), Long::sum);
        all += e.getValue();
      }
    }
    String where =
        "see restricted/csv/rejects/ for every rejected row with its file, line and reason";
    if (all == 0) {
      return where;
    }
    Map.Entry<String, Long> top =
        byReason.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    double share = (double) top.getValue() / all;
    if (share < DOMINANT) {
      return where;
    }
    RejectReason reason = RejectReason.valueOf(top.getKey());
    String cause = CAUSES.getOrDefault(reason, "");
    return String.format(
        "%.0f%% of the rejected rows are %s (%s)%s; %s",
        100 * share, reason.name(), reason.rule(), cause.isEmpty() ? "" : ": " + cause, where);
  }
}
