package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.ingest.ExtractMapping;
import org.scrutineer.pipeline.ingest.FileSummaries;
import org.scrutineer.pipeline.ingest.FileSummary;
import org.scrutineer.pipeline.ingest.InputDiscovery;
import org.scrutineer.pipeline.ingest.RawRecords;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.ingest.RejectReason;
import org.scrutineer.pipeline.ingest.SourceFile;
import org.scrutineer.pipeline.population.AreaLookup;
import org.scrutineer.pipeline.population.PopulationReader;
import org.scrutineer.pipeline.population.PopulationTable;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.reference.ReferenceTable;
import org.scrutineer.pipeline.report.Caveats;
import org.scrutineer.pipeline.report.Cell;
import org.scrutineer.pipeline.report.CellCounts;
import org.scrutineer.pipeline.report.CellPlan;
import org.scrutineer.pipeline.report.Coverage;
import org.scrutineer.pipeline.report.DisproportionalityTable;
import org.scrutineer.pipeline.report.MissingDataTable;
import org.scrutineer.pipeline.report.OutcomesTable;
import org.scrutineer.pipeline.report.OutputSchemas;
import org.scrutineer.pipeline.report.TableWriter;
import org.scrutineer.pipeline.report.UnmappedValues;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.standardize.StopSearchRecords;

/**
 * The stop-and-search run, end to end: discover and check inputs, read denominators, read and
 * validate every record, reconcile each file, count by cell, compute the statistics on the driver,
 * write every table as Parquet and CSV with the rejects and a provenance manifest, then apply the
 * data-quality gates.
 *
 * <p>Takes the caller's {@link SparkSession}; never creates or stops one. Outputs are written
 * before the gates are checked, so a failed gate can be inspected.
 *
 * @see RunConfig
 */
public final class ScrutineerRun {
  private ScrutineerRun() {}

  /**
   * Runs the pipeline.
   *
   * @return what was read and written
   * @throws InputException for unusable input (nothing is written)
   * @throws DataQualityException when a gate fails (after the outputs are written)
   */
  public static RunResult run(SparkSession spark, RunConfig config, Progress progress) {
    Instant started = Instant.now();
    Configuration conf = spark.sparkContext().hadoopConfiguration();

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
            config.stopSearch(), mappings, registry, conf, config.from(), config.to());
    if (discovered.files().isEmpty()) {
      throw new InputException(
          String.format(
              "No stop-and-search files to read in %s%s",
              config.stopSearch(),
              discovered.outsideWindow().isEmpty()
                  ? ""
                  : String.format(" (%d outside the window)", discovered.outsideWindow().size())));
    }
    long bytes = discovered.files().stream().mapToLong(SourceFile::bytes).sum();
    progress.stage(
        "discover",
        String.format(
            "%,d files (%,d bytes); %,d outside the window; %,d other files ignored",
            discovered.files().size(),
            bytes,
            discovered.outsideWindow().size(),
            discovered.ignored().size()));

    AreaLookup lookup =
        config.areaLookup() == null
            ? null
            : AreaLookup.read(ReferenceTable.file(config.areaLookup(), conf));
    PopulationTable population = null;
    List<String> incompleteForces = List.of();
    if (config.population() != null) {
      population =
          PopulationReader.read(
              ReferenceTable.file(config.population(), conf), config.populationFormat());
      if (lookup != null) {
        PopulationTable.RollUp rollUp = population.rollUpForces(lookup);
        population = rollUp.table();
        incompleteForces = rollUp.incompleteForceAreas();
      }
      progress.stage(
          "population", String.format("%,d areas from %s", population.size(), population.source()));
    }

    // The files are read once, into the record-level Parquet table; every later step reads that.
    TableWriter writer = new TableWriter(spark, config.out());
    Column paths =
        functions.array(discovered.files().stream().map(f -> lit(f.path())).toArray(Column[]::new));
    Dataset<Row> standardized =
        StopSearchRecords.standardize(
                RawRecords.read(spark, discovered.files(), registry, true), registry)
            .withColumn(Columns.SOURCE_FILE, element_at(paths, col(Columns.FILE_INDEX).plus(1)))
            .select(
                Arrays.stream(OutputSchemas.RECORDS_SCHEMA.fieldNames())
                    .map(functions::col)
                    .toArray(Column[]::new));
    // Whole-stage code generation fuses the ~50 standardisation expressions into one method too
    // large for HotSpot to compile (over its 8,000-byte limit), so it would run interpreted;
    // per-operator code generation splits it into small methods (bench/standardise-bench.sh: on
    // the shared police.uk set, 14 s instead of 20 s cold, 5 s instead of 13 s warm).
    String recordsPath =
        withConf(
            spark,
            "spark.sql.codegen.wholeStage",
            "false",
            () -> writer.writeParquet(OutputSchemas.RECORDS, standardized));
    progress.stage("records", "standardised records written to " + recordsPath);
    Dataset<Row> records = spark.read().parquet(recordsPath);
    Dataset<Row> recordCounts =
        EventCounts.recordCounts(records).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<FileSummary> files = FileSummaries.collect(recordCounts, discovered.files());
      List<FileSummary> badHeaders = files.stream().filter(f -> f.headerProblem() != null).toList();
      if (!badHeaders.isEmpty()) {
        throw new InputException(
            badHeaders.get(0).headerProblem()
                + (badHeaders.size() > 1
                    ? String.format(" (and %d more files)", badHeaders.size() - 1)
                    : ""));
      }
      long read = files.stream().mapToLong(FileSummary::rowsRead).sum();
      long accepted = files.stream().mapToLong(FileSummary::accepted).sum();
      long rejected = files.stream().mapToLong(FileSummary::rejected).sum();
      for (FileSummary file : files) {
        if (!file.reconciles()) {
          throw new IllegalStateException(
              String.format(
                  "Reconciliation failed for %s: %d read, %d accepted, %d rejected",
                  file.file().path(), file.rowsRead(), file.accepted(), file.rejected()));
        }
      }
      progress.stage(
          "read",
          String.format("%,d rows read = %,d accepted + %,d rejected", read, accepted, rejected));

      Coverage coverage = Coverage.of(files, config.from(), config.to());
      List<String> submitted = new ArrayList<>();
      for (String force : coverage.forces()) {
        coverage.submitted(force).forEach(m -> submitted.add(force + " " + m));
      }
      CellCounts counts =
          new CellCounts(
              EventCounts.cellCounts(recordCounts, submitted, Power.STOP_SEARCH.code())
                  .collectAsList());
      List<Cell> cells = CellPlan.cells(coverage, counts, registry, lookup, population);
      List<Cell> forceMonths =
          cells.stream()
              .filter(
                  c ->
                      c.level().equals(EventCounts.FORCE_LEVEL)
                          && c.periodType().equals(Periods.MONTH))
              .toList();
      long rowsCounted =
          forceMonths.stream().mapToLong(c -> counts.total(c.key(), EventCounts.RECORDS)).sum();
      long personSearches =
          forceMonths.stream()
              .mapToLong(c -> counts.total(c.key(), EventCounts.PERSON_SEARCHES))
              .sum();
      long unmappedCount = 0;
      for (String field : UnmappedValues.FIELDS) {
        unmappedCount += forceMonths.stream().mapToLong(c -> counts.total(c.key(), field)).sum();
      }
      List<String> withoutDenominator = new ArrayList<>(incompleteForces);
      if (population != null) {
        for (String force : coverage.forces()) {
          Force known = registry.find(force).orElseThrow();
          if (known.residentPopulation()
              && population.area(known.areaCode()) == null
              && !withoutDenominator.contains(known.areaCode())) {
            withoutDenominator.add(known.areaCode());
          }
        }
      }
      progress.stage(
          "count",
          String.format(
              "%,d rows counted in %,d cells (%s to %s); %,d accepted rows outside the window or"
                  + " submitted months",
              rowsCounted, cells.size(), coverage.from(), coverage.to(), accepted - rowsCounted));

      final PopulationTable denominators = population;
      final ForceRegistry forces = registry;
      List<Row> disproportionality =
          DisproportionalityTable.build(
              cells,
              counts,
              denominators,
              cell -> forces.find(cell.force()).map(Force::residentPopulation).orElse(false),
              config.report());
      List<Row> outcomes = OutcomesTable.build(cells, counts, config.report());
      List<Row> missing = MissingDataTable.build(cells, counts);
      List<Row> coverageRows = coverage.rows(registry);
      List<UnmappedValues.Value> unmapped =
          unmappedCount == 0 ? List.of() : UnmappedValues.collect(accepted(records, submitted));
      progress.stage(
          "statistics",
          String.format(
              "%,d disproportionality rows%s",
              disproportionality.size(),
              population == null
                  ? "; no --population: counts without rates"
                  : withoutDenominator.isEmpty()
                      ? ""
                      : "; no denominator for force areas " + withoutDenominator));

      List<TableWriter.Written> outputs = new ArrayList<>();
      outputs.add(
          new TableWriter.Written(OutputSchemas.RECORDS, read + files.size(), recordsPath, null));
      outputs.add(
          writer.write(
              OutputSchemas.DISPROPORTIONALITY,
              OutputSchemas.DISPROPORTIONALITY_SCHEMA,
              disproportionality));
      outputs.add(writer.write(OutputSchemas.OUTCOMES, OutputSchemas.OUTCOMES_SCHEMA, outcomes));
      outputs.add(
          writer.write(OutputSchemas.MISSING_DATA, OutputSchemas.MISSING_DATA_SCHEMA, missing));
      outputs.add(
          writer.write(OutputSchemas.COVERAGE, OutputSchemas.COVERAGE_SCHEMA, coverageRows));
      outputs.add(writer.write(OutputSchemas.REJECTS, rejects(records), rejected));
      progress.stage("write", String.format("%d tables to %s", outputs.size(), config.out()));

      List<String> failed = new ArrayList<>();
      List<Map<String, Object>> gates = new ArrayList<>();
      gate(
          gates,
          failed,
          "rejected rows",
          rejected,
          read,
          config.maxRejectFraction(),
          "see rejects.csv for every rejected row with its file, line and reason");
      for (String field :
          List.of(Columns.SELF_DEFINED_ETHNICITY, Columns.OFFICER_DEFINED_ETHNICITY)) {
        long n =
            unmapped.stream()
                .filter(v -> v.field().equals(field))
                .mapToLong(UnmappedValues.Value::count)
                .sum();
        gate(
            gates,
            failed,
            "unmapped " + field.replace('_', ' ') + " labels",
            n,
            personSearches,
            config.maxUnmappedFraction(),
            "add the labels to a mapping's values, or fix the source; see manifest.json unmapped_values");
      }

      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("tool", tool(spark));
      manifest.put(
          "run",
          Map.of(
              "started", started.toString(),
              "finished", Instant.now().toString(),
              "elapsed_seconds", progress.elapsed(),
              "spark_master", spark.sparkContext().master()));
      manifest.put("settings", settings(config));
      manifest.put(
          "window", Map.of("from", coverage.from().toString(), "to", coverage.to().toString()));
      manifest.put("reconciliation", reconciliation(read, accepted, rejected, rowsCounted));
      manifest.put("inputs", inputs(files));
      manifest.put("reference_files", referenceFiles(config, conf));
      manifest.put(
          "skipped_outside_window",
          discovered.outsideWindow().stream().map(SourceFile::path).toList());
      manifest.put("ignored_files", discovered.ignored());
      manifest.put("unmapped_values", unmapped);
      manifest.put("force_areas_without_denominator", withoutDenominator);
      manifest.put("decisions", decisions(accepted, rowsCounted, personSearches));
      manifest.put("reject_rules", rejectRules());
      manifest.put("gates", gates);
      manifest.put("outputs", outputs);
      manifest.put("stages", progress.stages());
      manifest.put("caveats", Caveats.ALL);
      String manifestPath = writer.writeText("manifest.json", json(manifest));
      progress.stage("manifest", manifestPath);

      RunResult result =
          new RunResult(read, accepted, rejected, rowsCounted, outputs, manifestPath, failed);
      if (!failed.isEmpty()) {
        throw new DataQualityException(String.join("; ", failed));
      }
      return result;
    } catch (InputException e) {
      // Unusable input writes nothing: remove the record table this run began with.
      writer.delete(OutputSchemas.RECORDS);
      throw e;
    } finally {
      recordCounts.unpersist();
    }
  }

  /** Runs {@code action} with a SQL setting changed, restoring the caller's value afterwards. */
  private static <T> T withConf(
      SparkSession spark, String key, String value, java.util.function.Supplier<T> action) {
    String previous = spark.conf().get(key);
    spark.conf().set(key, value);
    try {
      return action.get();
    } finally {
      spark.conf().set(key, previous);
    }
  }

  /** Accepted records of the submitted force-months. */
  private static Dataset<Row> accepted(Dataset<Row> validated, List<String> submitted) {
    return validated
        .where(col(Columns.RECORD_TYPE).equalTo(RawSchema.RECORD))
        .where(col(Columns.REJECT_REASON).isNull())
        .where(concat_ws(" ", col(Columns.FORCE), col(Columns.MONTH)).isin(submitted.toArray()));
  }

  private static Dataset<Row> rejects(Dataset<Row> records) {
    Column rule = null;
    for (RejectReason reason : RejectReason.values()) {
      Column when =
          org.apache.spark.sql.functions.when(
              col(Columns.REJECT_REASON).equalTo(reason.name()), reason.rule());
      rule =
          rule == null
              ? when
              : rule.when(col(Columns.REJECT_REASON).equalTo(reason.name()), reason.rule());
    }
    return records
        .where(col(Columns.RECORD_TYPE).equalTo(RawSchema.RECORD))
        .where(col(Columns.REJECT_REASON).isNotNull())
        .select(
            org.apache.spark.sql.functions.lit(Power.STOP_SEARCH.code()).as("power"),
            col(Columns.SOURCE_FILE).as("source_file"),
            col(Columns.LINE_NUMBER).as("line_number"),
            col(Columns.REJECT_REASON).as("reason"),
            rule.as("rule"),
            col(Columns.REJECT_DETAIL).as("detail"),
            col(Columns.RAW_TEXT).as("raw_text"))
        .orderBy(col("source_file"), col("line_number"));
  }

  private static void gate(
      List<Map<String, Object>> gates,
      List<String> failed,
      String name,
      long count,
      long of,
      double limit,
      String hint) {
    double share = of == 0 ? 0 : (double) count / of;
    boolean passed = share <= limit;
    Map<String, Object> gate = new LinkedHashMap<>();
    gate.put("gate", name);
    gate.put("count", count);
    gate.put("of", of);
    gate.put("fraction", share);
    gate.put("limit", limit);
    gate.put("passed", passed);
    gates.add(gate);
    if (!passed) {
      failed.add(
          String.format(
              "%,d of %,d %s (%.2f%%) exceeds the limit of %.2f%%: %s",
              count, of, name, 100 * share, 100 * limit, hint));
    }
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

  private static Map<String, Object> tool(SparkSession spark) {
    Properties versions = new Properties();
    try (InputStream in = ScrutineerRun.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        versions.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "scrutineer");
    tool.put("version", versions.getProperty("scrutineer.version", "unknown"));
    tool.put("spark_version", spark.version());
    tool.put("java_version", System.getProperty("java.version"));
    return tool;
  }

  private static Map<String, Object> settings(RunConfig config) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("stop_search", config.stopSearch());
    settings.put("mappings", config.mappings());
    settings.put("population", config.population());
    settings.put("population_format", config.populationFormat().option());
    settings.put("area_lookup", config.areaLookup());
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

  private static Map<String, Object> reconciliation(
      long read, long accepted, long rejected, long counted) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("rows_read", read);
    r.put("rows_accepted", accepted);
    r.put("rows_rejected", rejected);
    r.put("reconciled", read == accepted + rejected);
    r.put("rows_counted", counted);
    r.put("rows_accepted_not_counted", accepted - counted);
    return r;
  }

  private static List<Map<String, Object>> inputs(List<FileSummary> files) {
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
      input.put("rows_read", f.rowsRead());
      input.put("rows_accepted", f.accepted());
      input.put("rows_rejected", f.rejected());
      input.put("reconciled", f.reconciles());
      input.put("rejects_by_reason", f.rejectsByReason());
      inputs.add(input);
    }
    return inputs;
  }

  private static List<Map<String, Object>> referenceFiles(RunConfig config, Configuration conf) {
    List<Map<String, Object>> files = new ArrayList<>();
    Map<String, String> roles = new LinkedHashMap<>();
    if (config.population() != null) {
      roles.put(config.population(), "population");
    }
    if (config.areaLookup() != null) {
      roles.put(config.areaLookup(), "area_lookup");
    }
    if (config.forces() != null) {
      roles.put(config.forces(), "forces");
    }
    config.mappings().forEach(m -> roles.put(m, "mapping"));
    roles.forEach(
        (path, role) -> {
          Map<String, Object> file = new LinkedHashMap<>();
          file.put("role", role);
          file.put("path", path);
          file.put("sha256", sha256(path, conf));
          files.add(file);
        });
    return files;
  }

  private static List<String> decisions(long accepted, long counted, long personSearches) {
    return List.of(
        String.format(
            "%,d accepted rows counted; %,d accepted rows fall outside the window or the"
                + " force's submitted months and are not counted",
            counted, accepted - counted),
        String.format(
            "%,d of the counted rows are person searches; vehicle-only searches are excluded"
                + " from ethnicity rates, outcomes and person-field completeness",
            personSearches),
        "police.uk records count in the month named by the file (the Date column is UTC)",
        "self-defined ethnicity (5+1) is the basis of every rate; blank, not stated and unmapped"
            + " values are Unknown and receive no denominator");
  }

  private static Map<String, String> rejectRules() {
    Map<String, String> rules = new LinkedHashMap<>();
    for (RejectReason reason : RejectReason.values()) {
      rules.put(reason.name(), reason.rule());
    }
    return rules;
  }

  private static String sha256(String path, Configuration conf) {
    Path hadoopPath = new Path(path);
    try (InputStream in =
        new DigestInputStream(
            hadoopPath.getFileSystem(conf).open(hadoopPath),
            MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
