package org.scrutineer.jobs;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.scrutineer.samples.GroundTruth;
import org.scrutineer.samples.SyntheticSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Writes a synthetic sample with planted effects (see {@link SyntheticSample}). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Writes a synthetic sample with planted effects for every power: data.police.uk stop"
            + " and search files, force extracts with their mappings (stop and search, custody),"
            + " use-of-force, custody and fixed penalty notice files, a Census TS021 population"
            + " file, an ONS lookup, district boundaries, a force registry, sample.json (the run's"
            + " settings) and ground-truth.json (the planted rates, ratios, missing rates and"
            + " malformed rows).")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "2022",
      paramLabel = "N",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "First month (default: 2022-01; with --national 2013-04).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last month (default: 2023-03; with --national 2023-03).")
  String to;

  @Option(
      names = "--national",
      description =
          "All 43 territorial forces and British Transport Police (real names and numbers of"
              + " districts, everything else drawn), every power, ten financial years by default:"
              + " about 25 million records, for benchmarks. Writes national.json, not sample.json.")
  boolean national;

  @Option(
      names = "--scale",
      defaultValue = "1.0",
      paramLabel = "FACTOR",
      description = "Multiplies every population, and so every count (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--hidden-share",
      defaultValue = "0.15",
      paramLabel = "SHARE",
      description =
          "Share of person searches with self-defined ethnicity hidden (default: ${DEFAULT-VALUE}).")
  double hiddenShare;

  @Override
  public Integer call() {
    SyntheticSample.Settings defaults = SyntheticSample.Settings.SAMPLE;
    YearMonth first =
        from != null
            ? RunCommand.month(spec, "--from", from)
            : national ? SyntheticSample.Settings.NATIONAL_FROM : defaults.from();
    YearMonth last =
        to != null
            ? RunCommand.month(spec, "--to", to)
            : national ? SyntheticSample.Settings.NATIONAL_TO : defaults.to();
    if (first.isAfter(last) || !(scale > 0) || !(hiddenShare >= 0 && hiddenShare < 1)) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid settings: need --from <= --to, --scale > 0 and 0 <= --hidden-share < 1");
    }
    GroundTruth truth =
        SyntheticSample.write(
            out,
            new SyntheticSample.Settings(
                seed,
                first,
                last,
                scale,
                hiddenShare,
                national ? SyntheticSample.Geography.NATIONAL : SyntheticSample.Geography.SAMPLE));
    long searches = truth.personSearches().values().stream().mapToLong(Long::longValue).sum();
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %d data files (%,d person searches, %,d use-of-force subject-incidents in %,d"
                + " officer reports, %,d custody detentions, %,d fixed penalty notices; %d planted"
                + " malformed rows) to %s%n",
            truth.files().size(),
            searches,
            total(truth, "use_of_force.events"),
            total(truth, "use_of_force.rows"),
            total(truth, "custody.events"),
            total(truth, "fpn.events"),
            truth.rejects().size(),
            out);
    return ExitCodes.OK;
  }

  private static long total(GroundTruth truth, String measure) {
    return truth.powerCounts().getOrDefault(measure, java.util.Map.of()).values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }
}
