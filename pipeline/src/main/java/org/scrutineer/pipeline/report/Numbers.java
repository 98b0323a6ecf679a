package org.scrutineer.pipeline.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the pack writes numbers, in one place: ratios to one decimal place (the Race Disparity Unit's
 * convention), rates per 1,000 to one decimal place (two below 1), shares as percentages to one
 * decimal place, counts with thousands separators. Rounding is half up on the decimal value as
 * published, so 5.75 reads 5.8 as it would in Excel.
 */
final class Numbers {
  private Numbers() {}

  /** {@code value} rounded half up to {@code places} decimals, as text. */
  static String fixed(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
  }

  /** A ratio: one decimal place. */
  static String ratio(double value) {
    return fixed(value, 1);
  }

  /** A rate per 1,000: one decimal place, two below 1 (so 0.04 does not read 0.0). */
  static String rate(double value) {
    return fixed(value, value < 1 ? 2 : 1);
  }

  /** A share (0 to 1) as a percentage with one decimal place and the sign. */
  static String percent(double share) {
    return fixed(share * 100, 1) + "%";
  }

  /** A count with thousands separators. */
  static String count(double value) {
    return String.format(Locale.UK, "%,d", Math.round(value));
  }

  /** A coordinate for SVG: two decimals, no exponent. */
  static String svg(double value) {
    return fixed(value, 2);
  }
}
