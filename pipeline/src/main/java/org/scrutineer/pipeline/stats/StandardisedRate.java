package org.scrutineer.pipeline.stats;

/**
 * A directly standardised rate (METHODS.md section 4.1): {@code DSR = sum_s w_s O_s / E_s} with
 * weights {@code w_s} the standard population's shares, its variance {@code sum_s w_s^2 O_s /
 * E_s^2} and Dobson's interval, which scales the Poisson limits of the total count {@code O} (exact
 * below 10 events, Byar from 10, as {@link PoissonRate}): {@code DSR + sqrt(V / O) (O_L - O)} to
 * {@code DSR + sqrt(V / O) (O_U - O)} (Dobson et al. 1991; OHID/PHE Fingertips guidance).
 *
 * @param rate the standardised rate per unit of exposure, times the scale
 * @param variance the variance of {@code rate}
 * @param events the total count over the strata
 * @param interval Dobson's limits
 */
public record StandardisedRate(double rate, double variance, long events, Interval interval) {

  /**
   * Standardises one group's stratum counts.
   *
   * @param standard the standard population of each stratum (common weights for every group)
   * @param events the group's events in each stratum
   * @param exposure the group's exposure (person-years) in each stratum, positive where the
   *     standard is
   * @param scale rate multiplier (1000 for per 1,000)
   * @param level two-sided confidence level
   * @return the rate, or {@code null} when a stratum with standard population has no exposure or
   *     there are no events
   */
  public static StandardisedRate of(
      double[] standard, long[] events, double[] exposure, double scale, double level) {
    double total = 0;
    for (double w : standard) {
      total += w;
    }
    double rate = 0;
    double variance = 0;
    long observed = 0;
    for (int s = 0; s < standard.length; s++) {
      if (standard[s] == 0) {
        continue;
      }
      if (!(exposure[s] > 0)) {
        return null;
      }
      double w = standard[s] / total;
      rate += w * events[s] / exposure[s];
      variance += w * w * events[s] / (exposure[s] * exposure[s]);
      observed += events[s];
    }
    if (observed == 0) {
      return null;
    }
    Interval count = PoissonRate.countInterval(observed, level);
    double step = Math.sqrt(variance / observed);
    Interval interval =
        new Interval(
            (rate + step * (count.low() - observed)) * scale,
            (rate + step * (count.high() - observed)) * scale);
    return new StandardisedRate(rate * scale, variance * scale * scale, observed, interval);
  }

  /**
   * The ratio of two standardised rates with its log-normal interval, {@code exp(ln R +- z sqrt(V_1
   * / R_1^2 + V_2 / R_2^2))}.
   */
  public static Ratio ratio(StandardisedRate group, StandardisedRate reference, double level) {
    double ratio = group.rate() / reference.rate();
    double se =
        Math.sqrt(
            group.variance() / (group.rate() * group.rate())
                + reference.variance() / (reference.rate() * reference.rate()));
    double z = Confidence.z(level);
    return new Ratio(ratio, new Interval(ratio * Math.exp(-z * se), ratio * Math.exp(z * se)));
  }

  /**
   * A ratio of standardised rates.
   *
   * @param ratio the group's rate over the reference's
   * @param interval its limits
   */
  public record Ratio(double ratio, Interval interval) {}
}
