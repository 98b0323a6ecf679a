package org.scrutineer.pipeline.ingest;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Power;

/**
 * Finds the input files on the driver. Each file's header is checked where it is read ({@link
 * HeaderCheck}), so the driver never opens thousands of files itself.
 *
 * <p>Each path is given for one power. A stop-and-search path may be a data.police.uk archive
 * folder (searched recursively for {@code YYYY-MM-<force>-stop-and-search.csv}; other files, such
 * as street-crime files, are listed as ignored), a loose police.uk file, or a force extract read
 * through the {@link ExtractMapping} of that power whose {@code file_pattern} matches its name (or
 * the only mapping given). A path of another power is a file or a folder of {@code .csv} files,
 * each read through a matching mapping of that power, else as a canonical file of the power's
 * format. Police.uk files for months outside the run window are skipped and listed.
 */
public final class InputDiscovery {
  private InputDiscovery() {}

  /**
   * What discovery found.
   *
   * @param files the files to read, in path order
   * @param outsideWindow police.uk files skipped because their month is outside the window
   * @param ignored files under a folder that are neither police.uk files nor matched by a mapping
   */
  public record Discovered(
      List<SourceFile> files, List<SourceFile> outsideWindow, List<String> ignored) {}

  /**
   * Discovers and checks the inputs.
   *
   * @param inputs the paths given for each power (folders or files)
   * @param mappings the extract mappings given
   * @param from first month of the run window, or {@code null} for no lower bound
   * @param to last month of the run window, or {@code null} for no upper bound
   * @throws InputException for a missing path, an unknown force, an unmatched or ambiguous extract,
   *     or two files for the same force and month
   */
  public static Discovered discover(
      Map<Power, List<String>> inputs,
      List<ExtractMapping> mappings,
      ForceRegistry registry,
      Configuration conf,
      YearMonth from,
      YearMonth to) {
    return discover(inputs, mappings, registry, conf, from, to, false);
  }

  /**
   * As {@link #discover(Map, List, ForceRegistry, Configuration, YearMonth, YearMonth)}; a file in
   * a stop-and-search folder that looks like data ({@link #looksLikeData}) but does not match the
   * expected names stops the run listing every such file, unless {@code ignoreUnrecognised}, when
   * it is listed with the ignored files.
   */
  public static Discovered discover(
      Map<Power, List<String>> inputs,
      List<ExtractMapping> mappings,
      ForceRegistry registry,
      Configuration conf,
      YearMonth from,
      YearMonth to,
      boolean ignoreUnrecognised) {
    Map<String, SourceFile> byPath = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();
    List<String> unrecognised = new ArrayList<>();
    try {
      for (Map.Entry<Power, List<String>> input : inputs.entrySet()) {
        Power power = input.getKey();
        List<ExtractMapping> ofPower =
            mappings.stream().filter(m -> m.powerFormat() == power).toList();
        for (String given : input.getValue()) {
          discoverPath(given, power, ofPower, registry, conf, byPath, ignored, unrecognised);
        }
      }
      if (!unrecognised.isEmpty() && !ignoreUnrecognised) {
        throw new InputException(
            String.format(
                "%d file%s look%s like stop-and-search data but do%s not match"
                    + " YYYY-MM-<force>-stop-and-search.csv or a mapping's file_pattern: %s%s"
                    + " (rename them, or give --ignore-unrecognised-files to skip them)",
                unrecognised.size(),
                unrecognised.size() == 1 ? "" : "s",
                unrecognised.size() == 1 ? "s" : "",
                unrecognised.size() == 1 ? "es" : "",
                String.join(", ", unrecognised.subList(0, Math.min(10, unrecognised.size()))),
                unrecognised.size() > 10 ? ", ..." : ""));
      }
      ignored.addAll(unrecognised);
      List<SourceFile> files = new ArrayList<>();
      List<SourceFile> outside = new ArrayList<>();
      Map<String, String> forceMonths = new HashMap<>();
      for (SourceFile file : byPath.values()) {
        if (file.month() != null && !inWindow(YearMonth.parse(file.month()), from, to)) {
          outside.add(file);
          continue;
        }
        if (file.format() == SourceFormat.POLICE_UK) {
          String key = file.force() + " " + file.month();
          String previous = forceMonths.put(key, file.path());
          if (previous != null) {
            throw new InputException(
                String.format(
                    "Two files for force %s month %s: %s and %s (give one archive per run, or"
                        + " narrow --from/--to)",
                    file.force(), file.month(), previous, file.path()));
          }
        }
        files.add(file);
      }
      return new Discovered(List.copyOf(files), List.copyOf(outside), List.copyOf(ignored));
    } catch (IOException e) {
      throw new InputException("Cannot list inputs: " + e.getMessage(), e);
    }
  }

  private static void discoverPath(
      String given,
      Power power,
      List<ExtractMapping> mappings,
      ForceRegistry registry,
      Configuration conf,
      Map<String, SourceFile> byPath,
      List<String> ignored,
      List<String> unrecognised)
      throws IOException {
    Path path = new Path(given);
    FileSystem fs = path.getFileSystem(conf);
    if (!fs.exists(path)) {
      throw new InputException("Input not found: " + given);
    }
    Path qualified = fs.makeQualified(path);
    FileStatus status = fs.getFileStatus(qualified);
    if (status.isDirectory()) {
      List<FileStatus> found = new ArrayList<>();
      listRecursively(fs, qualified, found);
      found.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
      for (FileStatus file : found) {
        SourceFile source = classify(file, power, mappings, registry, true);
        if (source == null) {
          boolean dataLike =
              power == Power.STOP_SEARCH
                  && looksLikeData(
                      file.getPath().getName(), file.getPath().getParent().getName(), registry);
          (dataLike ? unrecognised : ignored).add(file.getPath().toString());
        } else {
          add(byPath, source);
        }
      }
    } else {
      add(byPath, classify(status, power, mappings, registry, false));
    }
  }

  private static void add(Map<String, SourceFile> byPath, SourceFile source) {
    SourceFile previous = byPath.putIfAbsent(source.path(), source);
    if (previous != null && previous.power() != source.power()) {
      throw new InputException(
          String.format(
              "Input %s is given for two powers (%s and %s)",
              source.path(), previous.power().code(), source.power().code()));
    }
  }

  /**
   * Lists files below a folder. Plain {@code listStatus} is used, not {@code listFiles}: the
   * located variant makes the local file system fork a process per file to read permissions.
   */
  private static void listRecursively(FileSystem fs, Path folder, List<FileStatus> into)
      throws IOException {
    for (FileStatus status : fs.listStatus(folder)) {
      if (status.isDirectory()) {
        listRecursively(fs, status.getPath(), into);
      } else {
        into.add(status);
      }
    }
  }

  /** The other files of a data.police.uk archive, rightly ignored. */
  private static final java.util.regex.Pattern OTHER_POLICE_UK =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-[a-z0-9-]+-(street|outcomes)\\.csv");

  /**
   * Whether a file name that matched nothing still looks like stop-and-search data: a {@code .csv}
   * in any case, or a name or folder starting like a month, or naming a known force, or saying stop
   * or search (a month 13, a copy named {@code ... (1).csv}, {@code .CSV}, a misspelt {@code stp});
   * the archive's street and outcomes files do not.
   */
  static boolean looksLikeData(String name, String folder, ForceRegistry registry) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (OTHER_POLICE_UK.matcher(lower).matches()) {
      return false;
    }
    boolean csv = lower.endsWith(".csv");
    boolean monthLike = lower.matches("\\d{4}-\\d{1,2}\\b.*") || folder.matches("\\d{4}-\\d{1,2}");
    boolean stopSearch = lower.contains("stop") || lower.contains("search");
    boolean force = registry.forces().stream().anyMatch(f -> lower.contains(f.slug()));
    return csv ? monthLike || stopSearch || force : monthLike && (stopSearch || force);
  }

  /** Whether {@code month} is inside the window; a null bound is open. */
  public static boolean inWindow(YearMonth month, YearMonth from, YearMonth to) {
    return (from == null || !month.isBefore(from)) && (to == null || !month.isAfter(to));
  }

  private static SourceFile classify(
      FileStatus status,
      Power power,
      List<ExtractMapping> mappings,
      ForceRegistry registry,
      boolean inFolder) {
    String path = status.getPath().toString();
    String name = status.getPath().getName();
    PoliceUkFormat.FileName policeUk =
        power == Power.STOP_SEARCH ? PoliceUkFormat.parseFileName(name) : null;
    if (policeUk != null) {
      if (registry.find(policeUk.force()).isEmpty()) {
        throw new InputException(
            String.format(
                "Unknown force '%s' in file name %s (not in the force registry; add it with"
                    + " --forces)",
                policeUk.force(), path));
      }
      return new SourceFile(
          path,
          power,
          SourceFormat.POLICE_UK,
          policeUk.force(),
          policeUk.month(),
          null,
          status.getLen());
    }
    List<ExtractMapping> matching =
        mappings.stream()
            .filter(m -> inFolder ? m.filePattern() != null && m.matches(name) : m.matches(name))
            .toList();
    if (matching.isEmpty() && power != Power.STOP_SEARCH) {
      boolean csv = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
      return csv || !inFolder
          ? new SourceFile(path, power, SourceFormat.CANONICAL, null, null, null, status.getLen())
          : null;
    }
    if (matching.isEmpty()) {
      if (inFolder) {
        return null;
      }
      throw new InputException(
          String.format(
              "Input %s is neither a data.police.uk file (YYYY-MM-<force>-stop-and-search.csv)"
                  + " nor matched by a --mapping file_pattern",
              path));
    }
    if (matching.size() > 1) {
      throw new InputException(
          String.format(
              "Input %s is matched by %d mappings (%s): give each mapping a distinct file_pattern",
              path, matching.size(), matching.stream().map(ExtractMapping::source).toList()));
    }
    ExtractMapping mapping = matching.get(0);
    if (mapping.force() != null && registry.find(mapping.force()).isEmpty()) {
      throw new InputException(
          String.format(
              "Invalid mapping %s: force '%s' is not in the force registry (add it with --forces)",
              mapping.source(), mapping.force()));
    }
    return new SourceFile(
        path, power, SourceFormat.EXTRACT, mapping.force(), null, mapping, status.getLen());
  }
}
