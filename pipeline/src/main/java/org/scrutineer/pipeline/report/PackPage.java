package org.scrutineer.pipeline.report;

import static org.scrutineer.pipeline.report.Html.esc;
import static org.scrutineer.pipeline.report.Html.key;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scrutineer.pipeline.disclosure.SmallNumbers;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.PeriodType;
import org.scrutineer.pipeline.schema.Power;

/**
 * The pack's page: one self-contained HTML file (styles inline, charts as inline SVG, no script, no
 * font or image fetched) that reads on a phone and prints to A4. Every number on it is a panel
 * table value, or derived from published values only; each element showing one carries the {@code
 * data-key} of its panel cell.
 */
final class PackPage {
  private final PackData data;
  private final DistrictMap maps;
  private final String level;
  private final StringBuilder out = new StringBuilder(1 << 16);

  private PackPage(PackData data, DistrictMap maps) {
    this.data = data;
    this.maps = maps;
    this.level = data.intervalLevel;
  }

  /** The page of an area's pack. */
  static String render(PackData data, DistrictMap maps) {
    return new PackPage(data, maps).page();
  }

  private String areaTitle() {
    ResultsFolder.Area area = data.area;
    return GeographyLevel.FORCE.equals(area.level())
        ? data.forceName
        : area.name()
            + " ("
            + (GeographyLevel.CSP.equals(area.level())
                ? "Community Safety Partnership"
                : "district")
            + " in "
            + data.forceName
            + ")";
  }

  private String page() {
    String title = "Police powers and ethnicity: " + areaTitle();
    out.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(title))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(esc(title))
        .append("</h1>\n<p class=\"sub\">A panel pack from Scrutineer: run ")
        .append(esc(data.manifest.path("run").path("run_id").asText()))
        .append(", records from ")
        .append(esc(data.manifest.path("window").path("from").asText("?")))
        .append(" to ")
        .append(esc(data.manifest.path("window").path("to").asText("?")))
        .append(". Small numbers are not shown.</p>\n</header>\n");
    List<String> powers = data.powers();
    nav(powers);
    out.append("<main>\n");
    summary(powers);
    for (String power : powers) {
      power(power);
    }
    cascade();
    quality(powers);
    method();
    caveats();
    glossary();
    about();
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private void nav(List<String> powers) {
    out.append("<nav aria-label=\"Contents\"><ul>");
    out.append("<li><a href=\"#summary\">Summary</a></li>");
    for (String power : powers) {
      out.append("<li><a href=\"#")
          .append(power)
          .append("\">")
          .append(esc(Words.title(power)))
          .append("</a></li>");
    }
    out.append("<li><a href=\"#cascade\">Search to charge</a></li>")
        .append("<li><a href=\"#quality\">Data quality</a></li>")
        .append("<li><a href=\"#method\">How to read this</a></li>")
        .append("<li><a href=\"#caveats\">Caveats</a></li>")
        .append("<li><a href=\"#glossary\">Glossary</a></li></ul></nav>\n");
  }

  /** The headline sentences of every power, in the Race Disparity Unit's style. */
  private void summary(List<String> powers) {
    out.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
    if (powers.isEmpty()) {
      out.append("<p>The run published no results for this area.</p>");
    }
    for (String power : powers) {
      PackData.Period period = data.headlinePeriod(power);
      if (period == null) {
        continue;
      }
      out.append("<h3>")
          .append(esc(Words.title(power)))
          .append(", ")
          .append(esc(period.words()))
          .append("</h3>\n");
      if (!period.complete()) {
        out.append(
            "<p class=\"warn\">Not every month of this year was submitted: these figures"
                + " cover the months that were.</p>\n");
      }
      out.append("<ul class=\"sentences\">\n");
      Map<String, List<String>> notShown = new java.util.LinkedHashMap<>();
      for (String group : data.comparedGroups()) {
        CsvTable.Row row = row(power, period.year(), group);
        if (PackData.ratioPublished(row)) {
          out.append("<li class=\"sentence\"")
              .append(key(Keys.of(row)))
              .append('>')
              .append(esc(sentence(power, group, row)))
              .append("</li>\n");
        } else {
          notShown.computeIfAbsent(whyNoRatio(row), k -> new ArrayList<>()).add(group);
        }
      }
      notShown.forEach(
          (why, groups) ->
              out.append("<li class=\"sentence na\">No comparison for ")
                  .append(esc(Words.list(groups)))
                  .append(" people: ")
                  .append(esc(why))
                  .append("</li>\n"));
      out.append("</ul>\n");
    }
    out.append("</section>\n");
  }

  private CsvTable.Row row(String power, String year, String group) {
    return data.panelRow(
        power, PeriodType.FINANCIAL_YEAR, year, data.area.level(), data.area.code(), group);
  }

  /** Why a group has no published ratio, in words, from its panel flag. */
  private static String whyNoRatio(CsvTable.Row row) {
    String flag = row == null ? "" : row.text("flag");
    return switch (flag) {
      case SmallNumbers.SUPPRESSED ->
          "their numbers are not shown (small numbers, or numbers from which a small one could be"
              + " worked out).";
      case SmallNumbers.RATIO_SUPPRESSED, SmallNumbers.RATE_SUPPRESSED ->
          "too few people in the group or the comparison group to give a ratio.";
      default -> "there is no ratio for this year (no events, or no residents to compare with).";
    };
  }

  /**
   * The sentence a panel can read aloud for a group with a published ratio, in the Race Disparity
   * Unit's style: "Black people were 5.8 times as likely as White people to be stopped and searched
   * (95% interval 5.3 to 6.4)."
   */
  String sentence(String power, String group, CsvTable.Row row) {
    String people = Words.people(group);
    String reference = Words.people(data.reference);
    double ratio = row.number("ratio");
    String interval =
        "("
            + level
            + " interval "
            + Numbers.ratio(row.number("ratio_ci_low"))
            + " to "
            + Numbers.ratio(row.number("ratio_ci_high"))
            + ")";
    String text;
    if (Numbers.ratio(ratio).equals("1.0")) {
      text =
          people
              + " were about as likely as "
              + reference
              + " "
              + Words.happened(power)
              + " "
              + interval
              + ".";
    } else if (ratio > 1) {
      text =
          people
              + " were "
              + Numbers.ratio(ratio)
              + " times as likely as "
              + reference
              + " "
              + Words.happened(power)
              + " "
              + interval
              + ".";
    } else {
      text =
          people
              + " were less likely than "
              + reference
              + " "
              + Words.happened(power)
              + ": "
              + Numbers.ratio(ratio)
              + " times as likely "
              + interval
              + ".";
    }
    if (row.number("ratio_ci_low") <= 1 && row.number("ratio_ci_high") >= 1) {
      text += " The interval includes 1, so the difference could be chance.";
    }
    String flag = Words.flag(row.text("flag"));
    return flag.isEmpty() ? text : text + " " + flag;
  }

  private void power(String power) {
    PackData.Period period = data.headlinePeriod(power);
    out.append("<section id=\"")
        .append(power)
        .append("\">\n<h2>")
        .append(esc(Words.title(power)))
        .append("</h2>\n");
    if (period == null) {
      out.append("<p>No financial-year results for this area.</p>\n</section>\n");
      return;
    }
    out.append("<p>Financial year ")
        .append(esc(period.year()))
        .append(" (")
        .append(esc(period.words()))
        .append("), counted by where the event happened.")
        .append(period.complete() ? "" : " <strong>Not every month was submitted.</strong>")
        .append("</p>\n");
    headlineTable(power, period.year());
    boundsChart(power, period.year());
    trendChart(power);
    districts(power, period.year());
    if (Power.STOP_SEARCH.code().equals(power)) {
      outcomes(period.year());
    }
    out.append("</section>\n");
  }

  private void headlineTable(String power, String year) {
    out.append(
            "<h3>Rates and ratios</h3>\n<div class=\"scroll\"><table class=\"data\""
                + " data-table=\"headline\">\n<caption>")
        .append(esc(Words.title(power)))
        .append(" by ethnic group, ")
        .append(esc(year))
        .append("</caption>\n<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">")
        .append(esc(Words.events(power)))
        .append(
            "</th><th scope=\"col\">Residents</th><th scope=\"col\">Rate per 1,000"
                + " residents (interval)</th><th scope=\"col\">Times as likely as ")
        .append(esc(Words.people(data.reference)))
        .append(" (interval)</th><th scope=\"col\">Note</th></tr></thead>\n<tbody>\n");
    for (String group : PackData.allGroups()) {
      CsvTable.Row row = row(power, year, group);
      if (row == null) {
        continue;
      }
      out.append("<tr")
          .append(key(Keys.of(row)))
          .append("><th scope=\"row\">")
          .append(esc(group))
          .append("</th>");
      boolean published = PackData.published(row);
      out.append("<td class=\"num\">")
          .append(
              published
                  ? Numbers.count(row.number("events"))
                  : "<span class=\"na\">not shown</span>")
          .append("</td><td class=\"num\">")
          .append(
              row.number("population") == null
                  ? "&ndash;"
                  : Numbers.count(row.number("population")))
          .append("</td><td class=\"num\">");
      Double rate = row.number("rate_per_1000");
      if (published && rate != null && row.number("rate_ci_low") != null) {
        out.append(
            withInterval(
                Numbers.rate(rate),
                Numbers.rate(row.number("rate_ci_low")),
                Numbers.rate(row.number("rate_ci_high"))));
      } else {
        out.append("&ndash;");
      }
      out.append("</td><td class=\"num\">");
      if (group.equals(data.reference)) {
        out.append("comparison group");
      } else if (PackData.ratioPublished(row)) {
        out.append(
            withInterval(
                "<strong>" + Numbers.ratio(row.number("ratio")) + "</strong>",
                Numbers.ratio(row.number("ratio_ci_low")),
                Numbers.ratio(row.number("ratio_ci_high"))));
      } else {
        out.append("&ndash;");
      }
      out.append("</td><td>").append(esc(note(group, row))).append("</td></tr>\n");
    }
    out.append("</tbody></table></div>\n");
  }

  private String note(String group, CsvTable.Row row) {
    if (EthnicGroup.UNKNOWN.label().equals(group)) {
      return "Ethnicity not recorded: no residents to compare with.";
    }
    return Words.flag(row.text("flag"));
  }

  private void boundsChart(String power, String year) {
    List<Charts.RatioRow> rows = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    for (String group : data.comparedGroups()) {
      CsvTable.Row row = row(power, year, group);
      if (!PackData.ratioPublished(row)) {
        continue;
      }
      PackData.Bounds bounds = data.bounds(row);
      rows.add(
          new Charts.RatioRow(
              group,
              row.number("ratio"),
              row.number("ratio_ci_low"),
              row.number("ratio_ci_high"),
              bounds == null ? null : bounds.low(),
              bounds == null ? null : bounds.high(),
              Keys.of(row)));
      table
          .append("<tr")
          .append(key(Keys.of(row)))
          .append("><th scope=\"row\">")
          .append(esc(group))
          .append("</th><td class=\"num\">")
          .append(Numbers.ratio(row.number("ratio")))
          .append("</td><td class=\"num\">")
          .append(
              bounds == null
                  ? "not shown (small numbers)"
                  : Numbers.ratio(bounds.low()) + " to " + Numbers.ratio(bounds.high()))
          .append("</td></tr>\n");
    }
    out.append("<h3>If ethnicity had always been recorded</h3>\n");
    CsvTable.Row all = row(power, year, EthnicGroup.ALL);
    Double share = all == null ? null : data.unknownShare(all);
    out.append("<p>")
        .append(
            share == null
                ? "The share of records without an ethnicity is not shown (small numbers)."
                : "Ethnicity was not recorded for " + Numbers.percent(share) + " of records.")
        .append(
            " The ratios above leave those records out. The pale bar shows where a ratio"
                + " would be if every unrecorded person were in the group (its right end) or none"
                + " were (its left end); the dot and line are the ratio and its interval.</p>\n");
    if (rows.isEmpty()) {
      out.append("<p class=\"na\">No group has a ratio to show for this year.</p>\n");
      return;
    }
    figure(
        Charts.ratios(rows, data.reference),
        "Ratio to "
            + data.reference
            + " people with its interval and the range under unrecorded ethnicity");
    out.append(
            "<details><summary>Data: the range under unrecorded ethnicity</summary>"
                + "<div class=\"scroll\"><table class=\"data\" data-table=\"bounds\"><thead><tr>"
                + "<th scope=\"col\">Group</th><th scope=\"col\">Ratio</th><th scope=\"col\">If"
                + " none to all of the unrecorded were in the group</th></tr></thead><tbody>\n")
        .append(table)
        .append("</tbody></table></div></details>\n");
  }

  private void trendChart(String power) {
    PackData.Trend trend = data.trend(power);
    out.append("<h3>Trend</h3>\n");
    if (!trend.hasPoints()) {
      out.append(
          "<p class=\"na\">No ratio over time is shown for this area (small" + " numbers).</p>\n");
      return;
    }
    out.append("<p>Squares are financial years (April to March) with their intervals. ")
        .append(
            trend.hasRolling()
                ? "The line is the ratio over the 12 months ending each month, its interval the"
                    + " band; "
                : "")
        .append(
            "a rolling 12-month ratio is shown only where every month in it is published,"
                + " since the others would give a small number away. Dashed lines mark breaks in the"
                + " series, where the figures are not like for like.</p>\n");
    figure(Charts.trend(trend, data.reference), "Ratio to " + data.reference + " people over time");
    out.append(
        "<details><summary>Data: ratios over time</summary><div class=\"scroll\">"
            + "<table class=\"data\" data-table=\"trend\"><thead><tr><th scope=\"col\">Period"
            + "</th>");
    for (String group : trend.byGroup().keySet()) {
      out.append("<th scope=\"col\">").append(esc(group)).append("</th>");
    }
    out.append("<th scope=\"col\">Series break</th></tr></thead><tbody>\n");
    List<PackData.TrendPoint> first = trend.byGroup().values().iterator().next();
    for (int i = 0; i < first.size(); i++) {
      int row = i;
      boolean any = trend.byGroup().values().stream().anyMatch(l -> l.get(row).ratio() != null);
      if (!any) {
        continue;
      }
      PackData.TrendPoint head = first.get(i);
      out.append("<tr><th scope=\"row\">")
          .append(
              esc(
                  head.year()
                      ? "Financial year " + head.period()
                      : "12 months to " + head.endMonth()))
          .append("</th>");
      for (List<PackData.TrendPoint> series : trend.byGroup().values()) {
        PackData.TrendPoint p = series.get(i);
        out.append("<td class=\"num\"")
            .append(key(p.key()))
            .append('>')
            .append(
                p.ratio() == null
                    ? "&ndash;"
                    : withInterval(
                        Numbers.ratio(p.ratio()), Numbers.ratio(p.low()), Numbers.ratio(p.high())))
            .append("</td>");
      }
      out.append("<td>")
          .append(esc(trend.breaks().getOrDefault(head.endMonth(), "")))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table></div></details>\n");
  }

  private void districts(String power, String year) {
    out.append("<h3>Districts</h3>\n");
    List<PackData.Funnel> funnels = data.funnels(power, year);
    Map<String, List<PackData.DistrictRatio>> ratios = data.districtRatios(power, year);
    boolean any = ratios.values().stream().anyMatch(l -> !l.isEmpty());
    if (!any) {
      out.append(
          "<p class=\"na\">The run has no district results for this power (it needs"
              + " locations and boundary files).</p>\n");
      return;
    }
    out.append(
        "<p>A funnel plot sets each district's ratio against the force's. Districts"
            + " inside the funnel differ from the force by no more than chance would give (95%"
            + " limits dashed, 99.8% solid); the funnel narrows where there are more events. Hover"
            + " over a point for its district.</p>\n");
    for (PackData.Funnel funnel : funnels) {
      out.append("<h4>")
          .append(esc(funnel.group()))
          .append(" and ")
          .append(esc(data.reference))
          .append(" people</h4>\n");
      figure(
          Charts.funnel(funnel, data.reference),
          funnel.group() + " to " + data.reference + " ratio by district");
      if (funnel.hidden() > 0) {
        out.append("<p class=\"na\">")
            .append(funnel.hidden())
            .append(funnel.hidden() == 1 ? " district has" : " districts have")
            .append(" no ratio shown (small numbers).</p>\n");
      }
      out.append(
          "<div class=\"scroll\"><table class=\"data\" data-table=\"funnel\"><thead><tr>"
              + "<th scope=\"col\">District</th><th scope=\"col\">Ratio (interval)</th>"
              + "<th scope=\"col\">Expected events</th><th scope=\"col\">Against the force</th>"
              + "</tr></thead><tbody>\n");
      for (PackData.FunnelPoint p : funnel.points()) {
        out.append("<tr")
            .append(key(p.key()))
            .append(p.focus() ? " class=\"focus\"" : "")
            .append("><th scope=\"row\">")
            .append(esc(p.name()))
            .append("</th><td class=\"num\">")
            .append(
                withInterval(
                    Numbers.ratio(p.ratio()), Numbers.ratio(p.low()), Numbers.ratio(p.high())))
            .append("</td><td class=\"num\">")
            .append(Numbers.fixed(p.expected(), 1))
            .append("</td><td>")
            .append(esc(Words.funnel(p.position())))
            .append("</td></tr>\n");
      }
      out.append("</tbody></table></div>\n");
    }
    out.append("<h4>Map</h4>\n");
    String why = maps.unavailable(year);
    if (why != null) {
      out.append("<p class=\"placeholder\">").append(esc(why)).append("</p>\n");
      return;
    }
    out.append("<div class=\"maps\">");
    boolean drawn = false;
    for (Map.Entry<String, List<PackData.DistrictRatio>> e : ratios.entrySet()) {
      if (e.getValue().stream().noneMatch(d -> d.ratio() != null)) {
        continue;
      }
      String svg = maps.draw(year, e.getKey(), e.getValue(), data.area.code(), data.reference);
      if (svg == null) {
        continue;
      }
      drawn = true;
      out.append("<figure class=\"map\">")
          .append(svg)
          .append("<figcaption>")
          .append(esc(e.getKey()))
          .append(" to ")
          .append(esc(data.reference))
          .append(" ratio</figcaption></figure>");
    }
    out.append("</div>\n");
    if (drawn) {
      out.append(DistrictMap.legend());
    } else {
      out.append(
          "<p class=\"placeholder\">No map: no district has a ratio to show, or the"
              + " boundary file holds none of these districts.</p>\n");
    }
  }

  private static final List<String> OUTCOMES = List.of("arrest_rate", "linked_find_rate");

  private void outcomes(String year) {
    out.append(
        "<h3>Outcomes of searches</h3>\n<p>The share of searches ending in arrest, and"
            + " of those whose outcome is linked to the reason for the search that found what was"
            + " searched for, by group. A lower find rate for a group can mean it is searched on"
            + " weaker grounds.</p>\n");
    for (String measure : OUTCOMES) {
      List<Charts.RateRow> rows = new ArrayList<>();
      StringBuilder table = new StringBuilder();
      for (String group : PackData.allGroups()) {
        CsvTable.Row row =
            data.outcomeRow(
                Power.STOP_SEARCH.code(),
                year,
                data.area.level(),
                data.area.code(),
                group,
                measure);
        if (row == null) {
          continue;
        }
        boolean shown =
            !row.suppressed("rate")
                && row.number("rate") != null
                && row.number("rate_ci_low") != null;
        if (shown) {
          rows.add(
              new Charts.RateRow(
                  group,
                  group,
                  row.number("rate"),
                  row.number("rate_ci_low"),
                  row.number("rate_ci_high"),
                  Keys.outcome(row)));
        }
        table
            .append("<tr")
            .append(key(Keys.outcome(row)))
            .append("><th scope=\"row\">")
            .append(esc(group))
            .append("</th><td class=\"num\">")
            .append(
                row.number("numerator") == null
                    ? "&ndash;"
                    : Numbers.count(row.number("numerator")))
            .append("</td><td class=\"num\">")
            .append(
                row.number("denominator") == null
                    ? "&ndash;"
                    : Numbers.count(row.number("denominator")))
            .append("</td><td class=\"num\">")
            .append(
                shown
                    ? withInterval(
                        Numbers.percent(row.number("rate")),
                        Numbers.percent(row.number("rate_ci_low")),
                        Numbers.percent(row.number("rate_ci_high")))
                    : "&ndash;")
            .append("</td><td>")
            .append(esc(Words.flag(row.text("flag"))))
            .append("</td></tr>\n");
      }
      if (table.length() == 0) {
        continue;
      }
      out.append("<h4>").append(esc(Words.measure(measure))).append("</h4>\n");
      if (!rows.isEmpty()) {
        figure(
            Charts.shares("outcome", rows, Words.measure(measure) + " by group"),
            Words.measure(measure) + " by group, with intervals");
      }
      out.append(
              "<div class=\"scroll\"><table class=\"data\" data-table=\"outcomes\"><thead>"
                  + "<tr><th scope=\"col\">Group</th><th scope=\"col\">Number</th><th scope=\"col\">"
                  + "Out of</th><th scope=\"col\">Per cent (interval)</th><th scope=\"col\">Note"
                  + "</th></tr></thead><tbody>\n")
          .append(table)
          .append("</tbody></table></div>\n");
    }
  }

  private void cascade() {
    out.append("<section id=\"cascade\">\n<h2>From search to charge</h2>\n");
    PackData.Period period = data.headlinePeriod(Power.STOP_SEARCH.code());
    if (period == null) {
      period = data.headlinePeriod(Power.CUSTODY.code());
    }
    if (period == null || !data.hasCascade(period.year())) {
      out.append(
          "<p class=\"na\">The run has no custody records for this area, so there is no"
              + " cascade from search to charge.</p>\n</section>\n");
      return;
    }
    Map<String, List<PackData.StageValue>> cascade = data.cascade(period.year());
    out.append("<p>Each stage per 1,000 residents of each group in ")
        .append(esc(period.year()))
        .append(
            ". The stages are counted in different records (searches, then custody) and"
                + " are not linked person by person: arrests are all arrests, not only those after a"
                + " search.</p>\n");
    boolean any =
        cascade.values().stream()
            .flatMap(List::stream)
            .anyMatch(v -> v.per1000() != null && v.per1000() > 0);
    if (any) {
      figure(Charts.cascade(cascade), "Per 1,000 residents at each stage, by group");
    } else {
      out.append(
          "<p class=\"na\">No stage has a count to chart for this year (small numbers).</p>\n");
    }
    out.append(
        "<div class=\"scroll\"><table class=\"data\" data-table=\"cascade\"><thead><tr>"
            + "<th scope=\"col\">Group</th>");
    for (PackData.Stage stage : PackData.STAGES) {
      out.append("<th scope=\"col\">").append(esc(stage.label())).append("</th>");
    }
    out.append("</tr></thead><tbody>\n");
    for (Map.Entry<String, List<PackData.StageValue>> e : cascade.entrySet()) {
      out.append("<tr><th scope=\"row\">").append(esc(e.getKey())).append("</th>");
      for (PackData.StageValue v : e.getValue()) {
        out.append("<td class=\"num\"")
            .append(key(v.key()))
            .append('>')
            .append(
                v.count() == null
                    ? v.suppressed() ? "<span class=\"na\">not shown</span>" : "&ndash;"
                    : Numbers.count(v.count())
                        + (v.per1000() == null
                            ? ""
                            : " <span class=\"ci\">("
                                + Numbers.rate(v.per1000())
                                + " per 1,000)</span>"))
            .append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table></div>\n</section>\n");
  }

  private void quality(List<String> powers) {
    out.append("<section id=\"quality\">\n<h2>Data quality</h2>\n<h3>Months submitted</h3>\n");
    Map<String, Map<String, String>> coverage = data.coverage();
    if (coverage.isEmpty()) {
      out.append("<p class=\"na\">The run recorded no coverage for this force.</p>\n");
    } else {
      out.append(
          "<p>A filled square is a month the force submitted; an open one a month it"
              + " did not (or submitted an empty file). Missing months are not zeros: rates cover"
              + " the months submitted.</p>\n");
      figure(Charts.coverage(coverage), "Months submitted by power");
      out.append(
          "<div class=\"scroll\"><table class=\"data\" data-table=\"coverage\"><thead><tr>"
              + "<th scope=\"col\">Power</th><th scope=\"col\">Months submitted</th>"
              + "<th scope=\"col\">Months missing</th></tr></thead><tbody>\n");
      for (Map.Entry<String, Map<String, String>> e : coverage.entrySet()) {
        List<String> missingMonths = new ArrayList<>();
        long submitted = 0;
        for (Map.Entry<String, String> m : e.getValue().entrySet()) {
          if ("submitted".equals(m.getValue())) {
            submitted++;
          } else {
            missingMonths.add(m.getKey());
          }
        }
        out.append("<tr><th scope=\"row\">")
            .append(esc(Words.title(e.getKey())))
            .append("</th><td class=\"num\">")
            .append(submitted)
            .append(" of ")
            .append(e.getValue().size())
            .append("</td><td>")
            .append(missingMonths.isEmpty() ? "none" : esc(String.join(", ", missingMonths)))
            .append("</td></tr>\n");
      }
      out.append("</tbody></table></div>\n");
    }
    out.append(
            "<h3>Records missing a key field</h3>\n<p>The share of records with the field"
                + " blank, not stated or not in the code list, in the year of the headline. Shares from"
                + " fewer than ")
        .append(PackData.QUALITY_MINIMUM)
        .append(
            " records are given in words.</p>\n<div class=\"scroll\"><table class=\"data\""
                + " data-table=\"missing\"><thead><tr><th scope=\"col\">Power</th><th scope=\"col\">"
                + "Field</th><th scope=\"col\">Missing</th></tr></thead><tbody>\n");
    for (String power : powers) {
      PackData.Period period = data.headlinePeriod(power);
      if (period == null) {
        continue;
      }
      for (PackData.MissingField field : data.missingFields(power, period.year())) {
        out.append("<tr><td>")
            .append(esc(Words.title(power)))
            .append(", ")
            .append(esc(period.year()))
            .append("</td><td>")
            .append(esc(field.field().replace('_', ' ')))
            .append("</td><td class=\"num\">")
            .append(esc(field.text()))
            .append("</td></tr>\n");
      }
    }
    out.append("</tbody></table></div>\n");
    PackData.Period period = data.headlinePeriod(Power.STOP_SEARCH.code());
    if (period != null) {
      String without = data.withoutDistrict(period.year());
      out.append("<h3>Searches without a district</h3>\n<p>")
          .append(
              without == null
                  ? "The run placed no searches in districts (no boundary files or no locations)."
                  : "Searches in "
                      + esc(period.year())
                      + " that could not be placed in a district"
                      + " (no location, or a location outside the force's districts): "
                      + esc(without)
                      + ". District figures count only the searches placed in them,"
                      + " so they are lower bounds where many are not.")
          .append("</p>\n");
    }
    out.append("</section>\n");
  }

  private void method() {
    out.append("<section id=\"method\">\n<h2>How to read this</h2>\n<ul>\n")
        .append(
            "<li><strong>Rate per 1,000:</strong> events in the year for every 1,000"
                + " residents of the group (Census usual residents). People searched need not live"
                + " in the area.</li>\n")
        .append("<li><strong>Times as likely:</strong> a group's rate divided by the rate for ")
        .append(esc(Words.people(data.reference)))
        .append(". 1 means the same rate; 2 means twice the rate.</li>\n")
        .append(
            "<li><strong>Interval:</strong> the range the ratio could plausibly take given"
                + " the numbers involved (")
        .append(esc(level))
        .append(
            " exact interval). A wide interval means few events; an interval that includes"
                + " 1 means the difference could be chance.</li>\n")
        .append(
            "<li><strong>Unrecorded ethnicity:</strong> records without an ethnicity count"
                + " in no group, so group rates are lower bounds. The range bar shows how far the"
                + " ratio could move if they were known.</li>\n")
        .append("<li><strong>Small numbers:</strong> ")
        .append(esc(data.suppressionRule()))
        .append(" Where a figure is not shown the pack says so and gives no number.</li>\n")
        .append(
            "<li><strong>Funnel plot:</strong> a district outside the funnel differs from"
                + " its force by more than chance would usually give; with many districts, a few"
                + " will fall outside by chance alone.</li>\n")
        .append(
            "<li><strong>What a ratio cannot say:</strong> it measures a difference, not"
                + " its cause. Read it with the caveats below.</li>\n</ul>\n</section>\n");
  }

  private void caveats() {
    out.append("<section id=\"caveats\">\n<h2>Caveats</h2>\n<ol>\n");
    for (JsonNode caveat : data.manifest.path("caveats")) {
      out.append("<li>").append(esc(caveat.asText())).append("</li>\n");
    }
    out.append("</ol>\n</section>\n");
  }

  private void glossary() {
    out.append("<section id=\"glossary\">\n<h2>Glossary</h2>\n<dl>\n");
    String[][] terms = {
      {"Disproportionality ratio", "A group's rate divided by the comparison group's rate."},
      {
        "Rolling 12 months",
        "The 12 months ending in a month, so each point covers a year and"
            + " the line is not distorted by seasons."
      },
      {
        "Series break",
        "A point where the figures are not like for like with those before:"
            + " months missing, a new Census population, or a new ethnicity code list."
      },
      {
        "Community Safety Partnership (CSP)",
        "The local partnership of police, council and" + " others; often one council district."
      },
      {"Find rate", "The share of searches that found the item searched for."},
      {
        "Census",
        "The population counts the rates divide by (usual residents, by ethnic" + " group)."
      },
      {"[c]", "The mark in the CSV files for a number not shown (small numbers)."},
      {"u", "A flag for a figure based on fewer than 20 people: treat with caution."}
    };
    for (String[] term : terms) {
      out.append("<dt>")
          .append(esc(term[0]))
          .append("</dt><dd>")
          .append(esc(term[1]))
          .append("</dd>\n");
    }
    out.append("</dl>\n</section>\n");
  }

  private void about() {
    JsonNode settings = data.manifest.path("settings");
    out.append("<section id=\"about\">\n<h2>About this pack</h2>\n<p>Made by Scrutineer ")
        .append(esc(data.manifest.path("tool").path("version").asText()))
        .append(" from run ")
        .append(esc(data.manifest.path("run").path("run_id").asText()))
        .append(". Population: ");
    List<String> sources = data.populationSources;
    out.append(esc(sources.isEmpty() ? "none" : String.join(", ", sources)));
    List<String> boundaries = new ArrayList<>();
    for (JsonNode b : data.manifest.path("boundaries")) {
      boundaries.add(new org.apache.hadoop.fs.Path(b.path("path").asText()).getName());
    }
    out.append(". Boundaries: ")
        .append(esc(boundaries.isEmpty() ? "none" : String.join(", ", boundaries)))
        .append(
            ". The workbook and CSV files beside this page hold the same figures as tables."
                + " The small-number rule is that of the run: ")
        .append(esc(SmallNumbers.SUPPRESSED))
        .append(" rows in the CSV files have no numbers.</p>\n</section>\n");
  }

  /** A value with its interval after it in muted text: "5.8 (5.3 to 6.4)". */
  private static String withInterval(String value, String low, String high) {
    return value + " <span class=\"ci\">(" + low + " to " + high + ")</span>";
  }

  private void figure(String svg, String caption) {
    out.append("<figure>")
        .append(svg)
        .append("<figcaption>")
        .append(esc(caption))
        .append("</figcaption></figure>\n");
  }

  private static final String CSS =
      """
      :root{--ink:#1b1b1b;--muted:#555;--line:#ccc;--accent:#0072B2}
      *{box-sizing:border-box}
      body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
      color:var(--ink);line-height:1.5;background:#fff}
      header,main,nav{max-width:960px;margin:0 auto;padding:0 16px}
      header{padding-top:16px;border-bottom:4px solid var(--accent)}
      h1{font-size:1.7rem;margin:.2em 0}h2{font-size:1.35rem;margin-top:2em;
      border-bottom:1px solid var(--line)}h3{font-size:1.1rem;margin-top:1.5em}
      h4{font-size:1rem;margin-bottom:.3em}
      .sub{color:var(--muted);margin-top:0}
      nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
      nav a{color:var(--accent)}
      .sentences li{margin:.4em 0;font-size:1.05rem}
      .warn{background:#fff4e5;border-left:4px solid #E69F00;padding:6px 10px}
      .placeholder{background:#f3f3f3;border:1px dashed #999;padding:10px}
      .na{color:var(--muted);font-style:italic}
      .scroll{overflow-x:auto}
      table.data{border-collapse:collapse;margin:.5em 0 1em;font-size:.92rem;min-width:60%}
      table.data caption{text-align:left;font-weight:600;padding-bottom:4px}
      table.data th,table.data td{border-bottom:1px solid var(--line);padding:4px 8px;
      text-align:left;vertical-align:top}
      table.data td.num{text-align:right;white-space:nowrap}
      tr.focus{background:#fff4e5}
      .ci{color:var(--muted);font-size:.9em}
      figure{margin:1em 0}figcaption{color:var(--muted);font-size:.9rem}
      svg.chart{width:100%;height:auto;max-width:720px;display:block}
      .maps{display:flex;flex-wrap:wrap;gap:12px}.maps figure{flex:1 1 220px;max-width:320px}
      ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;
      font-size:.9rem}
      .swatch{display:inline-block;width:14px;height:14px;border:1px solid #555;margin-right:5px;
      vertical-align:-2px}
      .swatch.hatch{background:repeating-linear-gradient(45deg,#e0e0e0 0 3px,#999 3px 5px)}
      dt{font-weight:600}dd{margin:0 0 .6em 1em}
      details summary{cursor:pointer;color:var(--accent)}
      @media (max-width:600px){h1{font-size:1.35rem}table.data{font-size:.85rem}}
      @page{size:A4;margin:15mm}
      @media print{nav{display:none}body{font-size:10.5pt}header,main{max-width:none;padding:0}
      figure,table.data,tr{break-inside:avoid}h2,h3,h4{break-after:avoid}
      details>*{display:block}}
      """;
}
