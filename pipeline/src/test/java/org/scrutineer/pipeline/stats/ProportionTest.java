package org.scrutineer.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionTest {

  @Test
  void wilsonIntervalsMatchMethodsVectors() {
    Proportion a = Proportion.of(18, 120, 0.95);
    Proportion b = Proportion.of(60, 300, 0.95);

    assertThat(a.estimate()).isCloseTo(0.15, within(1e-12));
    assertThat(a.wilson().low()).isCloseTo(0.0970, within(5e-5));
    assertThat(a.wilson().high()).isCloseTo(0.2247, within(5e-5));
    assertThat(b.wilson().low()).isCloseTo(0.1587, within(5e-5));
    assertThat(b.wilson().high()).isCloseTo(0.2489, within(5e-5));
  }

  @Test
  void extremesStayInsideTheUnitInterval() {
    Proportion none = Proportion.of(0, 25, 0.95);
    Proportion all = Proportion.of(25, 25, 0.95);

    assertThat(none.wilson().low()).isEqualTo(0.0);
    assertThat(none.wilson().high()).isBetween(0.1, 0.2);
    assertThat(all.wilson().high()).isEqualTo(1.0);
  }

  @Test
  void noSuccessesStartAtExactlyZeroAndAllEndAtExactlyOne() {
    for (long n = 1; n <= 2000; n++) {
      assertThat(Proportion.of(0, n, 0.95).wilson().low()).as("0 of %d", n).isEqualTo(0.0);
      assertThat(Proportion.of(n, n, 0.95).wilson().high()).as("%d of %d", n, n).isEqualTo(1.0);
    }
  }

  @Test
  void zeroTrialsIsUndefinedAndImpossibleCountsFail() {
    assertThat(Proportion.of(0, 0, 0.95).estimate()).isNull();
    assertThatThrownBy(() -> Proportion.of(5, 3, 0.95))
        .hasMessageContaining("Invalid proportion: 5 of 3");
  }
}
