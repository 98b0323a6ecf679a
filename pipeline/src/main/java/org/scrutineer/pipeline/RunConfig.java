package org.scrutineer.pipeline;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scrutineer.pipeline.population.PopulationReader;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.tables.ReportSettings;

/**
 * Fully resolved settings for one run, built by the command line and validated here.
 *
 * @param inputs input paths by power: for stop and search, archive folders, police.uk files or
 *     extracts; for the other powers, folders or files in the canonical format or read through a
 *     mapping of that power
 * @param mappings extract mapping JSON files
 * @param population population files, each {@code PATH} or {@code PATH@yyyy-MM} (the first month it
 *     applies to); empty for counts without rates
 * @param populationFormat the population files' format, or {@code null} to tell by the header
 * @param areaLookup ONS LAD-CSP-PFA lookup, or {@code null}
 * @param geography district boundaries for placing stop-and-search records by coordinates
 * @param forces extra force registry CSV, or {@code null}
 * @param from first month, or {@code null} for the first submitted
 * @param to last month, or {@code null} for the last submitted
 * @param out output folder
 * @param report reference group, confidence level and small-number rules
 * @param maxRejectFraction the run fails (exit 3) when more rows than this fraction are rejected
 * @param maxUnmappedFraction the run fails (exit 3) when more person searches than this fraction
 *     carry an unmapped self- or officer-defined ethnicity
 * @param ignoreUnrecognisedFiles skip (and list) files in a stop-and-search folder that look like
 *     data but match no expected name, instead of stopping the run
 */
public record RunConfig(
    Map<Power, List<String>> inputs,
    List<String> mappings,
    List<String> population,
    PopulationReader.Format populationFormat,
    String areaLookup,
    Geography geography,
    String forces,
    YearMonth from,
    YearMonth to,
    String out,
    ReportSettings report,
    double maxRejectFraction,
    double maxUnmappedFraction,
    boolean ignoreUnrecognisedFiles) {

  /** A run that stops on unrecognised data-like files. */
  public RunConfig(
      Map<Power, List<String>> inputs,
      List<String> mappings,
      List<String> population,
      PopulationReader.Format populationFormat,
      String areaLookup,
      Geography geography,
      String forces,
      YearMonth from,
      YearMonth to,
      String out,
      ReportSettings report,
      double maxRejectFraction,
      double maxUnmappedFraction) {
    this(
        inputs,
        mappings,
        population,
        populationFormat,
        areaLookup,
        geography,
        forces,
        from,
        to,
        out,
        report,
        maxRejectFraction,
        maxUnmappedFraction,
        false);
  }

  /**
   * Where district boundaries come from.
   *
   * @param boundaries GeoJSON files, each {@code PATH} or {@code PATH@YEAR}; empty for none
   * @param codeProperty the feature property holding the district code, or {@code null} to detect
   * @param nameProperty the feature property holding the district name, or {@code null} to detect
   * @param changes the ONS district code-change table, or {@code null}
   */
  public record Geography(
      List<String> boundaries, String codeProperty, String nameProperty, String changes) {
    /** No boundaries: stop-and-search records without a district are not placed. */
    public static final Geography NONE = new Geography(List.of(), null, null, null);

    public Geography {
      boundaries = List.copyOf(boundaries == null ? List.of() : boundaries);
    }
  }

  /** The same run writing into {@code folder}. */
  public RunConfig withOut(String folder) {
    return new RunConfig(
        inputs,
        mappings,
        population,
        populationFormat,
        areaLookup,
        geography,
        forces,
        from,
        to,
        folder,
        report,
        maxRejectFraction,
        maxUnmappedFraction,
        ignoreUnrecognisedFiles);
  }

  public RunConfig {
    geography = geography == null ? Geography.NONE : geography;
    Map<Power, List<String>> copy = new EnumMap<>(Power.class);
    Objects.requireNonNull(inputs, "inputs")
        .forEach(
            (power, paths) -> {
              if (!paths.isEmpty()) {
                copy.put(power, List.copyOf(paths));
              }
            });
    inputs = Collections.unmodifiableMap(copy);
    mappings = List.copyOf(Objects.requireNonNull(mappings, "mappings"));
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(report, "report");
    population = List.copyOf(population == null ? List.of() : population);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException(
          "No input: give at least one --stop-search, --use-of-force, --custody or --fpn path (or"
              + " --sample)");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException(
          String.format("Invalid window: --from %s is after --to %s", from, to));
    }
    checkFraction("max reject fraction", maxRejectFraction);
    checkFraction("max unmapped fraction", maxUnmappedFraction);
  }

  private static void checkFraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          String.format("Invalid %s: %s (must be in [0, 1])", name, value));
    }
  }
}
