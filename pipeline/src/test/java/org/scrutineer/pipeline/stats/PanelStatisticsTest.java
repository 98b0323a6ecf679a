package org.scrutineer.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The statistics of issue 5 against values computed by hand or given in METHODS.md section 0, not
 * taken from this code's own output.
 */
class PanelStatisticsTest {
  @Test
  void missingEthnicityBoundsMatchMethodsRowOne() {
    // METHODS.md section 0: row 1 (120/20,000 vs 300/200,000) with U = 50: L = 3.43, H = 5.67.
    MissingEthnicityBounds b = MissingEthnicityBounds.of(120, 20_000, 300, 200_000, 50);
    assertThat(b.low()).isCloseTo(3.43, within(0.005));
    assertThat(b.high()).isCloseTo(5.67, within(0.005));
    // Parity needs a negative share here (the ratio stays above 1 however the unknowns fall).
    assertThat(b.parityShare()).isNull();
    // By hand: 30/20,000 vs 300/200,000 is a ratio of 1 already; with U = 100 the share that keeps
    // it at 1 is q = (20,000 x 400 - 200,000 x 30) / (100 x 220,000) = 2,000,000 / 22,000,000.
    MissingEthnicityBounds even = MissingEthnicityBounds.of(30, 20_000, 300, 200_000, 100);
    assertThat(even.parityShare()).isCloseTo(2.0 / 22.0, within(1e-12));
    assertThat(MissingEthnicityBounds.of(3, 20_000, 0, 200_000, 0).reason())
        .isEqualTo("ZERO_REFERENCE");
    assertThat(MissingEthnicityBounds.of(3, 0, 5, 200_000, 1).reason()).isEqualTo("NO_DENOMINATOR");
  }

  @Test
  void benjaminiHochbergMatchesHandComputation() {
    // Sorted 0.005, 0.01, 0.03, 0.04 (m = 4): 0.02, 0.02, 0.04, 0.04 after the running minimum.
    Double[] q = BenjaminiHochberg.qValues(new Double[] {0.01, 0.04, null, 0.03, 0.005});
    assertThat(q[0]).isCloseTo(0.02, within(1e-12));
    assertThat(q[1]).isCloseTo(0.04, within(1e-12));
    assertThat(q[2]).isNull();
    assertThat(q[3]).isCloseTo(0.04, within(1e-12));
    assertThat(q[4]).isCloseTo(0.02, within(1e-12));
    assertThat(BenjaminiHochberg.qValues(new Double[] {0.9, 0.8})).containsExactly(0.9, 0.9);
  }

  @Test
  void kappaMatchesHandComputation() {
    // p_o = 35/50 = 0.7; p_e = (25 x 30 + 25 x 20) / 2,500 = 0.5; kappa = 0.4;
    // SE = sqrt(0.7 x 0.3 / (50 x 0.25)) = 0.129615; 95%: 0.4 -/+ 1.959964 x 0.129615.
    Agreement a = Agreement.of(new long[][] {{20, 5}, {10, 15}}, 0.95);
    assertThat(a.agreement()).isCloseTo(0.7, within(1e-12));
    assertThat(a.kappa()).isCloseTo(0.4, within(1e-12));
    assertThat(a.kappaInterval().low()).isCloseTo(0.145961, within(1e-5));
    assertThat(a.kappaInterval().high()).isCloseTo(0.654039, within(1e-5));
    assertThat(Agreement.of(new long[][] {{5, 0}, {0, 0}}, 0.95).kappa()).isNull();
    assertThat(Agreement.of(new long[][] {{0, 0}, {0, 0}}, 0.95).agreement()).isNull();
  }

  @Test
  void twoProportionsMatchMethodsVectors() {
    // METHODS.md section 0: [[18, 102], [60, 240]]: X2 = 1.417, p = 0.234; Fisher p = 0.268.
    TwoProportions t = TwoProportions.of(18, 120, 60, 300, 0.95);
    assertThat(t.chiSquare()).isCloseTo(1.417, within(0.001));
    assertThat(t.chiSquareP()).isCloseTo(0.234, within(0.001));
    assertThat(t.fisherP()).isCloseTo(0.268, within(0.001));
    // Newcombe from the METHODS Wilson limits (0.0970-0.2247, 0.1587-0.2489), by hand:
    // -0.05 - sqrt(0.0530^2 + 0.0489^2) = -0.1221; -0.05 + sqrt(0.0747^2 + 0.0413^2) = 0.0354.
    assertThat(t.difference()).isCloseTo(-0.05, within(1e-12));
    assertThat(t.differenceInterval().low()).isCloseTo(-0.1221, within(0.0005));
    assertThat(t.differenceInterval().high()).isCloseTo(0.0354, within(0.0005));
    assertThat(TwoProportions.of(0, 0, 3, 10, 0.95).difference()).isNull();
  }

  @Test
  void ratioChangeMatchesHandComputation() {
    // 120 vs 300 (ratio 4) after 100 vs 300 (ratio 3.333): change 1.2, SE = sqrt(0.025) = 0.158114,
    // z = ln 1.2 / SE = 1.15311, p = 0.2489, 95%: exp(0.182322 -/+ 0.309898) = 0.8802 to 1.6360.
    RatioChange c = RatioChange.of(4.0, 120, 300, 10.0 / 3, 100, 300, 0.95);
    assertThat(c.change()).isCloseTo(1.2, within(1e-12));
    assertThat(c.pValue()).isCloseTo(0.2489, within(0.0005));
    assertThat(c.interval().low()).isCloseTo(0.8802, within(0.0005));
    assertThat(c.interval().high()).isCloseTo(1.6360, within(0.0005));
    assertThat(RatioChange.of(4.0, 0, 300, 3.0, 100, 300, 0.95).reason()).isEqualTo("NO_EVENTS");
    assertThat(RatioChange.of(null, 1, 300, 3.0, 100, 300, 0.95).reason())
        .isEqualTo("RATIO_UNDEFINED");
  }

  @Test
  void funnelLimitsMatchHandComputedPoissonSteps() {
    // E = 1, theta0 = 1: F(2) = 0.919699, F(3) = 0.981012, so the 97.5% limit is
    // 3 - (0.981012 - 0.975) / (0.981012 - 0.919699) = 2.90195; the lower limit is below 0: 0.
    FunnelLimits small = FunnelLimits.of(1, 1, 0.95);
    assertThat(small.high()).isCloseTo(2.90195, within(1e-4));
    assertThat(small.low()).isEqualTo(0.0);
    // Large E: close to the normal limits 1 -/+ 1.96 / sqrt(10,000).
    FunnelLimits large = FunnelLimits.of(10_000, 1, 0.95);
    assertThat(large.low()).isCloseTo(0.9804, within(0.001));
    assertThat(large.high()).isCloseTo(1.0196, within(0.001));
    assertThat(FunnelLimits.of(10_000, 1, 0.998).high()).isGreaterThan(large.high());
  }
}
