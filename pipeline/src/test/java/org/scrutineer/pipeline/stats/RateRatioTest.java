package org.scrutineer.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** METHODS.md section 0 test vectors (computed independently with SciPy). */
class RateRatioTest {

  @Test
  void largeCountsMatchAllFourIntervalsAndTheExactTest() {
    RateRatio r = RateRatio.of(120, 20_000, 300, 200_000, 0.95);

    assertThat(r.ratio()).isCloseTo(4.0, within(1e-12));
    assertThat(r.wald().low()).isCloseTo(3.2368, within(5e-5));
    assertThat(r.wald().high()).isCloseTo(4.9431, within(5e-5));
    assertThat(r.katz().low()).isCloseTo(3.2384, within(5e-5));
    assertThat(r.katz().high()).isCloseTo(4.9406, within(5e-5));
    assertThat(r.exact().low()).isCloseTo(3.2094, within(5e-5));
    assertThat(r.exact().high()).isCloseTo(4.9592, within(5e-5));
    assertThat(r.pValue()).isCloseTo(6.3e-30, within(0.05e-30));
    assertThat(r.reason()).isNull();
  }

  @Test
  void theKatzIntervalOfAOneMonthPeriodIsOverThePeopleNotThePersonYears() {
    // City of London, one month: 22 Black against 49 White searches, Census 2021 populations 232
    // and 5,955 (TS021). Expected values from Python: exp(ln DR +- z sqrt(1/22 - 1/232 + 1/49 -
    // 1/5955)). Over person-years (232/12 and 5,955/12) the interval would be 9.29-14.30, far
    // narrower than the exact one.
    double black = 232;
    double white = 5955;
    RateRatio r = RateRatio.of(22, black / 12, 49, white / 12, 0.95, black, white);

    assertThat(r.ratio()).isCloseTo(11.524454609, within(1e-8));
    assertThat(r.katz().low()).isCloseTo(7.091330, within(1e-5));
    assertThat(r.katz().high()).isCloseTo(18.728935, within(1e-5));
    RateRatio overPersonYears = RateRatio.of(22, black / 12, 49, white / 12, 0.95);
    assertThat(overPersonYears.katz().low()).isCloseTo(9.287472, within(1e-5));
  }

  @Test
  void smallCountsGiveAnExactIntervalThatIncludesOne() {
    RateRatio r = RateRatio.of(3, 1_500, 40, 90_000, 0.95);

    assertThat(r.ratio()).isCloseTo(4.5, within(1e-12));
    assertThat(r.wald().low()).isCloseTo(1.3921, within(5e-5));
    assertThat(r.wald().high()).isCloseTo(14.5462, within(5e-4));
    assertThat(r.katz().low()).isCloseTo(1.3937, within(5e-5));
    assertThat(r.katz().high()).isCloseTo(14.5301, within(5e-4));
    assertThat(r.exact().low()).isCloseTo(0.8906, within(5e-5));
    assertThat(r.exact().high()).isCloseTo(14.1296, within(5e-4));
    assertThat(r.pValue()).isCloseTo(0.0668, within(5e-5));
    // The Wald interval excludes 1 while the exact one does not (METHODS.md note on row 2).
    assertThat(r.wald().low()).isGreaterThan(1);
    assertThat(r.exact().low()).isLessThan(1);
  }

  @Test
  void zeroGroupEventsGiveZeroRatioExactUpperLimitAndNoLogIntervals() {
    RateRatio r = RateRatio.of(0, 800, 25, 60_000, 0.95);

    assertThat(r.ratio()).isEqualTo(0.0);
    assertThat(r.exact().low()).isEqualTo(0.0);
    assertThat(r.exact().high()).isCloseTo(11.9248, within(5e-4));
    assertThat(r.wald()).isEqualTo(Interval.UNDEFINED);
    assertThat(r.katz()).isEqualTo(Interval.UNDEFINED);
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  @Test
  void zeroReferenceEventsLeaveTheRatioUndefinedNeverInfinite() {
    RateRatio r = RateRatio.of(7, 1_000, 0, 50_000, 0.95);

    assertThat(r.ratio()).isNull();
    assertThat(r.reason()).isEqualTo(RateRatio.Reason.ZERO_REFERENCE);
    assertThat(r.exact().low()).isPositive().isFinite();
    assertThat(r.exact().high()).isNull();
  }

  @Test
  void noDenominatorOrNoEventsAreUndefinedWithAReason() {
    assertThat(RateRatio.of(5, 0, 10, 1_000, 0.95).reason())
        .isEqualTo(RateRatio.Reason.NO_DENOMINATOR);
    assertThat(RateRatio.of(0, 100, 0, 1_000, 0.95).reason()).isEqualTo(RateRatio.Reason.NO_EVENTS);
    assertThat(RateRatio.of(0, 100, 0, 1_000, 0.95).ratio()).isNull();
  }

  @Test
  void exposureScaleDoesNotChangeTheRatioOrItsInterval() {
    RateRatio year = RateRatio.of(120, 20_000, 300, 200_000, 0.95);
    RateRatio sevenMonths = RateRatio.of(120, 20_000 * 7 / 12.0, 300, 200_000 * 7 / 12.0, 0.95);

    assertThat(sevenMonths.ratio()).isCloseTo(year.ratio(), within(1e-9));
    assertThat(sevenMonths.exact().low()).isCloseTo(year.exact().low(), within(1e-9));
    assertThat(sevenMonths.pValue()).isCloseTo(year.pValue(), within(1e-40));
  }

  @Test
  void invalidLevelIsRejected() {
    assertThatThrownBy(() -> RateRatio.of(1, 1, 1, 1, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid confidence level: 1.5");
  }
}
