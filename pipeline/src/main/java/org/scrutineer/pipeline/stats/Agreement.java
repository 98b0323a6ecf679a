package org.scrutineer.pipeline.stats;

/**
 * Agreement between two codings of the same records (officer-perceived against self-defined
 * ethnicity): percentage agreement {@code p_o = sum_k n_kk / n}, chance agreement {@code p_e =
 * sum_k (n_k. / n)(n_.k / n)} and Cohen's kappa {@code (p_o - p_e) / (1 - p_e)} (METHODS.md section
 * 0), with the large-sample interval {@code kappa +/- z sqrt(p_o (1 - p_o) / (n (1 - p_e)^2))}
 * (Cohen 1960).
 *
 * @param records records coded both ways
 * @param agreement {@code p_o}, null without records
 * @param kappa Cohen's kappa, null without records or when {@code p_e = 1} (one category only)
 * @param kappaInterval its interval, undefined when kappa is
 */
public record Agreement(long records, Double agreement, Double kappa, Interval kappaInterval) {

  /**
   * Computes agreement from a square table: {@code table[i][j]} counts records coded {@code i} one
   * way and {@code j} the other.
   */
  public static Agreement of(long[][] table, double level) {
    int k = table.length;
    long n = 0;
    long diagonal = 0;
    long[] rows = new long[k];
    long[] columns = new long[k];
    for (int i = 0; i < k; i++) {
      if (table[i].length != k) {
        throw new IllegalArgumentException("The agreement table must be square");
      }
      for (int j = 0; j < k; j++) {
        long c = table[i][j];
        if (c < 0) {
          throw new IllegalArgumentException("Counts must be non-negative");
        }
        n += c;
        rows[i] += c;
        columns[j] += c;
        if (i == j) {
          diagonal += c;
        }
      }
    }
    double z = Confidence.z(level);
    if (n == 0) {
      return new Agreement(0, null, null, Interval.UNDEFINED);
    }
    double po = (double) diagonal / n;
    double pe = 0;
    for (int i = 0; i < k; i++) {
      pe += ((double) rows[i] / n) * ((double) columns[i] / n);
    }
    if (pe >= 1) {
      return new Agreement(n, po, null, Interval.UNDEFINED);
    }
    double kappa = (po - pe) / (1 - pe);
    double se = Math.sqrt(po * (1 - po) / (n * (1 - pe) * (1 - pe)));
    return new Agreement(
        n, po, kappa, new Interval(Math.max(-1.0, kappa - z * se), Math.min(1.0, kappa + z * se)));
  }
}
