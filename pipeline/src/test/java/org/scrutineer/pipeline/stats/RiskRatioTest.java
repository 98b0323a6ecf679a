package org.scrutineer.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RiskRatioTest {

  @Test
  void katzIntervalForTwoProportions() {
    // 18/120 vs 60/300 (METHODS.md 2x2 vector): RR = 0.75.
    RiskRatio rr = RiskRatio.of(18, 120, 60, 300, 0.95);
    double se = Math.sqrt(1 / 18.0 - 1 / 120.0 + 1 / 60.0 - 1 / 300.0);

    assertThat(rr.ratio()).isCloseTo(0.75, within(1e-12));
    assertThat(rr.interval().low()).isCloseTo(0.75 * Math.exp(-1.959963985 * se), within(1e-6));
    assertThat(rr.interval().high()).isCloseTo(0.75 * Math.exp(1.959963985 * se), within(1e-6));
    // Computed separately with Python's math module: 0.463017-1.214857.
    assertThat(rr.interval().low()).isCloseTo(0.463017, within(5e-6));
    assertThat(rr.interval().high()).isCloseTo(1.214857, within(5e-6));
  }

  @Test
  void zeroReferenceIsUndefined() {
    RiskRatio rr = RiskRatio.of(3, 10, 0, 10, 0.95);

    assertThat(rr.ratio()).isNull();
    assertThat(rr.reason()).isEqualTo(RateRatio.Reason.ZERO_REFERENCE);
  }
}
