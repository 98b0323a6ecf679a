package org.scrutineer.jobs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.scrutineer.pipeline.report.PanelPacks;
import org.scrutineer.pipeline.report.ResultsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scrutineer report}: makes panel packs from a published run, without Spark and without
 * recomputing anything.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Makes a panel pack per area from published results: a page to read (HTML, one file, no"
          + " internet needed, prints to A4), a workbook (xlsx) and the area's panel tables as"
          + " CSV. Nothing is recomputed and nothing the panel tables suppress is shown.",
      "Exit codes: 0 packs written; 2 bad arguments, no such area, or results it cannot read."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--results",
      required = true,
      paramLabel = "DIR",
      description =
          "A results store (its published run is read, DIR/latest) or one run's folder"
              + " (DIR/runs/<run-id>).")
  String results;

  @Option(
      names = "--area",
      paramLabel = "AREA",
      description =
          "A force by name as in the results (hampshire), or a district or Community Safety"
              + " Partnership by ONS code or name; repeatable.")
  List<String> areas = new ArrayList<>();

  @Option(
      names = "--all-forces",
      description = "A pack for every force in the results (the default when no --area is given).")
  boolean allForces;

  @Option(
      names = "--year",
      paramLabel = "YYYY-YY",
      description =
          "The financial year to report, e.g. 2019-20. Default: each power's latest year with"
              + " every month submitted.")
  String year;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for the packs, replaced as a whole. Default: the run's report/ folder.")
  String out;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Configuration conf = SparkSessions.localHadoopConfiguration();
    ResultsFolder folder;
    List<ResultsFolder.Area> chosen = new ArrayList<>();
    try {
      folder = ResultsFolder.open(results, conf);
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      if (allForces || areas.isEmpty()) {
        for (ResultsFolder.Area force : folder.forceAreas()) {
          chosen.add(force);
          seen.add(force.fileStem());
        }
      }
      for (String area : areas) {
        ResultsFolder.Area resolved = folder.resolve(area);
        if (seen.add(resolved.fileStem())) {
          chosen.add(resolved);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("Input error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    String target = out != null ? out : folder.defaultPackFolder();
    List<PanelPacks.Pack> packs;
    try {
      packs = PanelPacks.write(folder, chosen, year, target, conf);
    } catch (IllegalArgumentException e) {
      err.println("Input error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    for (PanelPacks.Pack pack : packs) {
      stdout.println("  " + pack.area().name() + ": " + String.join(", ", pack.files()));
    }
    stdout.printf("Wrote %d panel pack(s) to %s (open index.html)%n", packs.size(), target);
    return ExitCodes.OK;
  }
}
