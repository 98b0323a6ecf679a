package org.scrutineer.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.scrutineer.pipeline.DataQualityException;
import org.scrutineer.pipeline.PreparedRun;
import org.scrutineer.pipeline.Progress;
import org.scrutineer.pipeline.RunConfig;
import org.scrutineer.pipeline.RunIdentity;
import org.scrutineer.pipeline.RunResult;
import org.scrutineer.pipeline.ScrutineerRun;
import org.scrutineer.pipeline.disclosure.SmallNumbers;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.io.StrictJson;
import org.scrutineer.pipeline.output.LocalFileSystemWithoutChecksums;
import org.scrutineer.pipeline.population.PopulationReader;
import org.scrutineer.pipeline.report.PanelPacks;
import org.scrutineer.pipeline.report.ResultsFolder;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.store.Attempt;
import org.scrutineer.pipeline.store.Outcome;
import org.scrutineer.pipeline.store.ResultsStore;
import org.scrutineer.pipeline.store.RunStatus;
import org.scrutineer.pipeline.store.StoreException;
import org.scrutineer.pipeline.store.StoreLockedException;
import org.scrutineer.pipeline.store.WriteFailures;
import org.scrutineer.pipeline.tables.ReportSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scrutineer run}: resolves options (command line over {@code --config} file over defaults),
 * opens a SparkSession, runs {@link ScrutineerRun} and maps the outcome to an exit code.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    abbreviateSynopsis = true,
    sortOptions = false,
    description = {
      "Reads stop and search, use of force, custody and fixed penalty notice records and"
          + " computes, per force, Community Safety Partnership, district, period and ethnic"
          + " group: rates per 1,000 residents, ratios to a comparison group with exact"
          + " intervals, outcome rates, missing-data rates and coverage, as Parquet and CSV"
          + " (panel/ tables with small numbers suppressed), with rejects and a provenance"
          + " manifest. --report adds a panel pack per force.",
      "--out is a results store: each run is built in DIR/runs/<run-id>/ and published"
          + " atomically at DIR/latest/ (the read path); DIR/latest/status.json and"
          + " DIR/last-attempt.json say how the run and the last attempt ended.",
      "Exit codes: 0 success (published); 1 unexpected error; 2 bad arguments or unusable input;"
          + " 3 a data-quality gate failed (the run is kept in DIR/runs/, not published);"
          + " 4 another run holds the store's lock; 5 nothing new to read; 6 the store cannot be"
          + " written (not writable, disk full). On any failure DIR/latest/ is left as it was."
    })
final class RunCommand implements Callable<Integer> {
  /** Option names that a {@code --config} file may set, mapped to whether they take paths. */
  private static final Map<String, Boolean> CONFIG_KEYS =
      Map.ofEntries(
          Map.entry("stop-search", true),
          Map.entry("use-of-force", true),
          Map.entry("custody", true),
          Map.entry("fpn", true),
          Map.entry("mapping", true),
          Map.entry("population", true),
          Map.entry("population-format", false),
          Map.entry("area-lookup", true),
          Map.entry("boundaries", true),
          Map.entry("boundary-code-property", false),
          Map.entry("boundary-name-property", false),
          Map.entry("district-changes", true),
          Map.entry("forces", true),
          Map.entry("from", false),
          Map.entry("to", false),
          Map.entry("reference-group", false),
          Map.entry("out", true),
          Map.entry("keep", false),
          Map.entry("master", false),
          Map.entry("conf", false),
          Map.entry("confidence-level", false),
          Map.entry("panel-min-count", false),
          Map.entry("panel-sensitive-min-count", false),
          Map.entry("max-reject-fraction", false),
          Map.entry("max-unmapped-fraction", false),
          Map.entry("ignore-unrecognised-files", false));

  /** Config keys that take several values. */
  private static final Set<String> REPEATABLE =
      Set.of(
          "stop-search",
          "use-of-force",
          "custody",
          "fpn",
          "mapping",
          "population",
          "boundaries",
          "conf");

  /** Config keys that take a number. */
  private static final Set<String> NUMERIC =
      Set.of(
          "confidence-level",
          "keep",
          "panel-min-count",
          "panel-sensitive-min-count",
          "max-reject-fraction",
          "max-unmapped-fraction");

  /** The help's sections and the options in each, in order; every option is in one. */
  static final Map<String, List<String>> HELP_SECTIONS =
      new java.util.LinkedHashMap<>(
          Map.of(
              "Inputs",
              List.of(
                  "--sample",
                  "--stop-search",
                  "--use-of-force",
                  "--custody",
                  "--fpn",
                  "--mapping",
                  "--config",
                  "--from",
                  "--to",
                  "--ignore-unrecognised-files")));

  static {
    HELP_SECTIONS.put(
        "Reference data",
        List.of(
            "--population",
            "--population-format",
            "--area-lookup",
            "--boundaries",
            "--boundary-code-property",
            "--boundary-name-property",
            "--district-changes",
            "--forces"));
    HELP_SECTIONS.put(
        "Outputs", List.of("--out", "--keep", "--report", "--full", "--allow-removal"));
    HELP_SECTIONS.put(
        "Statistics",
        List.of(
            "--reference-group",
            "--confidence-level",
            "--panel-min-count",
            "--panel-sensitive-min-count"));
    HELP_SECTIONS.put("Gates", List.of("--max-reject-fraction", "--max-unmapped-fraction"));
    HELP_SECTIONS.put("Spark", List.of("--master", "--conf"));
    HELP_SECTIONS.put("Help", List.of("--help", "--version"));
  }

  /** Prints {@code run}'s options in {@link #HELP_SECTIONS}, each under its heading. */
  static void groupHelp(picocli.CommandLine run) {
    run.getHelpSectionMap()
        .put(
            picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            help -> {
              StringBuilder text = new StringBuilder();
              HELP_SECTIONS.forEach(
                  (heading, names) -> {
                    picocli.CommandLine.Help.Layout layout = help.createDefaultLayout();
                    for (String name : names) {
                      layout.addOption(
                          help.commandSpec().findOption(name),
                          help.createDefaultParamLabelRenderer());
                    }
                    text.append(String.format("%n%s:%n", heading)).append(layout);
                  });
              return text.toString();
            });
    run.getHelpSectionMap()
        .put(
            picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
  }

  private final SparkSessions sessions;

  @Spec CommandSpec spec;

  @Option(
      names = "--sample",
      description = "Run on the synthetic sample shipped in the jar (data-samples/).")
  boolean sample;

  @Option(
      names = "--stop-search",
      paramLabel = "PATH",
      description =
          "Stop-and-search input, repeatable: a data.police.uk archive folder"
              + " (YYYY-MM/YYYY-MM-<force>-stop-and-search.csv), such a file, or a force extract read"
              + " through a --mapping.")
  List<String> stopSearch = new ArrayList<>();

  @Option(
      names = "--use-of-force",
      paramLabel = "PATH",
      description =
          "Use-of-force input, repeatable: a canonical use-of-force CSV, a folder of them, or a force"
              + " export read through a --mapping with \"power\": \"use_of_force\".")
  List<String> useOfForce = new ArrayList<>();

  @Option(
      names = "--custody",
      paramLabel = "PATH",
      description =
          "Custody input, repeatable: canonical custody CSVs (a file or folder) or a mapped export.")
  List<String> custody = new ArrayList<>();

  @Option(
      names = "--fpn",
      paramLabel = "PATH",
      description =
          "Fixed penalty notice input, repeatable: canonical FPN CSVs (a file or folder) or a mapped"
              + " export.")
  List<String> fpn = new ArrayList<>();

  @Option(
      names = "--boundaries",
      paramLabel = "FILE[@YEAR]",
      description =
          "District polygons (GeoJSON, WGS84), repeatable, one per boundary year: places"
              + " stop-and-search records without a district by their coordinates. The year is"
              + " read from LADyyCD properties or the file name, or given as FILE@YEAR.")
  List<String> boundaries = new ArrayList<>();

  @Option(
      names = "--boundary-code-property",
      paramLabel = "NAME",
      description = "Feature property holding the district code (default: detected).")
  String boundaryCodeProperty;

  @Option(
      names = "--boundary-name-property",
      paramLabel = "NAME",
      description = "Feature property holding the district name (default: detected).")
  String boundaryNameProperty;

  @Option(
      names = "--district-changes",
      paramLabel = "FILE",
      description =
          "ONS district code changes (oldcd,newcd,type,start): carries districts of older"
              + " boundary years forward to the area lookup's year.")
  String districtChanges;

  @Option(
      names = "--mapping",
      paramLabel = "FILE.json",
      description = "Column mapping for force extracts, repeatable (see README, 'Force extracts').")
  List<String> mapping = new ArrayList<>();

  @Option(
      names = "--population",
      paramLabel = "FILE[@yyyy-MM]",
      description =
          "Resident population by area and ethnic group (without it: counts, no rates)."
              + " Repeatable, one file per denominator source with the first month it applies to,"
              + " e.g. census2011.csv census2021.csv@2022-04; each period uses the file in force"
              + " in its first month, and a change of file is a series break.")
  List<String> population = new ArrayList<>();

  @Option(
      names = "--population-format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "ons-ts021 (ONS Census 2021 TS021, 20 categories, long format), canonical"
              + " (area_code,area_name,ethnic_group,population[,age_band,sex]) or auto (told by"
              + " each file's header). Default: ${DEFAULT-VALUE}.")
  String populationFormat;

  @Option(
      names = "--area-lookup",
      paramLabel = "FILE",
      description = "ONS LAD-CSP-PFA lookup CSV, to sum districts into police force areas.")
  String areaLookup;

  @Option(
      names = "--forces",
      paramLabel = "FILE",
      description = "Extra force registry CSV (slug,name,area_code,resident_population).")
  String forces;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "First month (default: first submitted).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last month (default: last submitted).")
  String to;

  @Option(
      names = "--reference-group",
      defaultValue = "White",
      paramLabel = "GROUP",
      description =
          "Group ratios compare against: White, Black, Asian, Mixed or Other. Default: ${DEFAULT-VALUE}.")
  String referenceGroup;

  @Option(
      names = "--out",
      defaultValue = "scrutineer-output",
      paramLabel = "DIR",
      description =
          "Results store (a new or empty folder, or an earlier store): read the published run at"
              + " DIR/latest/. Default: ${DEFAULT-VALUE}.")
  String out;

  @Option(
      names = "--keep",
      paramLabel = "N",
      defaultValue = "7",
      description =
          "Complete runs kept in the store (the published one always stays)."
              + " Default: ${DEFAULT-VALUE}.")
  int keep;

  @Option(
      names = "--full",
      description =
          "Read every input file again and rebuild the record store's records of this run, rather"
              + " than reuse the records of files unchanged since the published run.")
  boolean full;

  @Option(
      names = "--allow-removal",
      description =
          "Drop the records of input files the published run read that are gone. Without it they"
              + " are kept and counted, and the run reports them.")
  boolean allowRemoval;

  @Option(
      names = "--report",
      description =
          "Also make a panel pack for every force (see 'scrutineer report'), published with the"
              + " run in DIR/latest/report/.")
  boolean report;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master. Default: the one spark-submit sets, else local[*].")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description =
          "A Spark setting passed through to the session (repeatable), for example"
              + " spark.sql.shuffle.partitions=64 or spark.hadoop.fs.s3a.endpoint=URL.")
  List<String> conf = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE.json",
      description =
          "JSON file holding any of these settings by option name, e.g."
              + " {\"stop-search\": [\"archive\"], \"from\": \"2020-04\"}; relative paths are read from"
              + " the file's folder; the command line wins.")
  Path config;

  @Option(
      names = "--confidence-level",
      paramLabel = "LEVEL",
      defaultValue = "0.95",
      description = "Two-sided level of every interval. Default: ${DEFAULT-VALUE}.")
  double confidenceLevel;

  @Option(
      names = "--panel-min-count",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "panel/ tables: counts of people from 1 to N-1 are suppressed ([c]), with secondary"
              + " suppression. Default: ${DEFAULT-VALUE}.")
  long panelMinCount;

  @Option(
      names = "--panel-sensitive-min-count",
      paramLabel = "N",
      defaultValue = "20",
      description =
          "The stricter panel minimum for counts about children and strip searches."
              + " Default: ${DEFAULT-VALUE}.")
  long panelSensitiveMinCount;

  @Option(
      names = "--max-reject-fraction",
      paramLabel = "FRACTION",
      defaultValue = "0.01",
      description =
          "Fail with exit code 3 when more rows than this are rejected. Default: ${DEFAULT-VALUE}.")
  double maxRejectFraction;

  @Option(
      names = "--max-unmapped-fraction",
      paramLabel = "FRACTION",
      defaultValue = "0.001",
      description =
          "Fail with exit code 3 when more person searches than this carry an unmapped"
              + " self- or officer-defined ethnicity. Default: ${DEFAULT-VALUE}.")
  double maxUnmappedFraction;

  @Option(
      names = "--ignore-unrecognised-files",
      description =
          "Skip (and list in the manifest) files in a stop-and-search folder that look like data"
              + " but match no expected name, instead of stopping with exit code 2.")
  boolean ignoreUnrecognisedFiles;

  RunCommand(SparkSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public Integer call() throws Exception {
    if (sample && config != null) {
      throw new ParameterException(spec.commandLine(), "Give --sample or --config, not both");
    }
    Path sampleFolder = sample ? SampleData.extract() : null;
    try {
      if (sampleFolder != null) {
        applyConfig(sampleFolder.resolve("sample.json"));
      } else if (config != null) {
        applyConfig(config);
      }
      return run(toConfig());
    } finally {
      if (sampleFolder != null) {
        SampleData.delete(sampleFolder);
      }
    }
  }

  private int run(RunConfig runConfig) throws Exception {
    if (keep < 1) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for --keep: " + keep + " (must be 1 or more)");
    }
    Instant started = Instant.now();
    PrintWriter err = spec.commandLine().getErr();
    Configuration hadoop = hadoopSettings();
    try {
      checkInputsExist(hadoop);
    } catch (InputException e) {
      err.println("Input error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    ResultsStore store;
    try {
      store = ResultsStore.open(out, hadoop);
    } catch (IllegalArgumentException e) {
      err.println("Input error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (StoreException e) {
      err.println("Output error: " + e.getMessage());
      return ExitCodes.OUTPUT_FAILED;
    }
    Attempt attempt;
    try {
      attempt = store.begin(started);
    } catch (StoreLockedException e) {
      err.println(e.getMessage());
      store.recordAttempt(
          new RunStatus(
              null,
              Outcome.LOCKED,
              e.getMessage(),
              started.toString(),
              Instant.now().toString(),
              null,
              false,
              null,
              null,
              null));
      return ExitCodes.LOCKED;
    } catch (StoreException e) {
      err.println("Output error: " + e.getMessage());
      return ExitCodes.OUTPUT_FAILED;
    }
    try (attempt) {
      Progress progress = new Progress(spec.commandLine().getOut()::println);
      PreparedRun prepared;
      try {
        prepared = ScrutineerRun.prepare(runConfig, hadoop, progress);
      } catch (InputException e) {
        return fail(attempt, Outcome.BAD_INPUT, "Input error: " + e.getMessage(), started);
      }
      return run(prepared, store, attempt, started, progress);
    }
  }

  /** Runs into the attempt's folder, then publishes, keeps or abandons it by the outcome. */
  private int run(
      PreparedRun prepared, ResultsStore store, Attempt attempt, Instant started, Progress progress)
      throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (attempt.clearedStaleLock() != null) {
      stdout.println(
          "Cleared a stale lock left by a run that ended without releasing it ("
              + attempt.clearedStaleLock()
              + ")");
    }
    if (!attempt.recovered().isEmpty()) {
      stdout.println(
          "Removed what unfinished runs left: " + String.join(", ", attempt.recovered()));
    }
    RunIdentity identity =
        new RunIdentity(
            store.root().toString(), attempt.runId(), attempt.previousRun(), full, allowRemoval);
    SparkSession spark = sessions.open(master, sparkSettings());
    try {
      RunResult result =
          ScrutineerRun.run(spark, prepared.withOut(attempt.dir().toString()), progress, identity);
      if (result.nothingNew() != null) {
        String message =
            String.format(
                "Nothing new: %s, with the settings of run %s; %s is unchanged",
                result.nothingNew(), attempt.previousRun(), readPath(store));
        attempt.abandon(status(attempt, Outcome.NOTHING_NEW, message, started, result));
        stdout.println(message);
        return ExitCodes.NOTHING_NEW;
      }
      if (report) {
        writeReports(attempt, spark.sparkContext().hadoopConfiguration(), progress);
      }
      attempt.publish(status(attempt, Outcome.SUCCESS, "published", started, result), keep);
      progress.stage("publish", "run " + attempt.runId() + " published at " + readPath(store));
      stdout.printf(
          "Done: %,d rows read, %,d accepted, %,d rejected; results at %s%n",
          result.rowsRead(), result.rowsAccepted(), result.rowsRejected(), readPath(store));
      return ExitCodes.OK;
    } catch (InputException e) {
      return fail(attempt, Outcome.BAD_INPUT, "Input error: " + e.getMessage(), started);
    } catch (DataQualityException e) {
      String message = "Data quality gate failed: " + e.getMessage();
      err.println(message);
      attempt.keepUnpublished(status(attempt, Outcome.GATE_FAILED, message, started, null), keep);
      err.println(
          "The run is kept for inspection in "
              + attempt.dir()
              + "; "
              + readPath(store)
              + " is unchanged.");
      return ExitCodes.DATA_QUALITY;
    } catch (Exception e) {
      // Spark's own exceptions (SparkException) are checked: caught here with the rest.
      String writeFailure = WriteFailures.describe(e, store.root().toString());
      if (writeFailure != null) {
        return fail(attempt, Outcome.OUTPUT_FAILED, "Output error: " + writeFailure, started);
      }
      failQuietly(attempt, Outcome.UNEXPECTED, "Unexpected error: " + e, started);
      throw e;
    } finally {
      sessions.close(spark);
    }
  }

  /** Makes every force's panel pack in the run's folder, before it is published. */
  private static void writeReports(Attempt attempt, Configuration hadoop, Progress progress)
      throws IOException {
    ResultsFolder folder = ResultsFolder.open(attempt.dir().toString(), hadoop);
    String target = folder.defaultPackFolder();
    List<PanelPacks.Pack> packs =
        PanelPacks.write(folder, folder.forceAreas(), null, target, hadoop);
    progress.stage("report", packs.size() + " panel packs written to " + target);
  }

  /** Reports a failed run in one line, removes its folder and records the attempt. */
  private int fail(Attempt attempt, Outcome outcome, String message, Instant started) {
    spec.commandLine().getErr().println(message);
    failQuietly(attempt, outcome, message, started);
    return outcome.exitCode();
  }

  private void failQuietly(Attempt attempt, Outcome outcome, String message, Instant started) {
    try {
      attempt.abandon(status(attempt, outcome, message, started, null));
    } catch (RuntimeException cleanupFailed) {
      // A full disk can stop the clean-up too; the next run's recovery removes what is left.
      spec.commandLine()
          .getErr()
          .println("(Could not record the attempt: " + cleanupFailed.getMessage() + ")");
    }
  }

  private static RunStatus status(
      Attempt attempt, Outcome outcome, String message, Instant started, RunResult result) {
    return new RunStatus(
        attempt.runId(),
        outcome,
        message,
        started.toString(),
        Instant.now().toString(),
        attempt.previousRun(),
        outcome == Outcome.SUCCESS,
        result == null ? null : result.rowsRead(),
        result == null ? null : result.rowsAccepted(),
        result == null ? null : result.rowsRejected());
  }

  /** Every input and reference path given exists; the message names the option. */
  private void checkInputsExist(Configuration hadoop) {
    Map<String, List<String>> given = new java.util.LinkedHashMap<>();
    given.put("--stop-search", stopSearch);
    given.put("--use-of-force", useOfForce);
    given.put("--custody", custody);
    given.put("--fpn", fpn);
    given.put("--mapping", mapping);
    given.put(
        "--population",
        population.stream().map(p -> p.replaceFirst("@\\d{4}-\\d{2}$", "")).toList());
    given.put(
        "--boundaries", boundaries.stream().map(b -> b.replaceFirst("@\\d{4}$", "")).toList());
    given.put("--area-lookup", areaLookup == null ? List.of() : List.of(areaLookup));
    given.put("--district-changes", districtChanges == null ? List.of() : List.of(districtChanges));
    given.put("--forces", forces == null ? List.of() : List.of(forces));
    given.forEach(
        (option, paths) -> {
          for (String path : paths) {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            boolean exists;
            try {
              exists = p.getFileSystem(hadoop).exists(p);
            } catch (IOException e) {
              throw new InputException(
                  String.format("%s %s: cannot be read (%s)", option, path, e.getMessage()), e);
            }
            if (!exists) {
              throw new InputException(
                  String.format("%s %s: no such file or folder", option, path));
            }
          }
        });
  }

  /** Where readers find the published run. */
  private static String readPath(ResultsStore store) {
    return store.root() + "/" + ResultsStore.LATEST;
  }

  /**
   * The Hadoop settings for reading inputs and opening the store before Spark starts, as Spark
   * would make them: the site files on the class path, then every {@code spark.hadoop.*} setting
   * (from spark-submit, then --conf) without its prefix.
   */
  private Configuration hadoopSettings() {
    Configuration hadoop = new Configuration();
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    for (scala.Tuple2<String, String> setting : new org.apache.spark.SparkConf().getAll()) {
      settings.put(setting._1(), setting._2());
    }
    settings.putAll(sparkSettings());
    settings.forEach(
        (key, value) -> {
          if (key.startsWith("spark.hadoop.")) {
            hadoop.set(key.substring("spark.hadoop.".length()), value);
          }
        });
    if (!SparkSessions.underSparkSubmit()) {
      LocalFileSystemWithoutChecksums.configure(hadoop);
    }
    return hadoop;
  }

  /** The {@code --conf} settings, checked: each {@code spark.KEY=VALUE}. */
  private Map<String, String> sparkSettings() {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    for (String setting : conf) {
      int eq = setting.indexOf('=');
      if (eq <= 0 || !setting.startsWith("spark.")) {
        throw new ParameterException(
            spec.commandLine(),
            String.format(
                "Invalid --conf '%s' (must be spark.KEY=VALUE, e.g."
                    + " spark.sql.shuffle.partitions=64)",
                setting));
      }
      settings.put(setting.substring(0, eq), setting.substring(eq + 1));
    }
    return settings;
  }

  /**
   * A config file's path: one with a URI scheme ({@code hdfs://}, {@code s3a://}, {@code file:}) as
   * given, any other relative to the config file's folder.
   */
  static String resolve(Path base, String path) {
    return path.matches("[A-Za-z][A-Za-z0-9+.-]+:.*") ? path : base.resolve(path).toString();
  }

  private RunConfig toConfig() {
    try {
      Map<Power, List<String>> inputs = new java.util.EnumMap<>(Power.class);
      inputs.put(Power.STOP_SEARCH, stopSearch);
      inputs.put(Power.USE_OF_FORCE, useOfForce);
      inputs.put(Power.CUSTODY, custody);
      inputs.put(Power.FPN, fpn);
      return new RunConfig(
          inputs,
          mapping,
          population,
          populationFormat.equals("auto")
              ? null
              : PopulationReader.Format.fromOption(populationFormat),
          areaLookup,
          new RunConfig.Geography(
              boundaries, boundaryCodeProperty, boundaryNameProperty, districtChanges),
          forces,
          from == null ? null : month(spec, "--from", from),
          to == null ? null : month(spec, "--to", to),
          out,
          new ReportSettings(
              EthnicGroup.comparisonFromLabel(referenceGroup),
              confidenceLevel,
              SmallNumbers.DEFAULT.withPanel(panelMinCount, panelSensitiveMinCount)),
          maxRejectFraction,
          maxUnmappedFraction,
          ignoreUnrecognisedFiles);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** Parses a {@code yyyy-MM} option value, failing as a usage error. */
  static YearMonth month(CommandSpec spec, String option, String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          String.format("Invalid value for %s: '%s' (must be YYYY-MM)", option, value));
    }
  }

  /** Sets every option the command line left unset from the JSON file. */
  private void applyConfig(Path file) {
    JsonNode root;
    try {
      root = StrictJson.mapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new ParameterException(
          spec.commandLine(), StrictJson.describe("Invalid config", file.toString(), e));
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), String.format("Cannot read config %s: %s", file, e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new ParameterException(
          spec.commandLine(), "Invalid config " + file + ": not a JSON object");
    }
    Path base = file.toAbsolutePath().getParent();
    Set<String> given =
        Set.copyOf(
            spec.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName())
                .toList());
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      Boolean isPath = CONFIG_KEYS.get(key);
      if (isPath == null) {
        throw new ParameterException(
            spec.commandLine(),
            String.format(
                "Invalid config %s: unknown setting '%s' (allowed: %s)",
                file, key, new java.util.TreeSet<>(CONFIG_KEYS.keySet())));
      }
      if (given.contains("--" + key)) {
        continue;
      }
      List<String> values = configValues(file, key, entry.getValue());
      List<String> resolved = values.stream().map(v -> isPath ? resolve(base, v) : v).toList();
      set(key, resolved);
    }
  }

  /**
   * A config value's text, checked for its shape: a repeatable option takes a string or a list of
   * strings, a numeric option a number (or a string holding one), a flag true or false, any other a
   * string. Anything else (an object, a nested list, null, true/false, an empty list or string)
   * stops the run naming the key and the shape it needs, rather than being read as an empty path.
   */
  private List<String> configValues(Path file, String key, JsonNode value) {
    boolean repeatable = REPEATABLE.contains(key);
    boolean numeric = NUMERIC.contains(key);
    boolean flag = key.equals("ignore-unrecognised-files");
    String shape =
        repeatable
            ? "a string or a list of strings"
            : numeric ? "a number" : flag ? "true or false" : "a string";
    List<JsonNode> items = new ArrayList<>();
    if (value.isArray() && repeatable) {
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : items) {
      boolean fits =
          flag
              ? item.isBoolean()
              : item.isTextual() && !item.asText().isBlank() || numeric && item.isNumber();
      if (!fits) {
        throw new ParameterException(
            spec.commandLine(),
            String.format(
                "Invalid config %s: '%s' must be %s, not %s", file, key, shape, describe(item)));
      }
      values.add(item.asText());
    }
    if (values.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          String.format("Invalid config %s: '%s' must be %s, not an empty list", file, key, shape));
    }
    return values;
  }

  private static String describe(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isBoolean()) {
      return "true/false";
    }
    if (node.isNumber()) {
      return "a number";
    }
    return "an empty string";
  }

  private void set(String key, List<String> values) {
    String value = values.get(0);
    try {
      switch (key) {
        case "stop-search" -> stopSearch = new ArrayList<>(values);
        case "use-of-force" -> useOfForce = new ArrayList<>(values);
        case "custody" -> custody = new ArrayList<>(values);
        case "fpn" -> fpn = new ArrayList<>(values);
        case "mapping" -> mapping = new ArrayList<>(values);
        case "population" -> population = new ArrayList<>(values);
        case "population-format" -> populationFormat = value;
        case "area-lookup" -> areaLookup = value;
        case "boundaries" -> boundaries = new ArrayList<>(values);
        case "boundary-code-property" -> boundaryCodeProperty = value;
        case "boundary-name-property" -> boundaryNameProperty = value;
        case "district-changes" -> districtChanges = value;
        case "forces" -> forces = value;
        case "from" -> from = value;
        case "to" -> to = value;
        case "reference-group" -> referenceGroup = value;
        case "out" -> out = value;
        case "keep" -> keep = Integer.parseInt(value);
        case "master" -> master = value;
        case "conf" -> conf = new ArrayList<>(values);
        case "confidence-level" -> confidenceLevel = Double.parseDouble(value);
        case "panel-min-count" -> panelMinCount = Long.parseLong(value);
        case "panel-sensitive-min-count" -> panelSensitiveMinCount = Long.parseLong(value);
        case "max-reject-fraction" -> maxRejectFraction = Double.parseDouble(value);
        case "max-unmapped-fraction" -> maxUnmappedFraction = Double.parseDouble(value);
        case "ignore-unrecognised-files" -> ignoreUnrecognisedFiles = Boolean.parseBoolean(value);
        default -> throw new IllegalStateException(key);
      }
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(),
          String.format("Invalid config value for %s: '%s' (must be a number)", key, value));
    }
  }
}
