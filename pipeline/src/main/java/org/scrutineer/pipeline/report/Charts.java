package org.scrutineer.pipeline.report;

import static org.scrutineer.pipeline.report.Html.esc;
import static org.scrutineer.pipeline.report.Html.key;
import static org.scrutineer.pipeline.report.Numbers.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scrutineer.pipeline.stats.FunnelLimits;

/**
 * The pack's charts as inline SVG, drawn in Java: no script, no fonts, no network. Every plotted
 * value is an element of class {@code pt} carrying the {@code data-key} of the panel cell it shows,
 * and every chart states in {@code data-points} how many it should have, so a browser test can
 * check that each was drawn. Hover text is SVG {@code <title>}. Colours are the Okabe-Ito palette
 * (distinguishable with the common colour-vision deficiencies) and every series is also labelled.
 */
final class Charts {
  private Charts() {}

  /** The Okabe-Ito colour of each group. */
  static String colour(String group) {
    return switch (group) {
      case "Black" -> "#0072B2";
      case "Asian" -> "#D55E00";
      case "Mixed" -> "#009E73";
      case "Other" -> "#CC79A7";
      case "White" -> "#555555";
      default -> "#E69F00";
    };
  }

  private static final String FONT = "font-size=\"12\" fill=\"#222\"";

  private static StringBuilder open(String chart, int width, int height, int points, String label) {
    StringBuilder s = new StringBuilder();
    s.append("<svg class=\"chart\" data-chart=\"")
        .append(chart)
        .append("\" data-points=\"")
        .append(points)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(esc(label))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
    return s;
  }

  private static void text(StringBuilder s, double x, double y, String anchor, String text) {
    s.append("<text x=\"")
        .append(svg(x))
        .append("\" y=\"")
        .append(svg(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" ")
        .append(FONT)
        .append('>')
        .append(esc(text))
        .append("</text>");
  }

  private static void line(
      StringBuilder s, double x1, double y1, double x2, double y2, String stroke, String extra) {
    s.append("<line x1=\"")
        .append(svg(x1))
        .append("\" y1=\"")
        .append(svg(y1))
        .append("\" x2=\"")
        .append(svg(x2))
        .append("\" y2=\"")
        .append(svg(y2))
        .append("\" stroke=\"")
        .append(stroke)
        .append("\" ")
        .append(extra)
        .append("/>");
  }

  /** A point's hover text: "Black: 5.8 (interval 5.3 to 6.4)". */
  private static String hover(String label, String value, String low, String high) {
    return label + ": " + value + " (interval " + low + " to " + high + ")";
  }

  /** A series' line through {@code points} ("x,y x,y ..."). */
  private static void polyline(StringBuilder s, CharSequence points, String colour) {
    s.append("<polyline points=\"")
        .append(points.toString().trim())
        .append("\" fill=\"none\" stroke=\"")
        .append(colour)
        .append("\" stroke-width=\"2\"/>");
  }

  /** A series' name at the end of its line, in its colour. */
  private static void seriesLabel(StringBuilder s, double x, double y, String colour, String name) {
    s.append("<text x=\"")
        .append(svg(x))
        .append("\" y=\"")
        .append(svg(y + 4))
        .append("\" font-size=\"12\" fill=\"")
        .append(colour)
        .append("\">")
        .append(esc(name))
        .append("</text>");
  }

  /** Vertical grid lines and labels of a horizontal axis. */
  private static void xAxis(StringBuilder s, Scale x, double top, double bottom, String title) {
    for (double tick : x.ticks()) {
      double px = x.at(tick);
      line(s, px, top, px, bottom, tick == 1.0 && x.log() ? "#222" : "#ddd", "");
      text(s, px, bottom + 14, "middle", Scale.label(tick));
    }
    text(s, (x.from() + x.to()) / 2, bottom + 30, "middle", title);
  }

  /** Horizontal grid lines and labels of a vertical axis. */
  private static void yAxis(StringBuilder s, Scale y, double left, double right, String title) {
    for (double tick : y.ticks()) {
      double py = y.at(tick);
      line(s, left, py, right, py, tick == 1.0 && y.log() ? "#222" : "#ddd", "");
      text(s, left - 6, py + 4, "end", Scale.label(tick));
    }
    s.append("<text transform=\"translate(14,")
        .append(svg((y.from() + y.to()) / 2))
        .append(") rotate(-90)\" text-anchor=\"middle\" ")
        .append(FONT)
        .append('>')
        .append(esc(title))
        .append("</text>");
  }

  /** One row of a ratio chart: a group's ratio, interval and missing-ethnicity bounds. */
  record RatioRow(
      String group,
      double ratio,
      double low,
      double high,
      Double boundLow,
      Double boundHigh,
      String key) {}

  /**
   * Each group's ratio with its interval (a line), and where published the range the ratio could
   * take if every unrecorded person were in the group or none were (a pale bar), on a log scale.
   */
  static String ratios(List<RatioRow> rows, String reference) {
    int width = 640;
    int rowHeight = 34;
    int top = 10;
    int left = 70;
    int right = width - 20;
    int height = top + rows.size() * rowHeight + 44;
    List<Double> values = new ArrayList<>();
    for (RatioRow r : rows) {
      values.add(r.low());
      values.add(r.high());
      values.add(r.boundLow());
      values.add(r.boundHigh());
    }
    Scale x = Scale.ratios(values, left, right);
    StringBuilder s =
        open(
            "ratios",
            width,
            height,
            rows.size(),
            "Ratio to " + reference + " by group, with intervals and missing-ethnicity bounds");
    double bottom = top + rows.size() * rowHeight;
    xAxis(s, x, top, bottom, "times as likely as " + reference + " people (log scale)");
    for (int i = 0; i < rows.size(); i++) {
      RatioRow r = rows.get(i);
      double cy = top + i * rowHeight + rowHeight / 2.0;
      text(s, left - 8, cy + 4, "end", r.group());
      s.append("<g class=\"pt\"").append(key(r.key())).append('>');
      s.append("<title>")
          .append(
              esc(
                  hover(
                          r.group(),
                          Numbers.ratio(r.ratio()),
                          Numbers.ratio(r.low()),
                          Numbers.ratio(r.high()))
                      + (r.boundLow() == null
                          ? ""
                          : "; if unrecorded ethnicity were allocated: "
                              + Numbers.ratio(r.boundLow())
                              + " to "
                              + Numbers.ratio(r.boundHigh()))))
          .append("</title>");
      if (r.boundLow() != null) {
        s.append("<rect x=\"")
            .append(svg(x.at(r.boundLow())))
            .append("\" y=\"")
            .append(svg(cy - 9))
            .append("\" width=\"")
            .append(svg(Math.max(1, x.at(r.boundHigh()) - x.at(r.boundLow()))))
            .append("\" height=\"18\" fill=\"")
            .append(colour(r.group()))
            .append("\" fill-opacity=\"0.18\" stroke=\"")
            .append(colour(r.group()))
            .append("\" stroke-dasharray=\"3 2\"/>");
      }
      line(s, x.at(r.low()), cy, x.at(r.high()), cy, colour(r.group()), "stroke-width=\"3\"");
      s.append("<circle cx=\"")
          .append(svg(x.at(r.ratio())))
          .append("\" cy=\"")
          .append(svg(cy))
          .append("\" r=\"5\" fill=\"")
          .append(colour(r.group()))
          .append("\"/></g>");
    }
    return s.append("</svg>").toString();
  }

  /** Months from {@code first} to {@code month} ({@code yyyy-MM} both). */
  private static int monthIndex(String first, String month) {
    return (int)
        java.time.temporal.ChronoUnit.MONTHS.between(
            java.time.YearMonth.parse(first), java.time.YearMonth.parse(month));
  }

  /**
   * Each group's ratio over time: the rolling 12-month ratio as a line with its interval as a band
   * (a gap where a window is not shown), each financial year as a square with its interval, and
   * dashed verticals where the series breaks.
   */
  static String trend(PackData.Trend trend, String reference) {
    int width = 640;
    int height = 300;
    int left = 50;
    int right = width - 90;
    int top = 10;
    int bottom = height - 60;
    java.util.TreeSet<String> ends = new java.util.TreeSet<>();
    List<Double> values = new ArrayList<>();
    int points = 0;
    for (List<PackData.TrendPoint> series : trend.byGroup().values()) {
      for (PackData.TrendPoint p : series) {
        ends.add(p.endMonth());
        if (p.ratio() != null) {
          values.add(p.low());
          values.add(p.high());
          points++;
        }
      }
    }
    String first = java.time.YearMonth.parse(ends.first()).minusMonths(2).toString();
    String last = java.time.YearMonth.parse(ends.last()).plusMonths(2).toString();
    Scale y = Scale.ratios(values, bottom, top);
    Scale x = Scale.linear(0, monthIndex(first, last), left, right);
    StringBuilder s =
        open("trend", width, height, points, "Ratio to " + reference + " over time by group");
    yAxis(s, y, left, right, "times as likely (log scale)");
    for (String month : ends) {
      if (month.endsWith("-03")) {
        double px = x.at(monthIndex(first, month));
        line(s, px, bottom, px, bottom + 4, "#222", "");
        text(s, px, bottom + 16, "middle", "Mar " + month.substring(0, 4));
      }
    }
    text(s, (left + right) / 2.0, bottom + 34, "middle", "period ending");
    int b = 0;
    for (Map.Entry<String, String> brk : trend.breaks().entrySet()) {
      double px = x.at(monthIndex(first, brk.getKey())) - 3;
      s.append("<g class=\"break\"><title>")
          .append(esc("Series break at " + brk.getKey() + ": " + brk.getValue()))
          .append("</title>");
      line(s, px, top, px, bottom, "#444", "stroke-dasharray=\"4 3\"");
      text(s, px - 3, top + 12 + 12 * (b++ % 3), "end", brk.getValue());
      s.append("</g>");
    }
    for (Map.Entry<String, List<PackData.TrendPoint>> e : trend.byGroup().entrySet()) {
      String c = colour(e.getKey());
      List<List<double[]>> runs = new ArrayList<>();
      List<double[]> run = new ArrayList<>();
      for (PackData.TrendPoint p : e.getValue()) {
        if (p.year()) {
          continue;
        }
        if (p.ratio() == null) {
          if (!run.isEmpty()) {
            runs.add(run);
            run = new ArrayList<>();
          }
          continue;
        }
        double px = x.at(monthIndex(first, p.endMonth()));
        run.add(new double[] {px, y.at(p.ratio()), y.at(p.low()), y.at(p.high())});
      }
      if (!run.isEmpty()) {
        runs.add(run);
      }
      for (List<double[]> r : runs) {
        StringBuilder band = new StringBuilder();
        for (double[] v : r) {
          band.append(svg(v[0])).append(',').append(svg(v[3])).append(' ');
        }
        for (int i = r.size() - 1; i >= 0; i--) {
          band.append(svg(r.get(i)[0])).append(',').append(svg(r.get(i)[2])).append(' ');
        }
        s.append("<polygon points=\"")
            .append(band.toString().trim())
            .append("\" fill=\"")
            .append(c)
            .append("\" fill-opacity=\"0.15\" stroke=\"none\"/>");
        StringBuilder path = new StringBuilder();
        for (double[] v : r) {
          path.append(svg(v[0])).append(',').append(svg(v[1])).append(' ');
        }
        polyline(s, path, c);
      }
      double lastY = Double.NaN;
      for (PackData.TrendPoint p : e.getValue()) {
        if (p.ratio() == null) {
          continue;
        }
        double px = x.at(monthIndex(first, p.endMonth()));
        double py = y.at(p.ratio());
        lastY = py;
        String label =
            hover(
                e.getKey()
                    + (p.year()
                        ? ", financial year " + p.period()
                        : ", 12 months to " + p.endMonth()),
                Numbers.ratio(p.ratio()),
                Numbers.ratio(p.low()),
                Numbers.ratio(p.high()));
        if (p.year()) {
          s.append("<g class=\"pt\"")
              .append(key(p.key()))
              .append("><title>")
              .append(esc(label))
              .append("</title>");
          line(s, px, y.at(p.low()), px, y.at(p.high()), c, "stroke-width=\"2\"");
          s.append("<rect x=\"")
              .append(svg(px - 5))
              .append("\" y=\"")
              .append(svg(py - 5))
              .append("\" width=\"10\" height=\"10\" fill=\"#fff\" stroke=\"")
              .append(c)
              .append("\" stroke-width=\"2\"/></g>");
        } else {
          s.append("<circle class=\"pt\" cx=\"")
              .append(svg(px))
              .append("\" cy=\"")
              .append(svg(py))
              .append("\" r=\"2.5\" fill=\"")
              .append(c)
              .append("\"><title>")
              .append(esc(label))
              .append("</title></circle>");
        }
      }
      if (!Double.isNaN(lastY)) {
        seriesLabel(s, right + 6, lastY, c, e.getKey());
      }
    }
    return s.append("</svg>").toString();
  }

  /**
   * A funnel plot: each district's ratio against the events expected at the district's own
   * reference rate, with the force's ratio and its 95% and 99.8% limits, which narrow as the
   * expected count grows.
   */
  static String funnel(PackData.Funnel funnel, String reference) {
    int width = 640;
    int height = 320;
    int left = 55;
    int right = width - 20;
    int top = 10;
    int bottom = height - 50;
    double maxExpected = 1;
    List<Double> values = new ArrayList<>();
    values.add(funnel.target());
    for (PackData.FunnelPoint p : funnel.points()) {
      maxExpected = Math.max(maxExpected, p.expected());
      values.add(p.ratio());
    }
    double xMax = maxExpected * 1.1;
    double xMin = Math.max(0.5, xMax / 2000);
    for (PackData.FunnelPoint p : funnel.points()) {
      xMin = Math.min(xMin, p.expected() * 0.8);
    }
    xMin = Math.max(0.5, xMin);
    List<double[]> curve = new ArrayList<>();
    for (int i = 0; i <= 60; i++) {
      double e = xMin * Math.pow(xMax / xMin, i / 60.0);
      FunnelLimits inner = FunnelLimits.of(e, funnel.target(), 0.95);
      FunnelLimits outer = FunnelLimits.of(e, funnel.target(), 0.998);
      curve.add(new double[] {e, inner.low(), inner.high(), outer.low(), outer.high()});
      if (e > maxExpected * 0.3) {
        values.add(outer.low());
        values.add(outer.high());
      }
    }
    Scale x = Scale.log(xMin, xMax, left, right);
    Scale y = Scale.ratios(values, bottom, top);
    StringBuilder s =
        open(
            "funnel",
            width,
            height,
            funnel.points().size(),
            funnel.group() + " to " + reference + " ratio by district against expected events");
    yAxis(s, y, left, right, "ratio (log scale)");
    text(
        s,
        (left + right) / 2.0,
        bottom + 32,
        "middle",
        "events expected at the district's " + reference + " rate (log scale)");
    for (double tick : logTicks(xMin, xMax)) {
      text(s, x.at(tick), bottom + 14, "middle", Scale.label(tick));
    }
    for (int k = 1; k <= 4; k++) {
      StringBuilder path = new StringBuilder();
      for (double[] c : curve) {
        double v = c[k];
        if (Double.isFinite(v) && v > 0) {
          path.append(svg(x.at(c[0]))).append(',').append(svg(y.at(v))).append(' ');
        }
      }
      s.append("<polyline points=\"")
          .append(path.toString().trim())
          .append("\" fill=\"none\" stroke=\"#666\" stroke-width=\"1.2\"")
          .append(k <= 2 ? " stroke-dasharray=\"5 3\"" : "")
          .append("/>");
    }
    line(
        s,
        left,
        y.at(funnel.target()),
        right,
        y.at(funnel.target()),
        "#222",
        "stroke-width=\"1.5\"");
    text(s, right - 4, y.at(funnel.target()) - 5, "end", "force " + Numbers.ratio(funnel.target()));
    String c = colour(funnel.group());
    for (PackData.FunnelPoint p : funnel.points()) {
      s.append("<circle class=\"pt\"")
          .append(key(p.key()))
          .append(" cx=\"")
          .append(svg(x.at(p.expected())))
          .append("\" cy=\"")
          .append(svg(y.at(p.ratio())))
          .append("\" r=\"")
          .append(p.focus() ? 7 : 5)
          .append("\" fill=\"")
          .append(c)
          .append("\" fill-opacity=\"0.8\" stroke=\"")
          .append(p.focus() ? "#000" : "#fff")
          .append("\" stroke-width=\"")
          .append(p.focus() ? 2.5 : 1)
          .append("\"><title>")
          .append(
              esc(
                  p.name()
                      + ": "
                      + Numbers.ratio(p.ratio())
                      + " ("
                      + Words.funnel(p.position()).toLowerCase(java.util.Locale.ROOT)
                      + ")"))
          .append("</title></circle>");
    }
    return s.append("</svg>").toString();
  }

  private static List<Double> logTicks(double min, double max) {
    List<Double> ticks = new ArrayList<>();
    for (double decade = Math.pow(10, Math.floor(Math.log10(min))); decade <= max; decade *= 10) {
      for (double m : new double[] {1, 2, 5}) {
        double v = decade * m;
        if (v >= min && v <= max) {
          ticks.add(v);
        }
      }
    }
    return ticks;
  }

  /** One row of a rate chart: a group's share with its interval. */
  record RateRow(String label, String group, double rate, double low, double high, String key) {}

  /** Shares (percentages) with intervals, one row per group, on a linear scale from 0. */
  static String shares(String chart, List<RateRow> rows, String title) {
    int width = 640;
    int rowHeight = 26;
    int left = 230;
    int right = width - 20;
    int top = 10;
    int height = top + rows.size() * rowHeight + 44;
    double max = 0.1;
    for (RateRow r : rows) {
      max = Math.max(max, r.high());
    }
    Scale x = Scale.linear(0, Math.min(1, max * 1.1) * 100, left, right);
    StringBuilder s = open(chart, width, height, rows.size(), title);
    double bottom = top + rows.size() * rowHeight;
    xAxis(s, x, top, bottom, "per cent");
    for (int i = 0; i < rows.size(); i++) {
      RateRow r = rows.get(i);
      double cy = top + i * rowHeight + rowHeight / 2.0;
      text(s, left - 8, cy + 4, "end", r.label());
      s.append("<g class=\"pt\"")
          .append(key(r.key()))
          .append("><title>")
          .append(
              esc(
                  hover(
                      r.label(),
                      Numbers.percent(r.rate()),
                      Numbers.percent(r.low()),
                      Numbers.percent(r.high()))))
          .append("</title>");
      line(
          s,
          x.at(r.low() * 100),
          cy,
          x.at(r.high() * 100),
          cy,
          colour(r.group()),
          "stroke-width=\"3\"");
      s.append("<circle cx=\"")
          .append(svg(x.at(r.rate() * 100)))
          .append("\" cy=\"")
          .append(svg(cy))
          .append("\" r=\"5\" fill=\"")
          .append(colour(r.group()))
          .append("\"/></g>");
    }
    return s.append("</svg>").toString();
  }

  /**
   * The cascade: each group's count per 1,000 residents at each stage from search to charge, as
   * lines across the stages on a log scale.
   */
  static String cascade(Map<String, List<PackData.StageValue>> cascade) {
    int width = 640;
    int height = 300;
    int left = 55;
    int right = width - 80;
    int top = 10;
    int bottom = height - 50;
    List<Double> values = new ArrayList<>();
    int points = 0;
    for (List<PackData.StageValue> stages : cascade.values()) {
      for (PackData.StageValue v : stages) {
        if (v.per1000() != null && v.per1000() > 0) {
          values.add(v.per1000());
          points++;
        }
      }
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0.01);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(10);
    Scale y =
        Scale.log(
            Math.pow(10, Math.floor(Math.log10(min))),
            Math.pow(10, Math.ceil(Math.log10(max))),
            bottom,
            top);
    int stages = PackData.STAGES.size();
    Scale x = Scale.linear(0, stages - 1, left + 30, right - 10);
    StringBuilder s = open("cascade", width, height, points, "Per 1,000 residents at each stage");
    for (double tick : logTicks(y.min(), y.max())) {
      double py = y.at(tick);
      line(s, left, py, right, py, "#ddd", "");
      text(s, left - 6, py + 4, "end", Scale.label(tick));
    }
    s.append("<text transform=\"translate(14,")
        .append(svg((top + bottom) / 2.0))
        .append(") rotate(-90)\" text-anchor=\"middle\" ")
        .append(FONT)
        .append(">per 1,000 residents (log scale)</text>");
    for (int i = 0; i < stages; i++) {
      text(s, x.at(i), bottom + 16, "middle", PackData.STAGES.get(i).label());
    }
    for (Map.Entry<String, List<PackData.StageValue>> e : cascade.entrySet()) {
      String c = colour(e.getKey());
      StringBuilder path = new StringBuilder();
      double lastY = Double.NaN;
      for (int i = 0; i < e.getValue().size(); i++) {
        PackData.StageValue v = e.getValue().get(i);
        if (v.per1000() == null || !(v.per1000() > 0)) {
          if (path.length() > 0) {
            polyline(s, path, c);
            path.setLength(0);
          }
          continue;
        }
        lastY = y.at(v.per1000());
        path.append(svg(x.at(i))).append(',').append(svg(lastY)).append(' ');
      }
      if (path.length() > 0) {
        polyline(s, path, c);
      }
      for (int i = 0; i < e.getValue().size(); i++) {
        PackData.StageValue v = e.getValue().get(i);
        if (v.per1000() == null || !(v.per1000() > 0)) {
          continue;
        }
        s.append("<circle class=\"pt\"")
            .append(key(v.key()))
            .append(" cx=\"")
            .append(svg(x.at(i)))
            .append("\" cy=\"")
            .append(svg(y.at(v.per1000())))
            .append("\" r=\"4\" fill=\"")
            .append(c)
            .append("\"><title>")
            .append(
                esc(
                    e.getKey()
                        + ", "
                        + PackData.STAGES.get(i).label().toLowerCase(java.util.Locale.ROOT)
                        + ": "
                        + Numbers.rate(v.per1000())
                        + " per 1,000"))
            .append("</title></circle>");
      }
      if (!Double.isNaN(lastY)) {
        seriesLabel(s, right - 4, lastY, c, e.getKey());
      }
    }
    return s.append("</svg>").toString();
  }

  /** Months submitted by each power: a filled square per month submitted, an open one if not. */
  static String coverage(Map<String, Map<String, String>> byPower) {
    List<String> months = new ArrayList<>();
    byPower
        .values()
        .forEach(
            m ->
                m.keySet()
                    .forEach(
                        k -> {
                          if (!months.contains(k)) {
                            months.add(k);
                          }
                        }));
    months.sort(null);
    int left = 150;
    int cell = Math.max(6, Math.min(16, 480 / Math.max(1, months.size())));
    int width = left + months.size() * cell + 20;
    int height = 20 + byPower.size() * 22 + 30;
    int points = byPower.values().stream().mapToInt(Map::size).sum();
    StringBuilder s = open("coverage", width, height, points, "Months submitted by power");
    int row = 0;
    for (Map.Entry<String, Map<String, String>> e : byPower.entrySet()) {
      double y = 20 + row * 22;
      text(s, left - 8, y + 12, "end", Words.title(e.getKey()));
      for (int i = 0; i < months.size(); i++) {
        String submission = e.getValue().get(months.get(i));
        if (submission == null) {
          continue;
        }
        boolean submitted = "submitted".equals(submission);
        s.append("<rect class=\"pt\" x=\"")
            .append(left + i * cell)
            .append("\" y=\"")
            .append(svg(y))
            .append("\" width=\"")
            .append(cell - 2)
            .append("\" height=\"16\" fill=\"")
            .append(submitted ? "#0072B2" : "#fff")
            .append("\" stroke=\"")
            .append(submitted ? "#0072B2" : "#D55E00")
            .append("\" stroke-width=\"1.5\"><title>")
            .append(esc(months.get(i) + ": " + submission.replace('_', ' ')))
            .append("</title></rect>");
      }
      row++;
    }
    if (!months.isEmpty()) {
      text(s, left, height - 6, "start", months.get(0));
      text(s, left + months.size() * cell, height - 6, "end", months.get(months.size() - 1));
    }
    return s.append("</svg>").toString();
  }
}
