package org.scrutineer.pipeline.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Confidence-level helpers shared by the interval methods. */
final class Confidence {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private Confidence() {}

  /** Returns alpha for a two-sided level in (0, 1), failing on anything else. */
  static double alpha(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          String.format("Invalid confidence level: %s (must be in (0, 1))", level));
    }
    return 1 - level;
  }

  /** The standard normal quantile for a two-sided level, e.g. 1.959964 for 0.95. */
  static double z(double level) {
    return STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha(level) / 2);
  }
}
