package org.scrutineer.pipeline.ingest;

import java.util.Map;

/**
 * What reading one file produced, for reconciliation, coverage and the manifest.
 *
 * @param file the file as discovered
 * @param rowsRead records read (every line after the header, blank lines included), counted by the
 *     reader independently of what became of them
 * @param lines physical lines of the file, each inside exactly the header or one record (the reader
 *     checks this, and reports a file whose lines do not reconcile as a {@code fileProblem})
 * @param duplicateRows data.police.uk rows identical in every field to an earlier row of the file:
 *     counted and reported, never dropped (police.uk has no identifier, and identical searches
 *     happen)
 * @param bytes bytes read
 * @param sha256 SHA-256 of the file's bytes, hex
 * @param fileProblem why the file could not be read (a wrong header or an encoding fault), or
 *     {@code null}
 * @param accepted records accepted
 * @param rejectsByReason rejected records by {@link RejectReason} name
 * @param acceptedByForceMonth accepted records by force slug and {@code yyyy-MM} month
 * @param acceptedWithDistrict accepted records that carry a district code
 */
public record FileSummary(
    SourceFile file,
    long rowsRead,
    long lines,
    long duplicateRows,
    long bytes,
    String sha256,
    String fileProblem,
    long accepted,
    Map<String, Long> rejectsByReason,
    Map<String, Map<String, Long>> acceptedByForceMonth,
    long acceptedWithDistrict) {

  /** Rejected records. */
  public long rejected() {
    return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether {@code rowsRead = accepted + rejected}. */
  public boolean reconciles() {
    return rowsRead == accepted + rejected();
  }
}
