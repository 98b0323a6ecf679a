package org.scrutineer.pipeline.store;

import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * One run's attempt on a store, from {@link ResultsStore#begin} (the lock taken, the run's folder
 * made) to one of {@link #publish}, {@link #keepUnpublished} or {@link #abandon}, and {@link
 * #close}, which releases the lock. Writes the run's {@code status.json} last, so that a folder
 * with one is complete, and {@code last-attempt.json} whatever the outcome.
 */
public final class Attempt implements AutoCloseable {
  private final ResultsStore store;
  private final StoreLock lock;
  private final String runId;
  private final String previousRun;
  private final List<String> recovered;
  private boolean published;

  Attempt(
      ResultsStore store,
      StoreLock lock,
      String runId,
      String previousRun,
      List<String> recovered) {
    this.store = store;
    this.lock = lock;
    this.runId = runId;
    this.previousRun = previousRun;
    this.recovered = List.copyOf(recovered);
  }

  /** This run's id. */
  public String runId() {
    return runId;
  }

  /** The folder this run writes its outputs into. */
  public Path dir() {
    return store.run(runId);
  }

  /** The run published when this one started, or {@code null}. */
  public String previousRun() {
    return previousRun;
  }

  /** What recovery removed before this run started (runs that did not finish, temporary files). */
  public List<String> recovered() {
    return recovered;
  }

  /** The holder of a stale lock this run cleared (a killed run), or {@code null}. */
  public String clearedStaleLock() {
    return lock.clearedStale();
  }

  /**
   * Completes the run and publishes it: writes its status, switches {@code latest} to it, removes
   * the oldest runs beyond {@code keep} and records the attempt.
   *
   * @param status the run's status; {@link RunStatus#published()} must be true
   * @return the runs removed as beyond {@code keep}
   */
  public List<String> publish(RunStatus status, int keep) {
    if (!status.published()) {
      throw new IllegalArgumentException("A published run's status says published");
    }
    store.writeNew(new Path(dir(), ResultsStore.STATUS), status.toJson() + "\n");
    Stages.reached(Stages.COMMIT);
    store.publish(runId);
    published = true;
    Stages.reached(Stages.PUBLISH);
    List<String> pruned = store.prune(keep);
    recordAttempt(status);
    return pruned;
  }

  /**
   * Completes the run without publishing it (a data-quality gate failed): its outputs stay in its
   * folder for inspection, {@code latest} is unchanged.
   */
  public void keepUnpublished(RunStatus status, int keep) {
    store.writeNew(new Path(dir(), ResultsStore.STATUS), status.toJson() + "\n");
    store.prune(keep);
    recordAttempt(status);
  }

  /**
   * Removes this run's folder (it did not complete) and records the attempt. A run already
   * published (something failed after the switch, such as removing old runs) is never removed: it
   * is what readers see.
   */
  public void abandon(RunStatus status) {
    if (!published) {
      store.delete(dir());
    }
    recordAttempt(status);
  }

  /** Writes {@code last-attempt.json}. */
  private void recordAttempt(RunStatus status) {
    store.writeAtomically(
        new Path(store.root(), ResultsStore.LAST_ATTEMPT), status.toJson() + "\n");
  }

  @Override
  public void close() {
    lock.close();
  }
}
