package org.scrutineer.pipeline;

import java.time.Instant;

/**
 * A run whose inputs are resolved and checked ({@link ScrutineerRun#prepare}), ready to run once
 * Spark is up: its settings, the input files found in the window and the reference data read.
 */
public final class PreparedRun {
  private final RunConfig config;
  private final ResolvedInputs inputs;
  private final Instant started;

  PreparedRun(RunConfig config, ResolvedInputs inputs, Instant started) {
    this.config = config;
    this.inputs = inputs;
    this.started = started;
  }

  /** The same run writing its outputs into {@code folder}. */
  public PreparedRun withOut(String folder) {
    return new PreparedRun(config.withOut(folder), inputs, started);
  }

  RunConfig config() {
    return config;
  }

  ResolvedInputs inputs() {
    return inputs;
  }

  Instant started() {
    return started;
  }
}
