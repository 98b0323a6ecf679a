package org.scrutineer.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonRateTest {

  @Test
  void byarLimitsForLargeCountMatchMethodsVector() {
    Interval i = PoissonRate.countInterval(120, 0.95);

    assertThat(i.low()).isCloseTo(99.49, within(0.005));
    assertThat(i.high()).isCloseTo(143.49, within(0.005));
  }

  @Test
  void exactLimitsForSmallCountMatchMethodsVector() {
    Interval i = PoissonRate.countInterval(3, 0.95);

    assertThat(i.low()).isCloseTo(0.619, within(0.0005));
    assertThat(i.high()).isCloseTo(8.767, within(0.0005));
  }

  @Test
  void byarAgreesWithExactLimitsForLargeCount() {
    Interval exact = PoissonRate.exact(120, 0.05);

    assertThat(exact.low()).isCloseTo(99.49, within(0.005));
    assertThat(exact.high()).isCloseTo(143.49, within(0.005));
  }

  @Test
  void zeroCountHasZeroLowerLimitAndFiniteUpper() {
    Interval i = PoissonRate.countInterval(0, 0.95);

    assertThat(i.low()).isEqualTo(0.0);
    // -ln(0.025) = 3.689, the exact one-sided upper limit for a zero count.
    assertThat(i.high()).isCloseTo(-Math.log(0.025), within(1e-9));
  }

  @Test
  void rateIntervalScalesTheCountLimitsAndIsUndefinedWithoutExposure() {
    Interval rate = PoissonRate.rateInterval(120, 20_000, 1_000, 0.95);

    assertThat(rate.low()).isCloseTo(99.49 / 20, within(0.0005));
    assertThat(PoissonRate.rateInterval(5, 0, 1_000, 0.95)).isEqualTo(Interval.UNDEFINED);
  }
}
