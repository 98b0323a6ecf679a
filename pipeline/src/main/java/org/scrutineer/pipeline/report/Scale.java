package org.scrutineer.pipeline.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart axis: maps a value in {@code [min, max]} onto {@code [from, to]} pixels, linearly or on a
 * log scale (ratios: 2 and 0.5 are as far from 1).
 */
record Scale(double min, double max, double from, double to, boolean log) {

  static Scale linear(double min, double max, double from, double to) {
    return new Scale(min, max == min ? min + 1 : max, from, to, false);
  }

  static Scale log(double min, double max, double from, double to) {
    return new Scale(min, max <= min ? min * 2 : max, from, to, true);
  }

  /** A log scale for ratios that shows 1 and every value given (nulls ignored). */
  static Scale ratios(List<Double> values, double from, double to) {
    double low = 0.5;
    double high = 2;
    for (Double v : values) {
      if (v != null && v > 0) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    return log(Math.pow(2, Math.floor(log2(low))), Math.pow(2, Math.ceil(log2(high))), from, to);
  }

  double at(double value) {
    double v = Math.max(min, Math.min(max, value));
    double t =
        log
            ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min))
            : (v - min) / (max - min);
    return from + t * (to - from);
  }

  /** Tick values: powers of two on a log scale, round steps on a linear one. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    if (log) {
      for (double v = min; v <= max * 1.0001; v *= 2) {
        ticks.add(v);
      }
      return ticks;
    }
    double span = max - min;
    double step = Math.pow(10, Math.floor(Math.log10(span / 4)));
    if (span / step > 10) {
      step *= 5;
    } else if (span / step > 5) {
      step *= 2;
    }
    for (double v = Math.ceil(min / step) * step; v <= max + step / 1e6; v += step) {
      ticks.add(v);
    }
    return ticks;
  }

  /** A tick's label: no needless decimals. */
  static String label(double value) {
    if (value >= 1 && Math.abs(value - Math.rint(value)) < 1e-9) {
      return String.valueOf((long) Math.rint(value));
    }
    return Numbers.fixed(value, value < 0.1 ? 3 : value < 1 ? 2 : 1)
        .replaceAll("0+$", "")
        .replaceAll("\\.$", "");
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
