package org.scrutineer.pipeline.stats;

import org.scrutineer.pipeline.schema.UndefinedReason;

/**
 * The change in a disproportionality ratio between two periods (year on year): {@code DR_1 / DR_0}
 * with the log interval {@code exp(ln(DR_1 / DR_0) +/- z SE)}, {@code SE = sqrt(1/N_g1 + 1/N_W1 +
 * 1/N_g0 + 1/N_W0)} (Poisson counts, populations taken as fixed), and the two-sided z-test of no
 * change. Undefined (null, with a reason) when any of the four counts is zero or either ratio is
 * undefined.
 *
 * @param change {@code DR_1 / DR_0}
 * @param interval its interval
 * @param pValue two-sided p-value for no change
 * @param reason why it is undefined, or {@code null}
 */
public record RatioChange(Double change, Interval interval, Double pValue, String reason) {

  /**
   * Computes the change.
   *
   * @param ratio ratio in the later period
   * @param events group events in the later period
   * @param referenceEvents reference events in the later period
   * @param previousRatio ratio in the earlier period
   * @param previousEvents group events in the earlier period
   * @param previousReferenceEvents reference events in the earlier period
   */
  public static RatioChange of(
      Double ratio,
      long events,
      long referenceEvents,
      Double previousRatio,
      long previousEvents,
      long previousReferenceEvents,
      double level) {
    double z = Confidence.z(level);
    if (ratio == null || previousRatio == null || !(previousRatio > 0) || !(ratio > 0)) {
      return new RatioChange(null, Interval.UNDEFINED, null, UndefinedReason.RATIO_UNDEFINED);
    }
    if (events == 0
        || referenceEvents == 0
        || previousEvents == 0
        || previousReferenceEvents == 0) {
      return new RatioChange(null, Interval.UNDEFINED, null, UndefinedReason.NO_EVENTS);
    }
    double change = ratio / previousRatio;
    double se =
        Math.sqrt(
            1.0 / events
                + 1.0 / referenceEvents
                + 1.0 / previousEvents
                + 1.0 / previousReferenceEvents);
    double log = Math.log(change);
    double p =
        2
            * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .survivalProbability(Math.abs(log / se));
    return new RatioChange(
        change, new Interval(Math.exp(log - z * se), Math.exp(log + z * se)), p, null);
  }
}
