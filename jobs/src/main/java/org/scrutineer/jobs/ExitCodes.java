package org.scrutineer.jobs;

import org.scrutineer.pipeline.store.Outcome;

/** The command line's exit codes: one per {@link Outcome}, documented in the README. */
public final class ExitCodes {
  /** Success: new results published at {@code DIR/latest}. */
  public static final int OK = Outcome.SUCCESS.exitCode();

  /** Anything unexpected; the stack trace is printed. */
  public static final int UNEXPECTED = Outcome.UNEXPECTED.exitCode();

  /** Bad arguments or unusable input; one line names the option or file and the problem. */
  public static final int BAD_INPUT = Outcome.BAD_INPUT.exitCode();

  /** A data-quality gate failed; the run is kept in the store for inspection, not published. */
  public static final int DATA_QUALITY = Outcome.GATE_FAILED.exitCode();

  /** Another run holds the store's lock. */
  public static final int LOCKED = Outcome.LOCKED.exitCode();

  /** Nothing new to read: the results are unchanged. */
  public static final int NOTHING_NEW = Outcome.NOTHING_NEW.exitCode();

  /** The results store cannot be written (not writable, disk full); nothing was published. */
  public static final int OUTPUT_FAILED = Outcome.OUTPUT_FAILED.exitCode();

  private ExitCodes() {}
}
