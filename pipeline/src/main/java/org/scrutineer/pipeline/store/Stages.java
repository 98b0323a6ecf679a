package org.scrutineer.pipeline.store;

/**
 * The test hook that stops a run dead at a named stage, as {@code kill -9} would: with the system
 * property {@code scrutineer.halt-after=STAGE}, the JVM halts (exit status {@value #HALT_STATUS},
 * no shutdown hooks, nothing flushed or cleaned up) as soon as the stage ends. Stages are the run's
 * ({@code records}, {@code read}, {@code count}, {@code statistics}, {@code write}, {@code
 * manifest}) and the store's: {@value #COMMIT} (the run's status written, not yet published) and
 * {@value #PUBLISH} ({@code latest} switched, old runs not yet removed). Used by the tests that
 * prove a killed run leaves {@code latest} as it was and the next run recovers.
 */
public final class Stages {
  /** The system property naming the stage to halt after. */
  public static final String HALT_AFTER = "scrutineer.halt-after";

  /** The exit status of a halted run (as for SIGKILL). */
  public static final int HALT_STATUS = 137;

  /** The run's status is written; {@code latest} not yet switched. */
  public static final String COMMIT = "commit";

  /** {@code latest} is switched; old runs not yet removed, the lock not yet released. */
  public static final String PUBLISH = "publish";

  private Stages() {}

  /** Halts the JVM if the hook names {@code stage}; otherwise does nothing. */
  public static void reached(String stage) {
    if (stage.equals(System.getProperty(HALT_AFTER))) {
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }
}
