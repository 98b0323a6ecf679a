package org.scrutineer.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.scrutineer.pipeline.disclosure.SmallNumbers;
import org.scrutineer.pipeline.output.TableWriter;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.store.ResultsStore;

/**
 * A published run's folder, read for the panel pack: its manifest and, force by force, the CSV
 * tables it wrote ({@code panel/} and {@code csv/}). Nothing is recomputed: the pack shows what the
 * run published.
 */
public final class ResultsFolder {
  /** The folder of the panel tables in a run. */
  public static final String PANEL = "panel";

  /** The folder of the analysts' CSV tables in a run. */
  public static final String CSV = "csv";

  /** British Transport Police's slug. */
  private static final String TRANSPORT_POLICE = "btp";

  private final FileSystem fs;
  private final Path run;
  private final JsonNode manifest;

  private ResultsFolder(FileSystem fs, Path run, JsonNode manifest) {
    this.fs = fs;
    this.run = run;
    this.manifest = manifest;
  }

  /**
   * Opens a results folder: a run's own folder (it holds {@code manifest.json}), or a results
   * store, whose published run is read.
   *
   * @throws IllegalArgumentException when {@code results} is neither, or the store has no published
   *     run
   * @throws IOException when the folder cannot be read
   */
  public static ResultsFolder open(String results, Configuration conf) throws IOException {
    Path path = new Path(results);
    FileSystem fs = TableWriter.withoutChecksums(path.getFileSystem(conf));
    path = fs.makeQualified(path);
    if (!fs.exists(path)) {
      throw new IllegalArgumentException("Results folder not found: " + results);
    }
    Path run = path;
    if (!fs.exists(new Path(run, "manifest.json"))) {
      ResultsStore store = ResultsStore.existing(results, conf);
      String latest = store.latestRun();
      if (latest == null) {
        throw new IllegalArgumentException(
            results + " is a results store with no published run (see 'scrutineer runs')");
      }
      run = store.run(latest);
    }
    if (!fs.exists(new Path(run, PANEL))) {
      throw new IllegalArgumentException(
          run + " has no panel/ tables: run it again with this version to make a pack");
    }
    try (InputStream in = fs.open(new Path(run, "manifest.json"))) {
      return new ResultsFolder(fs, run, new ObjectMapper().readTree(in));
    }
  }

  /** The run's folder. */
  public Path run() {
    return run;
  }

  /** The file system the folder is on (checksum files are not written beside pack files). */
  public FileSystem fileSystem() {
    return fs;
  }

  /** The run's manifest. */
  public JsonNode manifest() {
    return manifest;
  }

  /**
   * The run's small-number rules, from its manifest (the defaults for any a run did not record).
   */
  public SmallNumbers smallNumbers() {
    JsonNode n = manifest.path("settings").path("small_numbers");
    SmallNumbers d = SmallNumbers.DEFAULT;
    return new SmallNumbers(
        n.path("rateMinimum").asLong(d.rateMinimum()),
        n.path("ratioMinimum").asLong(d.ratioMinimum()),
        n.path("reliableMinimum").asLong(d.reliableMinimum()),
        n.path("panelMinimum").asLong(d.panelMinimum()),
        n.path("panelSensitiveMinimum").asLong(d.panelSensitiveMinimum()));
  }

  /** The names (not paths) of the population files the run used, in order. */
  List<String> populationSources() {
    List<String> names = new ArrayList<>();
    for (JsonNode p : manifest.path("settings").path("population")) {
      names.add(new Path(p.asText().replaceAll("@.*$", "")).getName());
    }
    return names;
  }

  /** The run's interval level as a percentage, "95%". */
  String intervalLevel() {
    double level = manifest.path("settings").path("confidence_level").asDouble(0.95);
    return Numbers.fixed(level * 100, 0) + "%";
  }

  /** The packs' default folder: the run's {@code report/}. */
  public String defaultPackFolder() {
    return new Path(run, PanelPacks.FOLDER).toString();
  }

  /** Every force's own area, in slug order. */
  public List<Area> forceAreas() throws IOException {
    List<Area> areas = new ArrayList<>();
    for (String force : forces()) {
      areas.add(forceArea(force));
    }
    return areas;
  }

  /** The forces the run published panel tables for, by slug, sorted. */
  public List<String> forces() throws IOException {
    TreeSet<String> forces = new TreeSet<>();
    for (FileStatus file : fs.listStatus(new Path(run, PANEL + "/disproportionality"))) {
      String name = file.getPath().getName();
      if (name.endsWith(".csv")) {
        forces.add(name.substring(0, name.length() - 4));
      }
    }
    return new ArrayList<>(forces);
  }

  /**
   * A force's file of a table, or an empty table when the run has none (a power the force did not
   * submit, a table an older run did not write).
   *
   * @param folder {@link #PANEL} or {@link #CSV}
   */
  public CsvTable table(String folder, String table, String force) throws IOException {
    Path file = new Path(run, folder + "/" + table + "/" + force + ".csv");
    String name = folder + "/" + table + "/" + force + ".csv";
    try (InputStream in = fs.open(file)) {
      return CsvTable.read(name, in);
    } catch (FileNotFoundException e) {
      return CsvTable.empty(name);
    }
  }

  /**
   * Finds the area an argument names: a force by slug ({@code hampshire}), or a district or
   * Community Safety Partnership by ONS code or name, in the panel tables of the run.
   *
   * @throws IllegalArgumentException when no force, district or CSP matches
   */
  public Area resolve(String wanted) throws IOException {
    List<String> forces = forces();
    String slug = wanted.trim().toLowerCase(Locale.ROOT);
    for (String force : forces) {
      if (force.equals(slug)) {
        return forceArea(force);
      }
    }
    // A district is looked for in the territorial forces first: British Transport Police has
    // rows for the districts its stations are in, which are not its own.
    List<String> order = new ArrayList<>(forces);
    order.sort(java.util.Comparator.comparing(f -> f.equals(TRANSPORT_POLICE)));
    for (String force : order) {
      CsvTable panel = table(PANEL, "disproportionality", force);
      for (CsvTable.Row row : panel.rows()) {
        String level = row.text("geography_level");
        if (GeographyLevel.FORCE.equals(level)) {
          continue;
        }
        if (row.text("area_code").equalsIgnoreCase(wanted.trim())
            || row.text("area_name").equalsIgnoreCase(wanted.trim())) {
          return new Area(force, level, row.text("area_code"), row.text("area_name"));
        }
      }
    }
    throw new IllegalArgumentException(
        String.format(
            "No force, district or CSP '%s' in the results (forces: %s)",
            wanted, String.join(", ", forces)));
  }

  /** A force's own area. */
  public Area forceArea(String force) throws IOException {
    for (CsvTable.Row row : table(PANEL, "disproportionality", force).rows()) {
      if (GeographyLevel.FORCE.equals(row.text("geography_level"))) {
        return new Area(force, GeographyLevel.FORCE, row.text("area_code"), row.text("area_name"));
      }
    }
    return new Area(force, GeographyLevel.FORCE, "", force);
  }

  /**
   * An area a pack is made for.
   *
   * @param force the force's slug (its tables' file name)
   * @param level {@code force}, {@code csp} or {@code district}
   * @param code the ONS code (empty for a force without one, British Transport Police)
   * @param name the area's name
   */
  public record Area(String force, String level, String code, String name) {
    /** The pack's file name stem: the force slug, or the slug and the area code. */
    public String fileStem() {
      return GeographyLevel.FORCE.equals(level)
          ? force
          : force + "-" + code.toLowerCase(Locale.ROOT);
    }

    /** Whether a table row is this area's. */
    boolean owns(CsvTable.Row row) {
      return level.equals(row.text("geography_level")) && code.equals(row.text("area_code"));
    }
  }
}
