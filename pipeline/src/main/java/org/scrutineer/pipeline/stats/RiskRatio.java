package org.scrutineer.pipeline.stats;

/**
 * The ratio of two proportions (a group's outcome rate over the reference group's) with the Katz
 * log interval {@code exp(ln RR +/- z sqrt(1/a - 1/n1 + 1/c - 1/n2))}.
 *
 * @param ratio the point estimate, {@code null} when undefined
 * @param interval the Katz interval, undefined when either numerator is zero
 * @param reason why the ratio is undefined, or {@code null}
 */
public record RiskRatio(Double ratio, Interval interval, RateRatio.Reason reason) {

  /** Computes {@code (a / n1) / (c / n2)}. */
  public static RiskRatio of(long a, long n1, long c, long n2, double level) {
    Confidence.alpha(level);
    if (n1 <= 0 || n2 <= 0) {
      return new RiskRatio(null, Interval.UNDEFINED, RateRatio.Reason.NO_DENOMINATOR);
    }
    if (c == 0) {
      return new RiskRatio(null, Interval.UNDEFINED, RateRatio.Reason.ZERO_REFERENCE);
    }
    double ratio = ((double) a / n1) / ((double) c / n2);
    if (a == 0) {
      return new RiskRatio(ratio, Interval.UNDEFINED, null);
    }
    double se = Math.sqrt(1.0 / a - 1.0 / n1 + 1.0 / c - 1.0 / n2);
    double half = Confidence.z(level) * se;
    return new RiskRatio(
        ratio, new Interval(ratio * Math.exp(-half), ratio * Math.exp(half)), null);
  }
}
