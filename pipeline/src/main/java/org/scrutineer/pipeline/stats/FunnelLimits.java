package org.scrutineer.pipeline.stats;

import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Funnel-plot control limits for a ratio {@code O / E} (METHODS.md section 4.2; Spiegelhalter
 * 2005): the exact Poisson limits of {@code O} around {@code theta0 E}, made continuous by
 * interpolating within the integer step ({@code y = (r - a) / E}, {@code a = (F(r) - p) / (F(r) -
 * F(r - 1))}, {@code r} the p-quantile), as the OHID/PHE funnel tools do. A district whose ratio
 * lies outside the 99.8% limits differs from its force beyond what chance explains. The uncertainty
 * in the reference rate is ignored (say so beside the plot).
 *
 * @param low lower limit of the ratio (at least 0)
 * @param high upper limit of the ratio
 */
public record FunnelLimits(double low, double high) {

  /**
   * Computes the limits.
   *
   * @param expected {@code E}, the events expected at the reference rate (positive)
   * @param target {@code theta0}, the ratio the funnel is centred on (positive)
   * @param level coverage, e.g. 0.95 or 0.998
   */
  public static FunnelLimits of(double expected, double target, double level) {
    double alpha = Confidence.alpha(level);
    if (!(expected > 0) || !(target > 0)) {
      throw new IllegalArgumentException(
          String.format(
              "Invalid funnel: expected %s, target %s (must be positive)", expected, target));
    }
    PoissonDistribution poisson = PoissonDistribution.of(target * expected);
    return new FunnelLimits(
        Math.max(0.0, limit(poisson, alpha / 2) / expected),
        limit(poisson, 1 - alpha / 2) / expected);
  }

  private static double limit(PoissonDistribution poisson, double p) {
    int r = poisson.inverseCumulativeProbability(p);
    double at = poisson.cumulativeProbability(r);
    double below = r == 0 ? 0 : poisson.cumulativeProbability(r - 1);
    return r - (at - p) / (at - below);
  }
}
