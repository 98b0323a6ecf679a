package org.scrutineer.jobs;

/** The command line's exit codes. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** Anything unexpected; the stack trace is printed. */
  public static final int UNEXPECTED = 1;

  /** Bad arguments or unusable input; one line names the file and the problem. */
  public static final int BAD_INPUT = 2;

  /** A data-quality gate failed; outputs were written for inspection. */
  public static final int DATA_QUALITY = 3;

  private ExitCodes() {}
}
