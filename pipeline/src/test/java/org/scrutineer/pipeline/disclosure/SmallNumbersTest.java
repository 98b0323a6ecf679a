package org.scrutineer.pipeline.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallNumbersTest {
  private final SmallNumbers rules = SmallNumbers.DEFAULT;

  @Test
  void methodsSectionFourFourThresholds() {
    assertThat(rules.ratioFlag(2, 500)).isEqualTo("rate_suppressed");
    assertThat(rules.ratioFlag(3, 500)).isEqualTo("ratio_suppressed");
    assertThat(rules.ratioFlag(500, 9)).isEqualTo("ratio_suppressed");
    assertThat(rules.ratioFlag(10, 500)).isEqualTo("u");
    assertThat(rules.ratioFlag(19, 500)).isEqualTo("u");
    assertThat(rules.ratioFlag(20, 20)).isEqualTo("ok");
    assertThat(rules.rateFlag(2)).isEqualTo("rate_suppressed");
    assertThat(rules.rateFlag(3)).isEqualTo("u");
  }

  @Test
  void thresholdsMustBeOrdered() {
    assertThatThrownBy(() -> new SmallNumbers(10, 3, 20, 10, 20))
        .hasMessageContaining("Invalid small-number thresholds");
  }
}
