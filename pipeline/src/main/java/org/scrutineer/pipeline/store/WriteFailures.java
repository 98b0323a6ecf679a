package org.scrutineer.pipeline.store;

import java.util.List;

/**
 * Tells a failure to write the results store (a full disk, a quota, a read-only or unwritable
 * folder) from other failures, wherever Spark wrapped it, and says it in one line.
 */
public final class WriteFailures {
  /** Operating-system messages that mean the store cannot take more data. */
  private static final List<String> SIGNS =
      List.of(
          "No space left on device",
          "Disk quota exceeded",
          "Read-only file system",
          "Permission denied");

  private WriteFailures() {}

  /**
   * One line for a write failure, naming {@code path} (where the run was writing) and the system's
   * reason; {@code null} when {@code failure} is not one.
   */
  public static String describe(Throwable failure, String path) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StoreException) {
        return t.getMessage();
      }
      String message = t.getMessage();
      if (t instanceof java.io.IOException && message != null) {
        for (String sign : SIGNS) {
          if (message.contains(sign)) {
            return String.format("cannot write %s: %s", path, sign);
          }
        }
      }
    }
    return null;
  }
}
