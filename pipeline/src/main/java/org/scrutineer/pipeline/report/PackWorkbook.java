package org.scrutineer.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Predicate;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.scrutineer.pipeline.schema.GeographyLevel;

/**
 * The pack's workbook (fastexcel: streams the XML, no POI object model): one sheet per panel table
 * with the area's rows (the force's districts on their own sheet), then a Notes sheet. Columns are
 * labelled in words, counts have thousands separators, ratios one decimal place, shares are
 * percentages, periods are text, header rows are frozen, and a value the panel tables suppress is
 * the text {@code [c]}, never a number.
 */
final class PackWorkbook {
  private PackWorkbook() {}

  /** How a column's numbers are formatted. */
  private enum Kind {
    TEXT(null),
    COUNT("#,##0"),
    RATE("0.00"),
    RATIO("0.0"),
    SHARE("0.0%");

    final String format;

    Kind(String format) {
      this.format = format;
    }
  }

  private static Kind kind(String column) {
    switch (column) {
      case "events", "population", "numerator", "denominator":
        return Kind.COUNT;
      case "rate_per_1000", "rate_ci_low", "rate_ci_high":
        return Kind.RATE;
      case "ratio", "ratio_ci_low", "ratio_ci_high":
        return Kind.RATIO;
      case "rate":
        return Kind.SHARE;
      default:
        return Kind.TEXT;
    }
  }

  /**
   * Writes the workbook of an area's pack: the same bytes for the same run (fastexcel stamps the
   * moment of writing as the workbook's creation time; it is set to the run's, and every zip entry
   * keeps fastexcel's fixed entry time).
   */
  static void write(PackData data, OutputStream out) throws IOException {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1 << 20);
    build(data, buffer);
    String created = data.manifest.path("run").path("started").asText("1980-01-01T00:00:00Z");
    stampCreated(buffer.toByteArray(), created, out);
  }

  private static final java.util.regex.Pattern CREATED =
      java.util.regex.Pattern.compile("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");

  /**
   * Copies a workbook's zip, with {@code docProps/core.xml}'s creation time set to {@code at}. The
   * zip is read by its central directory (fastexcel's local headers carry no sizes, which {@code
   * ZipInputStream} cannot read), so through a temporary file.
   */
  private static void stampCreated(byte[] xlsx, String at, OutputStream out) throws IOException {
    java.nio.file.Path temp = java.nio.file.Files.createTempFile("scrutineer-pack", ".xlsx");
    try {
      java.nio.file.Files.write(temp, xlsx);
      try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(temp.toFile());
          java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
        for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
          byte[] content;
          try (java.io.InputStream entryIn = in.getInputStream(entry)) {
            content = entryIn.readAllBytes();
          }
          if (entry.getName().equals("docProps/core.xml")) {
            String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
            content =
                CREATED
                    .matcher(xml)
                    .replaceFirst("$1" + java.util.regex.Matcher.quoteReplacement(at) + "$2")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          }
          java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(entry.getName());
          copy.setTime(entry.getTime());
          zip.putNextEntry(copy);
          zip.write(content);
          zip.closeEntry();
        }
      }
    } finally {
      java.nio.file.Files.deleteIfExists(temp);
    }
  }

  private static void build(PackData data, OutputStream out) throws IOException {
    Workbook wb = new Workbook(out, "Scrutineer", "1.0");
    wb.properties().setTitle("Police powers and ethnicity: " + data.area.name());
    Predicate<CsvTable.Row> own = data.area::owns;
    sheet(wb, "Disproportionality", data.panel, own, false);
    sheet(wb, "Outcomes", data.panelOutcomes, own, true);
    if (GeographyLevel.FORCE.equals(data.area.level())) {
      Predicate<CsvTable.Row> areas = PanelPacks.packRows(data.area).and(own.negate());
      sheet(wb, "Districts and CSPs", data.panel, areas, false);
      sheet(wb, "District outcomes", data.panelOutcomes, areas, true);
    }
    notes(wb, data);
    wb.finish();
  }

  private static void sheet(
      Workbook wb, String name, CsvTable table, Predicate<CsvTable.Row> filter, boolean outcomes) {
    Worksheet ws = wb.newWorksheet(name);
    List<String> columns = table.columns();
    for (int c = 0; c < columns.size(); c++) {
      ws.value(0, c, Words.column(columns.get(c)));
      ws.style(0, c).bold().fillColor("DDEBF7").wrapText(true).set();
      ws.width(c, Math.max(10, Math.min(28, Words.column(columns.get(c)).length() + 2)));
    }
    ws.value(0, columns.size(), "Note");
    ws.style(0, columns.size()).bold().fillColor("DDEBF7").set();
    ws.width(columns.size(), 60);
    ws.freezePane(0, 1);
    int r = 1;
    for (CsvTable.Row row : table.rows()) {
      if (!filter.test(row)) {
        continue;
      }
      for (int c = 0; c < columns.size(); c++) {
        String column = columns.get(c);
        String text = row.text(column);
        Kind kind = kind(column);
        if (outcomes && column.startsWith("rate")) {
          kind = shareMeasure(row.text("measure")) ? Kind.SHARE : Kind.RATE;
        }
        Double number = kind == Kind.TEXT ? null : row.number(column);
        if (number != null) {
          ws.value(r, c, number);
          ws.style(r, c).format(kind.format).set();
        } else if (column.equals("period_complete")) {
          ws.value(r, c, "true".equals(text) ? "yes" : "no");
        } else if (column.equals("power")) {
          ws.value(r, c, Words.title(text));
        } else if (column.equals("measure")) {
          ws.value(r, c, Words.measure(text));
        } else if (!text.isEmpty()) {
          ws.value(r, c, text);
        }
      }
      ws.value(r, columns.size(), Words.flag(row.text("flag")));
      r++;
    }
    if (r > 1) {
      ws.setAutoFilter(0, 0, columns.size());
    }
  }

  /** Whether an outcome measure's rate is a share of its denominator (shown as a percentage). */
  static boolean shareMeasure(String measure) {
    return measure.endsWith("_rate") || measure.endsWith("_share");
  }

  private static void notes(Workbook wb, PackData data) {
    Worksheet ws = wb.newWorksheet("Notes");
    ws.width(0, 24);
    ws.width(1, 110);
    int r = 0;
    ws.value(r, 0, "Police powers and ethnicity: " + data.area.name());
    ws.style(r, 0).bold().fontSize(14).set();
    r += 2;
    JsonNode m = data.manifest;
    r =
        note(
            ws,
            r,
            "Made by",
            "Scrutineer "
                + m.path("tool").path("version").asText()
                + ", run "
                + m.path("run").path("run_id").asText());
    r =
        note(
            ws,
            r,
            "Records",
            "From "
                + m.path("window").path("from").asText("?")
                + " to "
                + m.path("window").path("to").asText("?"));
    r =
        note(
            ws,
            r,
            "Population",
            data.populationSources.isEmpty() ? "none" : String.join(", ", data.populationSources));
    r = note(ws, r, "Comparison group", data.reference);
    r =
        note(
            ws,
            r,
            "Small numbers",
            data.suppressionRule() + " A value not shown is written [c] and has no number.");
    r =
        note(
            ws,
            r,
            "Flags",
            "u: fewer than 20 people, treat with caution; ratio_suppressed: too"
                + " few for a ratio; rate_suppressed: too few for a rate; suppressed: not shown.");
    r =
        note(
            ws,
            r,
            "Intervals",
            "Exact intervals at the run's confidence level (" + data.intervalLevel + ").");
    r++;
    ws.value(r++, 0, "Caveats");
    ws.style(r - 1, 0).bold().set();
    int i = 1;
    for (JsonNode caveat : m.path("caveats")) {
      ws.value(r, 0, String.valueOf(i++));
      ws.value(r, 1, caveat.asText());
      ws.style(r, 1).wrapText(true).set();
      r++;
    }
  }

  private static int note(Worksheet ws, int r, String label, String text) {
    ws.value(r, 0, label);
    ws.style(r, 0).bold().set();
    ws.value(r, 1, text);
    ws.style(r, 1).wrapText(true).set();
    return r + 1;
  }
}
