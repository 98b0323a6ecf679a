package org.scrutineer.jobs;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.scrutineer.samples.SyntheticSample;

/**
 * The sample at a tenth of its volume over a few months: every power and table in seconds, for the
 * tests of the results store.
 */
final class TinySample {
  private TinySample() {}

  /** Writes the sample's months {@code from} to {@code to} into {@code dir}. */
  static Path write(Path dir, YearMonth from, YearMonth to) {
    SyntheticSample.write(dir, new SyntheticSample.Settings(2022, from, to, 0.1, 0.15));
    return dir;
  }

  /**
   * The arguments of a run of the sample in {@code input} into {@code store}: a tenth of the sample
   * keeps its planted bad rows, a larger share, so the reject and unmapped gates are wide.
   */
  static List<String> runArgs(Path input, String store, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--config",
                input.resolve("sample.json").toString(),
                "--max-reject-fraction",
                "0.5",
                "--max-unmapped-fraction",
                "0.5"));
    args.addAll(List.of(more));
    args.addAll(List.of("--out", store));
    return args;
  }
}
