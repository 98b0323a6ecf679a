package org.scrutineer.pipeline.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg false discovery rate q-values (adjusted p-values), as R's {@code p.adjust(p,
 * "BH")}: sort the {@code m} p-values ascending, {@code q_(i) = min over j >= i of p_(j) m / j},
 * capped at 1, returned in the input order. Null p-values (undefined tests) are left out of {@code
 * m} and stay null.
 */
public final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  /** The q-value of each p-value, in the same order. */
  public static Double[] qValues(Double[] pValues) {
    Integer[] order =
        java.util.stream.IntStream.range(0, pValues.length)
            .filter(i -> pValues[i] != null)
            .boxed()
            .toArray(Integer[]::new);
    for (Integer i : order) {
      if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
        throw new IllegalArgumentException(
            String.format("Invalid p-value at %d: %s (must be in [0, 1])", i, pValues[i]));
      }
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    int m = order.length;
    Double[] q = new Double[pValues.length];
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, pValues[i] * m / rank);
      q[i] = running;
    }
    return q;
  }
}
