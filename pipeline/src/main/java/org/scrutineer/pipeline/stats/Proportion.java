package org.scrutineer.pipeline.stats;

/**
 * A binomial proportion with its Wilson score interval (METHODS.md section 4.1), used for outcome
 * rates such as arrests per search and linked finds per search with a known link.
 *
 * @param successes numerator
 * @param trials denominator
 * @param estimate {@code successes / trials}, or {@code null} when there are no trials
 * @param wilson the Wilson score interval, undefined when there are no trials
 */
public record Proportion(long successes, long trials, Double estimate, Interval wilson) {

  /** Computes the proportion and its Wilson interval; zero trials give undefined values. */
  public static Proportion of(long successes, long trials, double level) {
    if (successes < 0 || trials < 0 || successes > trials) {
      throw new IllegalArgumentException(
          String.format(
              "Invalid proportion: %d of %d (need 0 <= successes <= trials)", successes, trials));
    }
    if (trials == 0) {
      Confidence.alpha(level);
      return new Proportion(successes, trials, null, Interval.UNDEFINED);
    }
    double z = Confidence.z(level);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // The Wilson interval of no successes starts at exactly 0, and of all successes ends at
    // exactly 1; in floating point centre - half can come out as 1e-18 (written 6.93889E-18).
    double low = successes == 0 ? 0.0 : Math.max(0.0, centre - half);
    double high = successes == trials ? 1.0 : Math.min(1.0, centre + half);
    return new Proportion(successes, trials, p, new Interval(low, high));
  }
}
