package org.scrutineer.pipeline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.scrutineer.pipeline.disclosure.PanelReadme;
import org.scrutineer.pipeline.disclosure.PanelTables;
import org.scrutineer.pipeline.io.CsvFormat;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.PeriodType;

/**
 * Makes panel packs from a published run: for each area, {@code <area>.html} (the page), {@code
 * <area>.xlsx} (the workbook) and the area's panel tables as CSV with labelled columns, plus an
 * {@code index.html} and a {@code README.txt}. Nothing is recomputed and nothing the panel tables
 * suppress is shown. The packs are written to a staging folder beside the output folder and moved
 * into place at the end, so a reader never sees half a set.
 */
public final class PanelPacks {
  /** The default output folder of a run's packs, inside the run's folder. */
  public static final String FOLDER = "report";

  private PanelPacks() {}

  /** What was written: the area and its files. */
  public record Pack(ResultsFolder.Area area, List<String> files) {}

  /**
   * Writes the packs of {@code areas} into {@code out}, replacing an earlier set of packs there.
   *
   * @param year the financial year the packs report, or {@code null} for each power's latest
   *     complete year
   * @throws IllegalArgumentException when {@code out} exists and is not a folder of packs
   * @throws IOException when a file cannot be read or written
   */
  public static List<Pack> write(
      ResultsFolder results,
      List<ResultsFolder.Area> areas,
      String year,
      String out,
      Configuration conf)
      throws IOException {
    if (year != null && !year.matches("\\d{4}-\\d{2}")) {
      throw new IllegalArgumentException(
          "Invalid financial year: '" + year + "' (must be written like 2019-20)");
    }
    FileSystem fs = results.fileSystem();
    Path target = fs.makeQualified(new Path(out));
    if (fs.exists(target) && !isPackFolder(fs, target)) {
      throw new IllegalArgumentException(
          out + " exists and is not a folder of panel packs: give another --out");
    }
    Path staging = new Path(target.getParent(), "." + target.getName() + "-staging");
    fs.delete(staging, true);
    fs.mkdirs(staging);
    DistrictMap maps = new DistrictMap(conf, results.manifest());
    List<Pack> packs = new ArrayList<>();
    for (ResultsFolder.Area area : areas) {
      packs.add(pack(results, area, year, maps, fs, staging));
    }
    text(fs, new Path(staging, "index.html"), index(results, packs));
    text(
        fs,
        new Path(staging, PanelReadme.NAME),
        PanelReadme.text(results.smallNumbers()) + readme());
    if (fs.exists(target) && !fs.delete(target, true)) {
      throw new IOException("Cannot replace " + target);
    }
    if (!fs.rename(staging, target)) {
      throw new IOException("Cannot move " + staging + " to " + target);
    }
    return packs;
  }

  private static boolean isPackFolder(FileSystem fs, Path folder) throws IOException {
    FileStatus[] files = fs.listStatus(folder);
    if (files.length == 0) {
      return true;
    }
    Path readme = new Path(folder, PanelReadme.NAME);
    if (!fs.exists(readme)) {
      return false;
    }
    try (var in = fs.open(readme)) {
      byte[] head = in.readNBytes(PanelReadme.FIRST_LINE.length());
      return PanelReadme.FIRST_LINE.equals(new String(head, StandardCharsets.UTF_8));
    }
  }

  private static String readme() {
    return ("\nPanel packs\n-----------\n"
            + "<area>.html                      the pack: open it in any browser, on a phone, or"
            + "\n                                 print it (A4). It needs no internet connection.\n"
            + "<area>.xlsx                      the same figures as a workbook, with a Notes"
            + " sheet.\n"
            + "<area>-disproportionality.csv    the area's panel table, columns in words.\n"
            + "<area>-outcomes.csv              the area's panel outcomes table.\n"
            + "index.html                       a list of the packs.\n")
        .replace("\n", "\r\n");
  }

  private static Pack pack(
      ResultsFolder results,
      ResultsFolder.Area area,
      String year,
      DistrictMap maps,
      FileSystem fs,
      Path dir)
      throws IOException {
    PackData data = PackData.of(results, area, year);
    String stem = area.fileStem();
    List<String> files = new ArrayList<>();
    text(fs, new Path(dir, stem + ".html"), PackPage.render(data, maps));
    files.add(stem + ".html");
    try (OutputStream out = fs.create(new Path(dir, stem + ".xlsx"), true)) {
      PackWorkbook.write(data, out);
    }
    files.add(stem + ".xlsx");
    Predicate<CsvTable.Row> rows = packRows(area);
    csv(fs, new Path(dir, stem + "-disproportionality.csv"), data.panel, rows);
    csv(fs, new Path(dir, stem + "-outcomes.csv"), data.panelOutcomes, rows);
    files.add(stem + "-disproportionality.csv");
    files.add(stem + "-outcomes.csv");
    return new Pack(area, files);
  }

  /**
   * The panel rows an area's pack holds: a district's or CSP's own rows; for a force, its own rows
   * of every period and its districts' and CSPs' financial years (their months stay in {@code
   * panel/}: British Transport Police's would be 600,000 lines, past what a spreadsheet opens).
   */
  public static Predicate<CsvTable.Row> packRows(ResultsFolder.Area area) {
    if (!GeographyLevel.FORCE.equals(area.level())) {
      return area::owns;
    }
    return row ->
        area.owns(row)
            || !GeographyLevel.FORCE.equals(row.text("geography_level"))
                && PeriodType.FINANCIAL_YEAR.equals(row.text("period_type"));
  }

  /** An area's panel rows with the columns labelled in words, values as published. */
  private static void csv(FileSystem fs, Path file, CsvTable table, Predicate<CsvTable.Row> rows)
      throws IOException {
    StringBuilder s = new StringBuilder();
    List<String> labels = new ArrayList<>();
    table.columns().forEach(c -> labels.add(Words.column(c)));
    s.append(CsvFormat.header(labels));
    for (CsvTable.Row row : table.rows()) {
      if (rows.test(row)) {
        s.append(PanelTables.line(new ArrayList<>(row.values())));
      }
    }
    text(fs, file, s.toString());
  }

  private static String index(ResultsFolder results, List<Pack> packs) {
    Map<String, String> links = new LinkedHashMap<>();
    for (Pack pack : packs) {
      ResultsFolder.Area a = pack.area();
      links.put(
          pack.files().get(0),
          a.name()
              + (GeographyLevel.FORCE.equals(a.level())
                  ? ""
                  : " ("
                      + a.level().toUpperCase(java.util.Locale.ROOT).replace("DISTRICT", "district")
                      + ", "
                      + a.force()
                      + ")"));
    }
    StringBuilder s =
        new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"en-GB\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
                + " initial-scale=1\"><title>Panel packs</title><style>body{font-family:system-ui,Arial,"
                + "sans-serif;max-width:720px;margin:2em auto;padding:0 16px;line-height:1.6}</style>"
                + "</head><body><h1>Panel packs</h1><p>Run ");
    s.append(Html.esc(results.manifest().path("run").path("run_id").asText()))
        .append(". Each pack is one page; its workbook and CSV files sit beside it.</p><ul>\n");
    links.forEach(
        (file, name) ->
            s.append("<li><a href=\"")
                .append(Html.esc(file))
                .append("\">")
                .append(Html.esc(name))
                .append("</a></li>\n"));
    return s.append("</ul></body></html>\n").toString();
  }

  private static void text(FileSystem fs, Path file, String text) throws IOException {
    try (Writer w = new OutputStreamWriter(fs.create(file, true), StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }
}
