package org.scrutineer.pipeline.stats;

import org.scrutineer.pipeline.schema.UndefinedReason;

/**
 * How far Unknown ethnicity could move a disproportionality ratio (METHODS.md sections 0 and 4.3):
 * a sensitivity analysis, not a correction.
 *
 * <p>With {@code N_g}, {@code N_W} events of known ethnicity, {@code U} events of unknown ethnicity
 * and exposures {@code E_g}, {@code E_W}: the lower bound gives every unknown event to the
 * reference group, {@code L = (N_g / E_g) / ((N_W + U) / E_W)}; the upper bound gives them all to
 * group g, {@code H = ((N_g + U) / E_g) / (N_W / E_W)}. The allocation share at which the ratio
 * would be 1 (a share {@code q} of the unknowns to g, the rest to the reference group) is {@code q
 * = [E_g (N_W + U) - E_W N_g] / [U (E_W + E_g)]}; it is reported only when it lies in [0, 1].
 *
 * @param low the lower bound, {@code null} when undefined
 * @param high the upper bound, {@code null} when undefined (no reference events)
 * @param parityShare the share of unknowns to group g giving a ratio of 1, {@code null} when no
 *     share in [0, 1] does
 * @param reason why the bounds are undefined, or {@code null}
 */
public record MissingEthnicityBounds(Double low, Double high, Double parityShare, String reason) {

  /** Computes the bounds; exposures must be positive and counts non-negative. */
  public static MissingEthnicityBounds of(
      long events, double exposure, long referenceEvents, double referenceExposure, long unknown) {
    if (events < 0 || referenceEvents < 0 || unknown < 0) {
      throw new IllegalArgumentException(
          String.format(
              "Invalid counts: %d, %d, %d unknown (must be non-negative)",
              events, referenceEvents, unknown));
    }
    if (!(exposure > 0) || !(referenceExposure > 0)) {
      return new MissingEthnicityBounds(null, null, null, UndefinedReason.NO_DENOMINATOR);
    }
    if (referenceEvents + unknown == 0) {
      return new MissingEthnicityBounds(null, null, null, UndefinedReason.ZERO_REFERENCE);
    }
    double low = (events / exposure) / ((referenceEvents + unknown) / referenceExposure);
    Double high =
        referenceEvents == 0
            ? null
            : ((events + unknown) / exposure) / (referenceEvents / referenceExposure);
    Double parity = null;
    if (unknown > 0) {
      double q =
          (exposure * (referenceEvents + unknown) - referenceExposure * events)
              / (unknown * (referenceExposure + exposure));
      parity = q >= 0 && q <= 1 ? q : null;
    }
    return new MissingEthnicityBounds(
        low, high, parity, high == null ? UndefinedReason.ZERO_REFERENCE : null);
  }
}
