package org.scrutineer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scrutineer.pipeline.report.CsvTable;
import org.scrutineer.pipeline.report.PanelPacks;
import org.scrutineer.pipeline.report.ResultsFolder;
import org.scrutineer.pipeline.report.Words;
import org.scrutineer.pipeline.schema.Power;

/**
 * The panel pack end to end: {@code run --sample --report} makes a pack per sample force, each page
 * opens cleanly in headless Chromium with every chart drawn, and nothing in a page, workbook or CSV
 * shows a value the panel tables suppress.
 */
class PanelPackTest {
  @TempDir static Path store;

  private static final List<String> FORCES = List.of("eastmarch", "northmoor", "southvale");
  private static String runOutput;

  @BeforeAll
  static void runTheSampleWithPacks() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Scrutineer.execute(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            CommandLineTest.SHARED,
            "run",
            "--sample",
            "--report",
            "--out",
            store.toString());
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    runOutput = out.toString();
  }

  private static Path report() {
    return store.resolve("latest").resolve("report");
  }

  @Test
  void aPackPerForceIsPublishedWithTheRunAndNoChecksumFiles() throws IOException {
    assertThat(runOutput).contains("report", "3 panel packs written");
    for (String force : FORCES) {
      for (String file : List.of(".html", ".xlsx", "-disproportionality.csv", "-outcomes.csv")) {
        assertThat(report().resolve(force + file)).isNotEmptyFile();
      }
    }
    assertThat(report().resolve("index.html")).content().contains("northmoor.html");
    assertThat(report().resolve("README.txt")).content().contains("[c]", "rate_per_1000");
    assertThat(store.resolve("latest/panel/README.txt")).content().contains("[c]");
    try (Stream<Path> files = Files.walk(store)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".crc")))
          .as("checksum files beside the outputs")
          .isEmpty();
    }
    // The shipped logging configuration (tests run with their own) keeps Spark's notices of a
    // task's size ("Broadcasting large task binary") out of a run's output.
    java.util.Properties logging = new java.util.Properties();
    try (InputStream in =
        Scrutineer.class.getClassLoader().getResourceAsStream("log4j2.properties")) {
      logging.load(in);
    }
    String dag =
        logging.stringPropertyNames().stream()
            .filter(k -> "org.apache.spark.scheduler.DAGScheduler".equals(logging.get(k)))
            .findFirst()
            .orElseThrow()
            .replace(".name", ".level");
    assertThat(logging.getProperty(dag)).isEqualTo("error");
  }

  @Test
  void everyPageOpensCleanlyInChromiumWithEveryChartDrawn() throws Exception {
    String chromium = HeadlessChromium.find();
    Assumptions.assumeTrue(
        chromium != null,
        "Chromium is not installed (.ci/run installs the Debian package chromium): browser test"
            + " skipped");
    Path shots = Path.of("target", "panel-pack-screenshots");
    Set<String> kinds = new HashSet<>();
    try (HeadlessChromium browser = new HeadlessChromium(chromium)) {
      for (String force : FORCES) {
        Path page = report().resolve(force + ".html");
        for (boolean phone : new boolean[] {false, true}) {
          browser.open(page, phone ? 390 : 1280, phone ? 844 : 900, phone);
          assertThat(browser.problems()).as(force + (phone ? " on a phone" : "")).isEmpty();
          JsonNode charts =
              browser.evaluate(
                  "Array.from(document.querySelectorAll('svg.chart')).map(s => ({"
                      + " chart: s.dataset.chart, expected: +s.dataset.points,"
                      + " drawn: s.querySelectorAll('.pt').length,"
                      + " width: s.getBoundingClientRect().width,"
                      + " label: s.getAttribute('aria-label') || '',"
                      + " caption: !!(s.closest('figure') && s.closest('figure')"
                      + ".querySelector('figcaption')) }))");
          assertThat(charts.size()).as(force + ": charts on the page").isPositive();
          for (JsonNode chart : charts) {
            String name = force + " " + chart.path("chart").asText();
            kinds.add(chart.path("chart").asText());
            assertThat(chart.path("expected").asInt()).as(name + " has data").isPositive();
            assertThat(chart.path("drawn").asInt())
                .as(name + " draws every data point")
                .isEqualTo(chart.path("expected").asInt());
            assertThat(chart.path("width").asDouble()).as(name + " is visible").isPositive();
            assertThat(chart.path("label").asText()).as(name + " text alternative").isNotEmpty();
            assertThat(chart.path("caption").asBoolean()).as(name + " caption").isTrue();
          }
          if (phone) {
            assertThat(
                    browser
                        .evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
                        .asBoolean())
                .as(force + ": no sideways scrolling on a phone (tables scroll in place)")
                .isTrue();
          }
          browser.screenshot(shots.resolve(force + (phone ? "-phone.png" : "-desktop.png")));
        }
      }
    }
    assertThat(shots.resolve("northmoor-phone.png")).isNotEmptyFile();
    // The sample's small numbers leave some charts without a point to show (their sections say
    // so); across the three forces every kind of chart is drawn. Outcome charts have no published
    // sample rate to draw (every force's outcome counts are suppressed in the panel tables).
    assertThat(kinds).contains("ratios", "trend", "funnel", "map", "cascade", "coverage");
  }

  @Test
  void nothingThePanelTablesSuppressIsShown() throws IOException {
    for (String force : FORCES) {
      Tables tables = Tables.of(store.resolve("latest"), force);
      String html = Files.readString(report().resolve(force + ".html"));
      assertThat(DisclosureScan.page(html, tables)).as(force + ".html").isEmpty();
      assertThat(DisclosureScan.workbook(report().resolve(force + ".xlsx"), tables))
          .as(force + ".xlsx")
          .isEmpty();
      java.util.function.Predicate<CsvTable.Row> rows =
          PanelPacks.packRows(new ResultsFolder.Area(force, "force", tables.forceCode(), force));
      assertThat(
              DisclosureScan.csv(
                  report().resolve(force + "-disproportionality.csv"), tables.panel(), rows))
          .as(force + "-disproportionality.csv")
          .isEmpty();
      assertThat(
              DisclosureScan.csv(
                  report().resolve(force + "-outcomes.csv"), tables.outcomes(), rows))
          .as(force + "-outcomes.csv")
          .isEmpty();
    }
  }

  @Test
  void theScanFindsASuppressedValueWrittenIntoAPage() throws IOException {
    Tables tables = Tables.of(store.resolve("latest"), "northmoor");
    String html = Files.readString(report().resolve("northmoor.html"));
    // The headline row of a suppressed group, with its true (unsuppressed) count put back.
    CsvTable.Row hidden =
        tables.panel().rows().stream()
            .filter(r -> r.suppressed("events") && r.text("period_type").equals("financial_year"))
            .filter(r -> html.contains("data-key=\"" + DisclosureScan.key(r) + "\""))
            .findFirst()
            .orElseThrow();
    String trueCount = tables.analystValue(hidden, "events");
    String key = "data-key=\"" + DisclosureScan.key(hidden) + "\">";
    String leaked = html.replaceFirst(Pattern.quote(key), key + "<td>" + trueCount + "</td>");
    assertThat(DisclosureScan.page(leaked, tables)).isNotEmpty();
  }

  @Test
  void reportMakesADistrictPackAndTheSameBytesTwice() throws IOException {
    Tables tables = Tables.of(store.resolve("latest"), "northmoor");
    String district =
        tables.panel().rows().stream()
            .filter(r -> r.text("geography_level").equals("district"))
            .map(r -> r.text("area_code"))
            .filter(c -> !c.equals("UNKNOWN"))
            .findFirst()
            .orElseThrow();
    Path first = store.resolve("packs-1");
    Path second = store.resolve("packs-2");
    for (Path out : List.of(first, second)) {
      StringWriter err = new StringWriter();
      assertThat(
              report(
                  err,
                  "--results",
                  store.toString(),
                  "--area",
                  "northmoor",
                  "--area",
                  district,
                  "--out",
                  out.toString()))
          .as(err.toString())
          .isEqualTo(ExitCodes.OK);
    }
    String stem = "northmoor-" + district.toLowerCase(Locale.ROOT);
    assertThat(Files.readString(first.resolve(stem + ".html")))
        .contains("district in Northmoor")
        .contains("data-key=\"stop_search|place_of_event|financial_year|");
    try (Stream<Path> files = Files.list(first)) {
      for (Path file : files.toList()) {
        assertThat(Files.mismatch(file, second.resolve(file.getFileName())))
            .as(file.getFileName() + " is the same bytes on a rerun")
            .isEqualTo(-1L);
      }
    }
    Tables area = Tables.of(store.resolve("latest"), "northmoor");
    assertThat(DisclosureScan.page(Files.readString(first.resolve(stem + ".html")), area))
        .isEmpty();

    StringWriter err = new StringWriter();
    assertThat(report(err, "--results", store.toString(), "--area", "atlantis"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("No force, district or CSP 'atlantis'", "northmoor");
  }

  /** Runs {@code scrutineer report} with the arguments; its errors go to {@code err}. */
  private static int report(StringWriter err, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "report";
    System.arraycopy(args, 0, all, 1, args.length);
    return Scrutineer.execute(
        new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true),
        CommandLineTest.SHARED,
        all);
  }

  /** A force's published panel tables and its analysts' tables (the values behind [c]). */
  record Tables(CsvTable panel, CsvTable outcomes, CsvTable analyst, CsvTable analystOutcomes) {
    static Tables of(Path run, String force) throws IOException {
      return new Tables(
          read(run.resolve("panel/disproportionality/" + force + ".csv")),
          read(run.resolve("panel/outcomes/" + force + ".csv")),
          read(run.resolve("csv/disproportionality/" + force + ".csv")),
          read(run.resolve("csv/outcomes/" + force + ".csv")));
    }

    private static CsvTable read(Path file) throws IOException {
      try (InputStream in = Files.newInputStream(file)) {
        return CsvTable.read(file.getFileName().toString(), in);
      }
    }

    /** The force's ONS code, from its own rows. */
    String forceCode() {
      return panel.rows().stream()
          .filter(r -> r.text("geography_level").equals("force"))
          .map(r -> r.text("area_code"))
          .findFirst()
          .orElseThrow();
    }

    /** The analysts' (unsuppressed) value of a panel row's column. */
    String analystValue(CsvTable.Row panelRow, String column) {
      String key = DisclosureScan.key(panelRow);
      for (CsvTable.Row row : analyst.rows()) {
        if (DisclosureScan.key(row).equals(key)) {
          return row.text(column);
        }
      }
      throw new IllegalArgumentException("no analyst row " + key);
    }
  }

  /**
   * The disclosure scan. Every element of a page that shows a panel cell carries its {@code
   * data-key}; every number in such an element must be a published value of that cell (in one of
   * the pack's formats) or a value derived only from published values (an expected count, a rate
   * per 1,000 of a published count, missing-ethnicity bounds where the group, reference, Unknown
   * and All counts are all published). A rolling 12-month ratio (no panel cell of its own) must
   * rest on published months only. A workbook's and a CSV's rows must equal the panel rows.
   */
  static final class DisclosureScan {
    private static final Pattern KEYED =
        Pattern.compile(
            "<(tr|li|td|g|circle|path|rect)\\b[^>]*\\bdata-key=\"([^\"]+)\"[^>]*>(.*?)</\\1>",
            Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?%?");
    private static final Pattern BOILERPLATE =
        Pattern.compile(
            "fewer than \\d+|under \\d+|\\d+% interval|[\\d.]+% limits|includes 1|per 1,000|"
                + "\\d{4}-\\d{2}(?:/\\d{4}-\\d{2})?|\\d{4}-\\d{2}|the stricter minimum");
    private static final Pattern ROLLING =
        Pattern.compile(
            "<title>(\\w+), 12 months to (\\d{4}-\\d{2}): ([\\d.]+) \\(interval ([\\d.]+) to"
                + " ([\\d.]+)\\)</title>");

    private DisclosureScan() {}

    static String key(CsvTable.Row row) {
      return String.join(
          "|",
          row.text("power"),
          row.text("basis"),
          row.text("period_type"),
          row.text("period"),
          row.text("geography_level"),
          row.text("area_code"),
          row.text("ethnic_group"));
    }

    /** What a page shows that it should not; empty when nothing. */
    static List<String> page(String html, Tables tables) {
      Map<String, CsvTable.Row> panel = index(tables.panel(), false);
      Map<String, CsvTable.Row> outcomes = index(tables.outcomes(), true);
      Map<String, CsvTable.Row> analyst = index(tables.analyst(), false);
      List<String> problems = new ArrayList<>();
      Matcher m = KEYED.matcher(html);
      int keyed = 0;
      while (m.find()) {
        keyed++;
        String key = m.group(2).replace("&amp;", "&");
        String text = text(m.group(3));
        boolean outcome = key.split("\\|").length == 8;
        CsvTable.Row row = outcome ? outcomes.get(key) : panel.get(key);
        if (row == null) {
          problems.add("no panel cell " + key);
          continue;
        }
        Set<String> allowed = allowed(row, outcome, panel, analyst);
        Matcher n = NUMBER.matcher(BOILERPLATE.matcher(text).replaceAll(" "));
        while (n.find()) {
          if (!allowed.contains(n.group())) {
            problems.add(key + " shows " + n.group() + " in: " + text);
          }
        }
      }
      if (keyed < 20) {
        problems.add("only " + keyed + " keyed elements: the scan found too little to check");
      }
      Matcher r = ROLLING.matcher(html);
      while (r.find()) {
        String group = r.group(1);
        YearMonth end = YearMonth.parse(r.group(2));
        for (String g : List.of(group, "White")) {
          for (int i = 0; i < 12; i++) {
            String month = end.minusMonths(i).toString();
            boolean published =
                panel.values().stream()
                    .anyMatch(
                        row ->
                            row.text("period").equals(month)
                                && row.text("period_type").equals("month")
                                && row.text("ethnic_group").equals(g)
                                && !row.suppressed("events")
                                && html.contains(row.text("area_code")));
            if (!published) {
              problems.add("rolling ratio to " + end + " rests on a suppressed month " + month);
            }
          }
        }
      }
      return problems;
    }

    private static Map<String, CsvTable.Row> index(CsvTable table, boolean outcome) {
      Map<String, CsvTable.Row> index = new HashMap<>();
      for (CsvTable.Row row : table.rows()) {
        index.put(outcome ? key(row) + "|" + row.text("measure") : key(row), row);
      }
      return index;
    }

    /** The numbers an element keyed to {@code row} may show. */
    private static Set<String> allowed(
        CsvTable.Row row,
        boolean outcome,
        Map<String, CsvTable.Row> panel,
        Map<String, CsvTable.Row> analyst) {
      Set<String> allowed = new HashSet<>();
      List<String> columns =
          outcome
              ? List.of(
                  "numerator",
                  "denominator",
                  "rate",
                  "rate_ci_low",
                  "rate_ci_high",
                  "ratio",
                  "ratio_ci_low",
                  "ratio_ci_high")
              : List.of(
                  "events",
                  "population",
                  "rate_per_1000",
                  "rate_ci_low",
                  "rate_ci_high",
                  "ratio",
                  "ratio_ci_low",
                  "ratio_ci_high");
      for (String column : columns) {
        Double v = row.number(column);
        if (v != null) {
          formats(v, allowed);
        }
      }
      Double count = row.number(outcome ? "numerator" : "events");
      CsvTable.Row cell = panel.get(cellKey(row, row.text("ethnic_group")));
      Double population = cell == null ? null : cell.number("population");
      if (count != null && population != null && population > 0) {
        formats(count / population * 1000, allowed);
      }
      Double ratio = row.number("ratio");
      if (!outcome && count != null && ratio != null && ratio > 0) {
        formats(count / ratio, allowed);
      }
      if (!outcome && !row.suppressed("events")) {
        boolean boundsPublished = true;
        for (String g : List.of("White", "Unknown", "All")) {
          CsvTable.Row other = panel.get(cellKey(row, g));
          boundsPublished &= other != null && !other.suppressed("events");
        }
        CsvTable.Row full = analyst.get(key(row));
        if (boundsPublished && full != null) {
          for (String column : List.of("ratio_unknown_to_reference", "ratio_unknown_to_group")) {
            Double v = full.number(column);
            if (v != null) {
              formats(v, allowed);
            }
          }
        }
      }
      return allowed;
    }

    private static String cellKey(CsvTable.Row row, String group) {
      return String.join(
          "|",
          row.text("power"),
          row.text("basis"),
          row.text("period_type"),
          row.text("period"),
          row.text("geography_level"),
          row.text("area_code"),
          group);
    }

    private static void formats(double v, Set<String> out) {
      for (int places = 0; places <= 2; places++) {
        String fixed = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString();
        out.add(fixed);
        out.add(String.format(Locale.UK, "%,." + places + "f", new BigDecimal(fixed)));
        out.add(
            BigDecimal.valueOf(v * 100).setScale(places, RoundingMode.HALF_UP).toPlainString()
                + "%");
      }
    }

    private static String text(String html) {
      return html.replaceAll("<[^>]+>", " ")
          .replace("&ndash;", "-")
          .replace("&amp;", "&")
          .replace("&#39;", "'")
          .replace("&quot;", "\"")
          .replace("&lt;", "<")
          .replace("&gt;", ">");
    }

    /** The workbook's panel sheets must hold the panel rows' values exactly, [c] where hidden. */
    static List<String> workbook(Path file, Tables tables) throws IOException {
      List<String> problems = new ArrayList<>();
      try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
        for (Sheet sheet : wb.getSheets().toList()) {
          CsvTable source =
              switch (sheet.getName()) {
                case "Outcomes", "District outcomes" -> tables.outcomes();
                case "Notes" -> null;
                default -> tables.panel();
              };
          if (source == null) {
            continue;
          }
          List<Row> rows = sheet.read();
          Map<String, CsvTable.Row> byKey = index(source, source == tables.outcomes());
          int codeColumn = source.columns().indexOf("area_code");
          for (Row row : rows.subList(1, rows.size())) {
            CsvTable.Row panelRow = byKey.get(sheetKey(row, source, tables));
            if (panelRow == null) {
              problems.add(sheet.getName() + " row " + row.getRowNum() + ": no panel row");
              continue;
            }
            for (int c = 0; c < source.columns().size(); c++) {
              String column = source.columns().get(c);
              String expected = panelRow.text(column);
              Cell cell = row.getCell(c);
              if (expected.equals("[c]")) {
                if (cell == null || cell.getType() == CellType.NUMBER) {
                  problems.add(sheet.getName() + " " + column + ": a number where [c]");
                }
              } else if (cell != null && cell.getType() == CellType.NUMBER) {
                double want = Double.parseDouble(expected);
                double got = ((BigDecimal) cell.getValue()).doubleValue();
                if (Math.abs(want - got) > 1e-9 * Math.max(1, Math.abs(want))) {
                  problems.add(sheet.getName() + " " + column + ": " + got + " not " + want);
                }
              }
            }
            assertThat(codeColumn).isNotNegative();
          }
        }
      }
      return problems;
    }

    /** A sheet row's key, from its area code, period and group columns (same order as the CSV). */
    private static String sheetKey(Row row, CsvTable source, Tables tables) {
      List<String> columns = source.columns();
      String power = text(row, columns.indexOf("power"));
      String powerCode = power;
      for (Power p : Power.values()) {
        if (Words.title(p.code()).equals(power)) {
          powerCode = p.code();
        }
      }
      String key =
          String.join(
              "|",
              powerCode,
              text(row, columns.indexOf("basis")),
              text(row, columns.indexOf("period_type")),
              text(row, columns.indexOf("period")),
              text(row, columns.indexOf("geography_level")),
              text(row, columns.indexOf("area_code")),
              text(row, columns.indexOf("ethnic_group")));
      if (source == tables.outcomes()) {
        String measure = text(row, columns.indexOf("measure"));
        for (CsvTable.Row r : source.rows()) {
          if (key(r).equals(key) && words(r.text("measure")).equals(measure)) {
            return key + "|" + r.text("measure");
          }
        }
      }
      return key;
    }

    private static String words(String measure) {
      return Words.measure(measure);
    }

    private static String text(Row row, int c) {
      Cell cell = row.getCell(c);
      return cell == null ? "" : cell.getText();
    }

    /** A pack CSV's rows must be the panel rows it holds, value for value, and far fewer. */
    static List<String> csv(
        Path file, CsvTable table, java.util.function.Predicate<CsvTable.Row> rows)
        throws IOException {
      CsvTable panel = new CsvTable(table.name(), table.columns(), table.where(rows));
      CsvTable pack;
      try (InputStream in = Files.newInputStream(file)) {
        pack = CsvTable.read(file.getFileName().toString(), in);
      }
      List<String> problems = new ArrayList<>();
      if (pack.rows().size() != panel.rows().size()) {
        problems.add(pack.rows().size() + " rows, the panel table has " + panel.rows().size());
        return problems;
      }
      for (int i = 0; i < pack.rows().size(); i++) {
        if (!pack.rows().get(i).values().equals(panel.rows().get(i).values())) {
          problems.add("line " + (i + 2) + " differs from the panel table");
        }
      }
      if (pack.columns().contains("ratio")) {
        problems.add("columns are codes, not words");
      }
      if (pack.rows().size() >= table.rows().size() && table.rows().size() > 1000) {
        problems.add("the pack holds every panel row, months of every district included");
      }
      return problems;
    }
  }
}
