package org.scrutineer.pipeline;

import org.apache.spark.storage.StorageLevel;

/**
 * How the stages keep what later stages read again (the record counts, the cell counts, the
 * computed tables): on local disk, not in the heap. Kept in memory, Spark holds cached blocks up to
 * half its unified memory beyond the reach of eviction, so in a 2 GB local JVM the write stage's
 * sorts and Parquet writers ran with the heap nearly full: the shared set at {@code -Xmx2g} spent
 * 26 full collections and about 100 s in pauses, and the national decade failed writing its tables.
 * On disk, the same run has no full collection and the decade completes.
 */
final class Persistence {
  /** The storage level of every persisted stage result. */
  static final StorageLevel LEVEL = StorageLevel.DISK_ONLY();

  private Persistence() {}
}
