package org.scrutineer.pipeline.tables;

import org.scrutineer.pipeline.aggregate.PowerMeasures.Kind;
import org.scrutineer.pipeline.disclosure.SmallNumbers;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.RowBuilder;
import org.scrutineer.pipeline.schema.UndefinedReason;
import org.scrutineer.pipeline.stats.Interval;
import org.scrutineer.pipeline.stats.PoissonRate;
import org.scrutineer.pipeline.stats.Proportion;
import org.scrutineer.pipeline.stats.RateRatio;
import org.scrutineer.pipeline.stats.RiskRatio;

/**
 * Sets the rate and ratio columns shared by {@code outcomes} and {@code stages}: one group's
 * numerator over its denominator, with its interval, and its ratio to the reference group's rate
 * with that ratio's interval, under the small-number rules.
 *
 * <p>A {@link Kind#PROPORTION} gets a Wilson interval and a Katz log ratio interval; a {@link
 * Kind#RATE} (a numerator that is not a subset of its denominator) gets an exact Poisson interval
 * with the denominator as exposure and an exact conditional ratio interval with its p-value. The
 * rate rests on its basis (a share's trials, a rate's events): it is null, and the flag {@code
 * rate_suppressed}, below the rate minimum of that basis; the ratio is null when either numerator
 * is below the ratio minimum, or undefined, with the reason.
 */
final class RelativeRate {
  private RelativeRate() {}

  /**
   * One group's counts and its reference group's.
   *
   * @param group the group, {@code null} for All
   * @param numerator the group's numerator
   * @param denominator the group's denominator (a count, or person-years for a population)
   * @param referenceNumerator the reference group's numerator
   * @param referenceDenominator the reference group's denominator
   */
  record Counts(
      EthnicGroup group,
      long numerator,
      double denominator,
      long referenceNumerator,
      double referenceDenominator) {}

  /** Sets the columns on {@code row}. */
  static void set(RowBuilder row, Kind kind, Counts c, ReportSettings settings) {
    SmallNumbers rules = settings.smallNumbers();
    EthnicGroup reference = settings.referenceGroup();
    double level = settings.confidenceLevel();
    row.set("numerator", c.numerator())
        .set("denominator", c.denominator())
        .set("reference_group", reference.label())
        .set("reference_numerator", c.referenceNumerator())
        .set("reference_denominator", c.referenceDenominator());
    // A share rests on its trials, a rate on its events: one basis for the rate and its flag.
    long basis = kind == Kind.RATE ? c.numerator() : Math.round(c.denominator());
    boolean rateAllowed = c.denominator() > 0 && rules.rateAllowed(basis);
    if (rateAllowed) {
      Interval ci;
      if (kind == Kind.PROPORTION) {
        Proportion p = Proportion.of(c.numerator(), Math.round(c.denominator()), level);
        ci = p.wilson();
      } else {
        ci = PoissonRate.rateInterval(c.numerator(), c.denominator(), 1.0, level);
      }
      row.set("rate", c.numerator() / c.denominator())
          .set("rate_ci_low", ci.low())
          .set("rate_ci_high", ci.high());
    } else {
      row.set(
          "rate_undefined_reason",
          c.denominator() > 0 ? UndefinedReason.LOW_COUNT : UndefinedReason.NO_DENOMINATOR);
    }
    boolean comparable =
        c.group() != null && c.group() != EthnicGroup.UNKNOWN && c.group() != reference;
    if (!comparable) {
      row.set(
              "ratio_undefined_reason",
              c.group() == reference
                  ? UndefinedReason.REFERENCE_GROUP
                  : UndefinedReason.NOT_APPLICABLE)
          .set("flag", rateAllowed ? rules.rateFlag(basis) : SmallNumbers.RATE_SUPPRESSED);
      return;
    }
    row.set(
        "flag",
        rateAllowed
            ? rules.ratioFlag(basis, c.numerator(), c.referenceNumerator())
            : SmallNumbers.RATE_SUPPRESSED);
    if (!(c.denominator() > 0) || !(c.referenceDenominator() > 0)) {
      row.set("ratio_undefined_reason", UndefinedReason.NO_DENOMINATOR);
      return;
    }
    Double ratio;
    Interval ci;
    Double p = null;
    String reason;
    if (kind == Kind.PROPORTION) {
      RiskRatio rr =
          RiskRatio.of(
              c.numerator(),
              Math.round(c.denominator()),
              c.referenceNumerator(),
              Math.round(c.referenceDenominator()),
              level);
      ratio = rr.ratio();
      ci = rr.interval();
      reason = rr.reason() == null ? null : rr.reason().name();
      row.set("ratio_method", "katz");
    } else {
      RateRatio rr =
          RateRatio.of(
              c.numerator(),
              c.denominator(),
              c.referenceNumerator(),
              c.referenceDenominator(),
              level);
      ratio = rr.ratio();
      ci = rr.exact();
      p = rr.pValue();
      reason = rr.reason() == null ? null : rr.reason().name();
      row.set("ratio_method", "exact_conditional");
    }
    if (reason != null) {
      row.set("ratio_undefined_reason", reason);
      return;
    }
    if (!rules.ratioAllowed(c.numerator(), c.referenceNumerator())) {
      row.set("ratio_undefined_reason", UndefinedReason.LOW_COUNT);
      return;
    }
    row.set("ratio", ratio)
        .set("ratio_ci_low", ci.low())
        .set("ratio_ci_high", ci.high())
        .set(Columns.P_VALUE, p);
  }
}
