package org.scrutineer.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.scrutineer.pipeline.store.Stages;

/**
 * Reports each stage of a run as one line with its elapsed time, and keeps the timings for the
 * manifest. A stage's end is where the test hook of {@link Stages} can halt the run.
 */
public final class Progress {
  private final Consumer<String> sink;
  private final long start = System.nanoTime();
  private final List<Stage> stages = new ArrayList<>();
  private long last = start;

  /**
   * One stage's timing.
   *
   * @param stage stage name
   * @param seconds seconds the stage took
   * @param detail what it did, with row counts
   */
  public record Stage(String stage, double seconds, String detail) {}

  /** Reports to {@code sink} (for example standard output), one line per stage. */
  public Progress(Consumer<String> sink) {
    this.sink = sink;
  }

  /** Records the end of a stage. */
  public void stage(String name, String detail) {
    long now = System.nanoTime();
    double seconds = (now - last) / 1e9;
    last = now;
    stages.add(new Stage(name, seconds, detail));
    sink.accept(String.format(Locale.ROOT, "[%6.1fs] %-13s %s", (now - start) / 1e9, name, detail));
    Stages.reached(name);
  }

  /** Seconds since the run started. */
  public double elapsed() {
    return (System.nanoTime() - start) / 1e9;
  }

  /** The stages so far. */
  public List<Stage> stages() {
    return List.copyOf(stages);
  }
}
