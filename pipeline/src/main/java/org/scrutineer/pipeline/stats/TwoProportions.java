package org.scrutineer.pipeline.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Two proportions compared (a group's find rate against the reference group's, METHODS.md sections
 * 0, 4.2 and 4.5): the difference {@code a/n1 - c/n2} with Newcombe's hybrid score interval (from
 * the two Wilson intervals), the Pearson chi-square test of the 2x2 table without continuity
 * correction, and Fisher's exact test (two-sided: the sum of the probabilities of every table with
 * the same margins no more likely than the one observed, as R's {@code fisher.test}).
 *
 * @param difference {@code a/n1 - c/n2}, null when either denominator is 0
 * @param differenceInterval Newcombe's interval, undefined with the difference
 * @param chiSquare Pearson's statistic, null when a margin is 0
 * @param chiSquareP its p-value on 1 degree of freedom
 * @param fisherP Fisher's exact two-sided p-value, null when either denominator is 0
 */
public record TwoProportions(
    Double difference,
    Interval differenceInterval,
    Double chiSquare,
    Double chiSquareP,
    Double fisherP) {

  /** Compares {@code a} of {@code n1} with {@code c} of {@code n2}. */
  public static TwoProportions of(long a, long n1, long c, long n2, double level) {
    if (a < 0 || c < 0 || a > n1 || c > n2) {
      throw new IllegalArgumentException(
          String.format("Invalid proportions: %d of %d, %d of %d", a, n1, c, n2));
    }
    if (n1 == 0 || n2 == 0) {
      Confidence.alpha(level);
      return new TwoProportions(null, Interval.UNDEFINED, null, null, null);
    }
    Proportion p1 = Proportion.of(a, n1, level);
    Proportion p2 = Proportion.of(c, n2, level);
    double d = p1.estimate() - p2.estimate();
    double low =
        d
            - Math.sqrt(
                square(p1.estimate() - p1.wilson().low())
                    + square(p2.wilson().high() - p2.estimate()));
    double high =
        d
            + Math.sqrt(
                square(p1.wilson().high() - p1.estimate())
                    + square(p2.estimate() - p2.wilson().low()));
    long b = n1 - a;
    long dd = n2 - c;
    long n = n1 + n2;
    double columns = (double) (a + c) * (b + dd);
    Double x2 = null;
    Double x2p = null;
    if (columns > 0) {
      double cross = (double) a * dd - (double) b * c;
      x2 = n * cross * cross / ((double) n1 * n2 * columns);
      x2p = ChiSquaredDistribution.of(1).survivalProbability(x2);
    }
    return new TwoProportions(d, new Interval(low, high), x2, x2p, fisher(a, n1, c, n));
  }

  private static double fisher(long a, long n1, long c, long n) {
    int total = Math.toIntExact(n);
    int successes = Math.toIntExact(a + c);
    int sample = Math.toIntExact(n1);
    HypergeometricDistribution h = HypergeometricDistribution.of(total, successes, sample);
    double observed = h.probability(Math.toIntExact(a));
    double p = 0;
    for (int x = h.getSupportLowerBound(); x <= h.getSupportUpperBound(); x++) {
      double px = h.probability(x);
      if (px <= observed * (1 + 1e-7)) {
        p += px;
      }
    }
    return Math.min(1.0, p);
  }

  private static double square(double x) {
    return x * x;
  }
}
