package org.scrutineer.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Direct standardisation against values computed independently (Python/SciPy, written out from the
 * formulas: weights 0.3/0.5/0.2, Byar limits of the total count, Dobson scaling, log ratio).
 */
class StandardisedRateTest {
  private static final double[] STANDARD = {3000, 5000, 2000};

  @Test
  void dobsonIntervalOfAThreeStratumRate() {
    StandardisedRate rate =
        StandardisedRate.of(
            STANDARD, new long[] {12, 30, 8}, new double[] {1000, 4000, 3000}, 1000, 0.95);
    // 0.3 x 12/1000 + 0.5 x 30/4000 + 0.2 x 8/3000 = 0.0078833 per person-year.
    assertThat(rate.rate()).isCloseTo(7.883333, within(1e-6));
    assertThat(rate.variance()).isCloseTo(1.584306, within(1e-6));
    assertThat(rate.events()).isEqualTo(50);
    assertThat(rate.interval().low()).isCloseTo(5.588499, within(1e-5));
    assertThat(rate.interval().high()).isCloseTo(10.717216, within(1e-5));
  }

  @Test
  void ratioOfStandardisedRatesWithLogInterval() {
    StandardisedRate group =
        StandardisedRate.of(
            STANDARD, new long[] {12, 30, 8}, new double[] {1000, 4000, 3000}, 1000, 0.95);
    StandardisedRate white =
        StandardisedRate.of(
            STANDARD, new long[] {50, 120, 60}, new double[] {20000, 50000, 30000}, 1000, 0.95);
    assertThat(white.rate()).isCloseTo(2.35, within(1e-9));
    assertThat(white.interval().low()).isCloseTo(2.044631, within(1e-5));
    assertThat(white.interval().high()).isCloseTo(2.686768, within(1e-5));
    StandardisedRate.Ratio ratio = StandardisedRate.ratio(group, white, 0.95);
    assertThat(ratio.ratio()).isCloseTo(3.354610, within(1e-6));
    assertThat(ratio.interval().low()).isCloseTo(2.386458, within(1e-5));
    assertThat(ratio.interval().high()).isCloseTo(4.715528, within(1e-5));
  }

  @Test
  void undefinedWithoutExposureInAWeightedStratumOrWithoutEvents() {
    assertThat(
            StandardisedRate.of(
                STANDARD, new long[] {1, 1, 1}, new double[] {1000, 0, 3000}, 1000, 0.95))
        .isNull();
    assertThat(
            StandardisedRate.of(
                STANDARD, new long[] {0, 0, 0}, new double[] {1000, 10, 3000}, 1000, 0.95))
        .isNull();
    // A stratum the standard does not weight needs no exposure.
    assertThat(
            StandardisedRate.of(
                new double[] {1, 0}, new long[] {5, 0}, new double[] {100, 0}, 1, 0.95))
        .isNotNull();
  }
}
