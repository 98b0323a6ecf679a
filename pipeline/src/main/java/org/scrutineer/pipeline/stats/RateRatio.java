package org.scrutineer.pipeline.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The ratio of two Poisson event rates (a group's rate over the reference group's rate) with its
 * exact conditional interval, its log-scale intervals and the exact test of ratio = 1, as set out
 * in METHODS.md section 0.
 *
 * <p>Conditioning on the total {@code T = events + referenceEvents}, the group's count is binomial
 * with {@code pi = E_g r / (E_g r + E_W)}; the Clopper-Pearson limits on {@code pi} map to limits
 * on the ratio (the same as R's {@code poisson.test(c(Ng, Nw), c(Eg, Ew))}). Exposures may be
 * populations or person-years: only their ratio matters.
 *
 * <p>Undefined results are {@code null} with a reason code, never infinity or NaN: no events in
 * either group ({@link Reason#NO_EVENTS}), no reference events ({@link Reason#ZERO_REFERENCE}), and
 * a non-positive exposure ({@link Reason#NO_DENOMINATOR}).
 *
 * @param ratio the point estimate, {@code null} when undefined
 * @param exact the exact conditional interval
 * @param katz the Katz log interval on the binomial ("per person") scale
 * @param wald the log (Wald) interval for Poisson counts
 * @param pValue two-sided central exact p-value for ratio = 1, {@code null} when undefined
 * @param reason why the ratio is undefined, or {@code null} when it is defined
 */
public record RateRatio(
    Double ratio, Interval exact, Interval katz, Interval wald, Double pValue, Reason reason) {

  /** Why a ratio (or one of its intervals) is not given. */
  public enum Reason {
    NO_EVENTS,
    ZERO_REFERENCE,
    NO_DENOMINATOR
  }

  /**
   * Computes the ratio {@code (events / exposure) / (referenceEvents / referenceExposure)}.
   *
   * @param events group events (non-negative)
   * @param exposure group population or person-years
   * @param referenceEvents reference-group events (non-negative)
   * @param referenceExposure reference-group population or person-years
   * @param level two-sided confidence level, e.g. 0.95
   */
  public static RateRatio of(
      long events, double exposure, long referenceEvents, double referenceExposure, double level) {
    return of(
        events, exposure, referenceEvents, referenceExposure, level, exposure, referenceExposure);
  }

  /**
   * As {@link #of(long, double, long, double, double)}, with the Katz binomial interval taken over
   * the people at risk ({@code population}, {@code referencePopulation}: METHODS.md section 0's
   * {@code P_g}, {@code P_W}) rather than the exposure: for a period shorter than a year the
   * person-years are a fraction of the people, and treating them as people narrows the interval
   * (and collapses it where the events outnumber the person-years).
   */
  public static RateRatio of(
      long events,
      double exposure,
      long referenceEvents,
      double referenceExposure,
      double level,
      double population,
      double referencePopulation) {
    if (events < 0 || referenceEvents < 0) {
      throw new IllegalArgumentException(
          String.format(
              "Invalid event counts: %d and %d (must be non-negative)", events, referenceEvents));
    }
    double alpha = Confidence.alpha(level);
    if (!(exposure > 0) || !(referenceExposure > 0)) {
      return undefined(null, Reason.NO_DENOMINATOR);
    }
    long total = events + referenceEvents;
    if (total == 0) {
      return undefined(null, Reason.NO_EVENTS);
    }
    double exposureRatio = referenceExposure / exposure;
    double pValue = centralPValue(events, total, exposure / (exposure + referenceExposure));
    Double lowPi = events == 0 ? 0.0 : beta(events, total - events + 1, alpha / 2);
    Double highPi = referenceEvents == 0 ? null : beta(events + 1, total - events, 1 - alpha / 2);
    Interval exact =
        new Interval(
            exposureRatio * lowPi / (1 - lowPi),
            highPi == null ? null : exposureRatio * highPi / (1 - highPi));
    if (referenceEvents == 0) {
      return new RateRatio(
          null, exact, Interval.UNDEFINED, Interval.UNDEFINED, pValue, Reason.ZERO_REFERENCE);
    }
    double ratio = (events / exposure) / (referenceEvents / referenceExposure);
    if (events == 0) {
      return new RateRatio(ratio, exact, Interval.UNDEFINED, Interval.UNDEFINED, pValue, null);
    }
    double z = Confidence.z(level);
    double waldSe = Math.sqrt(1.0 / events + 1.0 / referenceEvents);
    double katzVariance =
        1.0 / events - 1.0 / population + 1.0 / referenceEvents - 1.0 / referencePopulation;
    Interval katz =
        katzVariance > 0 ? logInterval(ratio, z * Math.sqrt(katzVariance)) : Interval.UNDEFINED;
    return new RateRatio(ratio, exact, katz, logInterval(ratio, z * waldSe), pValue, null);
  }

  /** Two-sided central p-value: {@code min(1, 2 min(P(X <= x), P(X >= x)))}, X ~ Bin(n, p). */
  static double centralPValue(long x, long n, double p) {
    BinomialDistribution binomial = BinomialDistribution.of(Math.toIntExact(n), p);
    int k = Math.toIntExact(x);
    double lower = binomial.cumulativeProbability(k);
    double upper = k == 0 ? 1.0 : binomial.survivalProbability(k - 1);
    return Math.min(1.0, 2 * Math.min(lower, upper));
  }

  private static double beta(long a, long b, double p) {
    return BetaDistribution.of(a, b).inverseCumulativeProbability(p);
  }

  private static Interval logInterval(double ratio, double halfWidth) {
    return new Interval(ratio * Math.exp(-halfWidth), ratio * Math.exp(halfWidth));
  }

  private static RateRatio undefined(Double pValue, Reason reason) {
    return new RateRatio(
        null, Interval.UNDEFINED, Interval.UNDEFINED, Interval.UNDEFINED, pValue, reason);
  }
}
