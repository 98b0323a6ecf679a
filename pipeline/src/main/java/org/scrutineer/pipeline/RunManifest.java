package org.scrutineer.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.scrutineer.pipeline.aggregate.UnmappedValues;
import org.scrutineer.pipeline.ingest.FileHashes;
import org.scrutineer.pipeline.ingest.FileSummary;
import org.scrutineer.pipeline.output.Audience;
import org.scrutineer.pipeline.output.Concurrently;
import org.scrutineer.pipeline.output.ContentChecksum;
import org.scrutineer.pipeline.output.TableWriter;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.RejectReason;
import org.scrutineer.pipeline.store.RecordStore;

/**
 * The parts of {@code manifest.json}: provenance (tool and library versions, settings, inputs and
 * reference files with their SHA-256), reconciliation and the decisions a run took.
 */
final class RunManifest {
  private RunManifest() {}

  /**
   * Stage 8, manifest: the provenance of the run as one JSON document: tool, run, settings, window,
   * reconciliation, inputs, reference files, skipped, ignored and empty files, unmapped values,
   * force areas without a denominator, boundaries, decisions, reject rules, gates, outputs, stage
   * timings and caveats.
   */
  static String of(
      SparkSession spark,
      RunConfig config,
      RunIdentity identity,
      RecordSet recordSet,
      RecordStore recordStore,
      List<Map<String, Object>> referenceFiles,
      String recordsChecksum,
      java.time.Instant started,
      Progress progress,
      ResolvedInputs inputs,
      FilesRead files,
      CountedCells counted,
      List<UnmappedValues.Value> unmapped,
      QualityGates gates,
      List<TableWriter.Written> outputs,
      List<TableWriter.CsvFile> csvFiles) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, Object> manifest = new java.util.LinkedHashMap<>();
    manifest.put("tool", tool(spark));
    Map<String, Object> run = new LinkedHashMap<>();
    if (identity != null) {
      run.put("run_id", identity.runId());
      run.put("previous_run", identity.previousRun());
      run.put("store", identity.store());
    }
    run.put("started", started.toString());
    run.put("finished", java.time.Instant.now().toString());
    run.put("elapsed_seconds", progress.elapsed());
    run.put("spark_master", spark.sparkContext().master());
    manifest.put("run", run);
    manifest.put("settings", settings(config));
    manifest.put(
        "window",
        Map.of("from", files.coverage().from().toString(), "to", files.coverage().to().toString()));
    manifest.put(
        "reconciliation",
        reconciliation(files.read(), files.accepted(), files.rejected(), counted.rowsCounted()));
    manifest.put("record_store", recordSet.manifest(recordStore));
    manifest.put("inputs", inputs(files.files(), recordSet));
    manifest.put("reference_files", referenceFiles);
    manifest.put(
        "skipped_outside_window",
        inputs.discovered().outsideWindow().stream()
            .map(org.scrutineer.pipeline.ingest.SourceFile::path)
            .toList());
    manifest.put("ignored_files", inputs.discovered().ignored());
    manifest.put("empty_files", files.coverage().emptyFiles());
    manifest.put("unmapped_values", unmapped);
    manifest.put("force_areas_without_denominator", counted.withoutDenominator());
    if (inputs.boundaries() != null) {
      manifest.put("boundaries", boundaries(inputs.boundaries()));
    }
    manifest.put("decisions", decisions(files.accepted(), counted.rowsCounted(), counted.events()));
    manifest.put("reject_rules", rejectRules());
    manifest.put("gates", gates.results());
    manifest.put("audiences", audiences());
    manifest.put("outputs", outputs(spark, outputs, csvFiles, config.out(), conf, recordsChecksum));
    manifest.put("stages", progress.stages());
    manifest.put("caveats", org.scrutineer.pipeline.tables.Caveats.ALL);
    return json(manifest);
  }

  /** What each audience of the outputs may do with them. */
  static Map<String, String> audiences() {
    Map<String, String> audiences = new LinkedHashMap<>();
    for (Audience audience : Audience.values()) {
      audiences.put(audience.code(), audience.description());
    }
    return audiences;
  }

  /**
   * Each output: its table, rows, audience, its Parquet folder with the table's {@link
   * ContentChecksum content checksum}, and its CSV folder with every file in it (rows and SHA-256);
   * paths relative to the run's folder.
   */
  static List<Map<String, Object>> outputs(
      SparkSession spark,
      List<TableWriter.Written> written,
      List<TableWriter.CsvFile> csvFiles,
      String out,
      Configuration conf,
      String recordsChecksum) {
    String root = qualified(out, conf) + "/";
    Map<String, List<Map<String, Object>>> filesByFolder = new java.util.TreeMap<>();
    for (TableWriter.CsvFile file : csvFiles) {
      String path = relative(file.path(), root, conf);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", path);
      entry.put("rows", file.rows());
      entry.put("sha256", file.sha256());
      filesByFolder
          .computeIfAbsent(path.substring(0, path.lastIndexOf('/')), f -> new ArrayList<>())
          .add(entry);
    }
    filesByFolder
        .values()
        .forEach(l -> l.sort(java.util.Comparator.comparing(e -> (String) e.get("file"))));
    // Each checksum is a Spark job over a table: submitted together, so small tables share cores.
    List<java.util.concurrent.Callable<String>> checksums = new ArrayList<>();
    for (TableWriter.Written table : written) {
      checksums.add(
          () ->
              table.table().equals(OutputSchemas.RECORDS)
                  ? recordsChecksum
                  : table.parquet() == null ? null : ContentChecksum.of(spark, table.parquet()));
    }
    List<String> checksum = Concurrently.run(checksums);
    List<Map<String, Object>> outputs = new ArrayList<>();
    for (TableWriter.Written table : written) {
      String parquet = relative(table.parquet(), root, conf);
      String csv = relative(table.csv(), root, conf);
      Map<String, Object> output = new LinkedHashMap<>();
      output.put("table", table.table());
      output.put("rows", table.rows());
      boolean recordLevel = table.table().equals(OutputSchemas.RECORDS);
      output.put(
          "audience",
          (recordLevel ? Audience.RESTRICTED : Audience.ofPath(parquet != null ? parquet : csv))
              .code());
      output.put("parquet", parquet);
      if (recordLevel) {
        output.put(
            "parquet_files",
            "the record store's files of this run's inputs (record-set.json lists their keys);"
                + " the checksum is over the stored columns, file_key in place of file_index");
      }
      output.put("parquet_checksum", checksum.get(outputs.size()));
      output.put("csv", csv);
      output.put("csv_files", csv == null ? null : filesByFolder.getOrDefault(csv, List.of()));
      outputs.add(output);
    }
    return outputs;
  }

  private static String relative(String path, String root, Configuration conf) {
    if (path == null) {
      return null;
    }
    String full = qualified(path, conf);
    return full.startsWith(root) ? full.substring(root.length()) : full;
  }

  private static String qualified(String path, Configuration conf) {
    Path p = new Path(path);
    try {
      return p.getFileSystem(conf).makeQualified(p).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot resolve " + path, e);
    }
  }

  /** The version of Scrutineer running. */
  static String toolVersion() {
    Properties versions = new Properties();
    try (InputStream in = ScrutineerRun.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        versions.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions.getProperty("scrutineer.version", "unknown");
  }

  static Map<String, Object> tool(SparkSession spark) {
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "scrutineer");
    tool.put("version", toolVersion());
    tool.put("spark_version", spark.version());
    tool.put("java_version", System.getProperty("java.version"));
    return tool;
  }

  static Map<String, Object> settings(RunConfig config) {
    Map<String, Object> settings = new LinkedHashMap<>();
    Map<String, Object> inputs = new LinkedHashMap<>();
    config.inputs().forEach((power, paths) -> inputs.put(power.code(), paths));
    settings.put("inputs", inputs);
    settings.put("mappings", config.mappings());
    settings.put("population", config.population());
    settings.put(
        "population_format",
        config.populationFormat() == null ? "auto" : config.populationFormat().option());
    settings.put("area_lookup", config.areaLookup());
    settings.put("boundaries", config.geography().boundaries());
    settings.put("boundary_code_property", config.geography().codeProperty());
    settings.put("boundary_name_property", config.geography().nameProperty());
    settings.put("district_changes", config.geography().changes());
    settings.put("forces", config.forces());
    settings.put("from", config.from() == null ? null : config.from().toString());
    settings.put("to", config.to() == null ? null : config.to().toString());
    settings.put("out", config.out());
    settings.put("reference_group", config.report().referenceGroup().label());
    settings.put("confidence_level", config.report().confidenceLevel());
    settings.put("small_numbers", config.report().smallNumbers());
    settings.put("max_reject_fraction", config.maxRejectFraction());
    settings.put("max_unmapped_fraction", config.maxUnmappedFraction());
    return settings;
  }

  static Map<String, Object> reconciliation(long read, long accepted, long rejected, long counted) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("rows_read", read);
    r.put("rows_accepted", accepted);
    r.put("rows_rejected", rejected);
    r.put("reconciled", read == accepted + rejected);
    r.put("rows_counted", counted);
    r.put("rows_accepted_not_counted", accepted - counted);
    return r;
  }

  static List<Map<String, Object>> inputs(List<FileSummary> files, RecordSet recordSet) {
    Map<String, String> keys = recordSet.keysByPath();
    java.util.Set<String> read = new java.util.HashSet<>();
    recordSet.toRead().forEach(e -> read.add(e.path()));
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (FileSummary f : files) {
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("path", f.file().path());
      input.put("format", f.file().format().code());
      input.put("force", f.file().force());
      input.put("month", f.file().month());
      input.put("mapping", f.file().mapping() == null ? null : f.file().mapping().source());
      input.put("bytes", f.bytes());
      input.put("sha256", f.sha256());
      input.put("record_key", keys.get(f.file().path()));
      input.put(
          "records",
          read.contains(f.file().path())
              ? "read this run"
              : recordSet.removed().contains(f.file().path())
                  ? "kept from the store: the file is gone"
                  : "reused from the store: unchanged");
      input.put("lines", f.lines());
      input.put("duplicate_rows", f.duplicateRows());
      input.put("rows_read", f.rowsRead());
      input.put("rows_accepted", f.accepted());
      input.put("rows_rejected", f.rejected());
      input.put("reconciled", f.reconciles());
      input.put("rejects_by_reason", f.rejectsByReason());
      inputs.add(input);
    }
    return inputs;
  }

  static List<Map<String, Object>> referenceFiles(RunConfig config, Configuration conf) {
    List<Map<String, Object>> files = new ArrayList<>();
    Map<String, String> roles = new LinkedHashMap<>();
    for (String population : config.population()) {
      roles.put(PopulationInputs.path(population), "population");
    }
    if (config.areaLookup() != null) {
      roles.put(config.areaLookup(), "area_lookup");
    }
    if (config.forces() != null) {
      roles.put(config.forces(), "forces");
    }
    config.mappings().forEach(m -> roles.put(m, "mapping"));
    config
        .geography()
        .boundaries()
        .forEach(b -> roles.put(b.replaceFirst("@\\d{4}$", ""), "boundaries"));
    if (config.geography().changes() != null) {
      roles.put(config.geography().changes(), "district_changes");
    }
    roles.forEach(
        (path, role) -> {
          Map<String, Object> file = new LinkedHashMap<>();
          file.put("role", role);
          file.put("path", path);
          file.put("sha256", FileHashes.sha256(path, conf));
          files.add(file);
        });
    return files;
  }

  /** The boundary sets used: file, year, districts and the polygons repaired on reading. */
  static List<Map<String, Object>> boundaries(org.scrutineer.pipeline.geo.Boundaries boundaries) {
    List<Map<String, Object>> sets = new java.util.ArrayList<>();
    for (org.scrutineer.pipeline.geo.DistrictBoundaries set : boundaries.sets()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", set.source());
      entry.put("year", set.year());
      entry.put("applies_from", set.year() + "-04");
      entry.put("districts", set.districts().size());
      entry.put("repaired_polygons", set.repaired());
      sets.add(entry);
    }
    return sets;
  }

  static List<String> decisions(long accepted, long counted, long events) {
    return List.of(
        String.format(
            "%,d accepted rows counted; %,d accepted rows fall outside the window or the"
                + " force's submitted months and are not counted",
            counted, accepted - counted),
        String.format(
            "%,d events counted: person searches (vehicle-only searches are excluded from"
                + " ethnicity rates, outcomes and person-field completeness), use-of-force"
                + " subject-incidents (officer reports on the same subject and incident counted"
                + " once), custody detentions and fixed penalty notices",
            events),
        "police.uk records count in the month named by the file (the Date column is UTC)",
        "self-defined ethnicity (5+1) is the basis of every rate except use of force, which"
            + " records only officer-perceived ethnicity; blank, not stated and unmapped values"
            + " are Unknown and receive no denominator");
  }

  static Map<String, String> rejectRules() {
    Map<String, String> rules = new LinkedHashMap<>();
    for (RejectReason reason : RejectReason.values()) {
      rules.put(reason.name(), reason.rule());
    }
    return rules;
  }

  static String json(Object value) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
