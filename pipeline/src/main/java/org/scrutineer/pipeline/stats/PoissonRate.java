package org.scrutineer.pipeline.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Confidence limits for a Poisson count, used for rates ({@code count / exposure * scale}): exact
 * chi-square limits below 10 events and Byar's approximation from 10 events, as in the OHID/PHE
 * Fingertips guidance (METHODS.md section 4.1).
 */
public final class PoissonRate {
  /** Counts at or above this use Byar's approximation; below it the exact limits. */
  public static final long BYAR_FROM = 10;

  private PoissonRate() {}

  /**
   * Limits on the expected count for an observed count.
   *
   * @param observed the observed count (non-negative)
   * @param level two-sided confidence level
   * @return the interval on the count scale; the lower limit is 0 for a zero count
   */
  public static Interval countInterval(long observed, double level) {
    if (observed < 0) {
      throw new IllegalArgumentException(
          String.format("Invalid count: %d (must be non-negative)", observed));
    }
    double alpha = Confidence.alpha(level);
    return observed < BYAR_FROM ? exact(observed, alpha) : byar(observed, Confidence.z(level));
  }

  /** Exact limits from the chi-square distribution. */
  static Interval exact(long observed, double alpha) {
    double low =
        observed == 0
            ? 0.0
            : ChiSquaredDistribution.of(2.0 * observed).inverseCumulativeProbability(alpha / 2) / 2;
    double high =
        ChiSquaredDistribution.of(2.0 * observed + 2).inverseCumulativeProbability(1 - alpha / 2)
            / 2;
    return new Interval(low, high);
  }

  /** Byar's approximation to the exact limits. */
  static Interval byar(long observed, double z) {
    double o = observed;
    double low = o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
    double o1 = o + 1;
    double high = o1 * Math.pow(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3);
    return new Interval(low, high);
  }

  /**
   * A rate {@code observed / exposure * scale} with its limits.
   *
   * @return the interval, or {@link Interval#UNDEFINED} when the exposure is not positive
   */
  public static Interval rateInterval(long observed, double exposure, double scale, double level) {
    if (!(exposure > 0)) {
      return Interval.UNDEFINED;
    }
    Interval count = countInterval(observed, level);
    return new Interval(count.low() / exposure * scale, count.high() / exposure * scale);
  }
}
