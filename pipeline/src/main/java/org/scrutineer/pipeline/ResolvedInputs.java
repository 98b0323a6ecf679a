package org.scrutineer.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.scrutineer.pipeline.geo.Boundaries;
import org.scrutineer.pipeline.geo.BoundaryReader;
import org.scrutineer.pipeline.geo.DistrictBoundaries;
import org.scrutineer.pipeline.geo.DistrictChanges;
import org.scrutineer.pipeline.ingest.ExtractMapping;
import org.scrutineer.pipeline.ingest.InputDiscovery;
import org.scrutineer.pipeline.ingest.SourceFile;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.population.AreaLookup;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.reference.ReferenceTable;
import org.scrutineer.pipeline.schema.Power;

/**
 * Stage 1, resolve inputs: everything a run reads besides the records, checked before any record is
 * read. Reads the force registry (built in, plus {@code --forces}), the extract mappings, the input
 * files found in the window, the area lookup, the population tables and the district boundaries.
 * Small and held on the driver: reference tables, not data.
 *
 * @param registry the forces
 * @param discovered the input files, with those outside the window and those ignored
 * @param lookup the area lookup, or {@code null} when none was given
 * @param population the population tables by period, or {@code null} when none were given
 * @param incompleteForces force areas whose population the lookup could not complete
 * @param boundaries the district boundaries, or {@code null} when none were given
 * @param districtForces district code to force area code (empty without a lookup)
 * @param districtCsps district code to Community Safety Partnership code (empty without a lookup)
 * @param powers the powers with at least one file
 */
record ResolvedInputs(
    ForceRegistry registry,
    InputDiscovery.Discovered discovered,
    AreaLookup lookup,
    Denominators population,
    List<String> incompleteForces,
    Boundaries boundaries,
    Map<String, String> districtForces,
    Map<String, String> districtCsps,
    Set<Power> powers) {

  /**
   * Resolves the inputs of {@code config}, reporting each step to {@code progress}.
   *
   * @throws InputException when a file is missing or unusable, or no input file is found
   */
  static ResolvedInputs resolve(RunConfig config, Configuration conf, Progress progress) {
    ForceRegistry registry = ForceRegistry.builtIn();
    if (config.forces() != null) {
      registry = registry.with(ReferenceTable.file(config.forces(), conf));
    }
    List<ExtractMapping> mappings = new ArrayList<>();
    for (String mapping : config.mappings()) {
      mappings.add(readMapping(mapping, conf));
    }
    InputDiscovery.Discovered discovered =
        InputDiscovery.discover(
            config.inputs(),
            mappings,
            registry,
            conf,
            config.from(),
            config.to(),
            config.ignoreUnrecognisedFiles());
    if (discovered.files().isEmpty()) {
      throw new InputException(
          String.format(
              "No files to read in %s%s",
              config.inputs().values(),
              discovered.outsideWindow().isEmpty()
                  ? ""
                  : String.format(" (%d outside the window)", discovered.outsideWindow().size())));
    }
    progress.stage(
        "discover",
        String.format(
            "%,d files (%,d bytes); %,d outside the window; %,d other files ignored",
            discovered.files().size(),
            discovered.files().stream().mapToLong(SourceFile::bytes).sum(),
            discovered.outsideWindow().size(),
            discovered.ignored().size()));

    AreaLookup lookup =
        config.areaLookup() == null
            ? null
            : AreaLookup.read(ReferenceTable.file(config.areaLookup(), conf));
    PopulationInputs.Loaded loaded =
        PopulationInputs.read(config.population(), config.populationFormat(), lookup, conf);
    Denominators population = loaded.denominators();
    if (population != null) {
      progress.stage(
          "population",
          population.vintages().stream()
              .map(
                  v ->
                      String.format(
                          "%,d areas from %s%s",
                          v.table().size(),
                          v.table().source(),
                          v.from() == null ? "" : " from " + v.from()))
              .collect(Collectors.joining("; ")));
    }

    Boundaries boundaries = readBoundaries(config.geography(), lookup, conf);
    if (boundaries != null) {
      int repaired = boundaries.sets().stream().mapToInt(b -> b.repaired().size()).sum();
      progress.stage(
          "boundaries",
          String.format(
              "%s; districts reported in %d codes%s",
              boundaries.sets().stream()
                  .map(b -> String.format("%d: %,d districts", b.year(), b.districts().size()))
                  .toList(),
              boundaries.targetYear(),
              repaired == 0
                  ? ""
                  : String.format(
                      "; %d invalid polygons repaired (listed in the manifest)", repaired)));
    }

    Map<String, String> districtForces = new LinkedHashMap<>();
    Map<String, String> districtCsps = new LinkedHashMap<>();
    if (lookup != null) {
      lookup.districts().forEach(d -> districtForces.put(d.districtCode(), d.forceAreaCode()));
      lookup.districts().forEach(d -> districtCsps.put(d.districtCode(), d.cspCode()));
    }
    Set<Power> powers = EnumSet.noneOf(Power.class);
    discovered.files().forEach(f -> powers.add(f.power()));
    return new ResolvedInputs(
        registry,
        discovered,
        lookup,
        population,
        loaded.incompleteForceAreas(),
        boundaries,
        districtForces,
        districtCsps,
        powers);
  }

  /**
   * The same inputs with {@code files} as the run's files (the files found, then those whose
   * records the record store keeps though they are gone).
   */
  ResolvedInputs withFiles(List<SourceFile> files) {
    if (files.equals(discovered.files())) {
      return this;
    }
    Set<Power> withPowers = EnumSet.copyOf(powers);
    files.forEach(f -> withPowers.add(f.power()));
    return new ResolvedInputs(
        registry,
        new InputDiscovery.Discovered(files, discovered.outsideWindow(), discovered.ignored()),
        lookup,
        population,
        incompleteForces,
        boundaries,
        districtForces,
        districtCsps,
        withPowers);
  }

  /**
   * Reads the boundary files ({@code PATH} or {@code PATH@YEAR}) and the code-change table, or
   * returns {@code null} when none are given. Districts are reported in the area lookup's year.
   */
  private static Boundaries readBoundaries(
      RunConfig.Geography geography, AreaLookup lookup, Configuration conf) {
    if (geography.boundaries().isEmpty()) {
      return null;
    }
    List<DistrictBoundaries> sets = new ArrayList<>();
    for (String given : geography.boundaries()) {
      String path = given;
      Integer year = null;
      int at = given.lastIndexOf('@');
      if (at > 0 && given.substring(at + 1).matches("\\d{4}")) {
        path = given.substring(0, at);
        year = Integer.valueOf(given.substring(at + 1));
      }
      Path hadoopPath = new Path(path);
      try (InputStream in = hadoopPath.getFileSystem(conf).open(hadoopPath)) {
        sets.add(
            BoundaryReader.read(
                path, in, geography.codeProperty(), geography.nameProperty(), year));
      } catch (java.io.FileNotFoundException e) {
        throw new InputException("Boundary file not found: " + path, e);
      } catch (IOException e) {
        throw new InputException(
            String.format("Cannot read boundary file %s: %s", path, e.getMessage()), e);
      }
    }
    DistrictChanges changes =
        geography.changes() == null
            ? DistrictChanges.none()
            : DistrictChanges.read(ReferenceTable.file(geography.changes(), conf));
    return new Boundaries(sets, changes, lookup == null ? null : lookup.year());
  }

  private static ExtractMapping readMapping(String path, Configuration conf) {
    Path hadoopPath = new Path(path);
    try (InputStream in = hadoopPath.getFileSystem(conf).open(hadoopPath)) {
      return ExtractMapping.read(path, in);
    } catch (java.io.FileNotFoundException e) {
      throw new InputException("Mapping not found: " + path, e);
    } catch (IOException e) {
      throw new InputException(
          String.format("Cannot read mapping %s: %s", path, e.getMessage()), e);
    }
  }
}
