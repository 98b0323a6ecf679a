package org.scrutineer.pipeline.store;

/**
 * How a run attempt ended, with the exit code the command line returns for it. The codes are part
 * of the documented interface for schedulers (README, "Exit codes"); they never change meaning.
 */
public enum Outcome {
  /** New results published at {@code latest}. */
  SUCCESS(0, "success"),
  /** Anything unexpected; the stack trace is printed. {@code latest} is untouched. */
  UNEXPECTED(1, "unexpected"),
  /** Bad arguments or unusable input; one line names the option or file. */
  BAD_INPUT(2, "bad_input"),
  /** A data-quality gate failed: the run is kept for inspection but not published. */
  GATE_FAILED(3, "gate_failed"),
  /** Another run holds the store's lock. */
  LOCKED(4, "locked"),
  /** No input file is new, changed or removed: the previous results are published unchanged. */
  NOTHING_NEW(5, "nothing_new"),
  /** The store cannot be written (not writable, disk full); {@code latest} is untouched. */
  OUTPUT_FAILED(6, "output_failed");

  private final int exitCode;
  private final String code;

  Outcome(int exitCode, String code) {
    this.exitCode = exitCode;
    this.code = code;
  }

  /** The process exit code. */
  public int exitCode() {
    return exitCode;
  }

  /** The outcome as written in {@code status.json}. */
  public String code() {
    return code;
  }
}
