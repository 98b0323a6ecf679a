package org.scrutineer.pipeline.cells;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.ingest.ExtractMapping;
import org.scrutineer.pipeline.ingest.FileSummary;
import org.scrutineer.pipeline.ingest.InputDiscovery;
import org.scrutineer.pipeline.ingest.SourceFormat;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.RowBuilder;

/**
 * Which months each force submitted for each power, and the run window.
 *
 * <p>Coverage is kept per power: a force may publish stop and search but not custody. A police.uk
 * file submits its force and month, even with no rows. An extract submits the months of its
 * mapping's {@code coverage}, or else the months from its first to its last record, for each force
 * it holds; a canonical file, the months from its first to its last record. A month covered by two
 * sources of the same power is an error, since counting it twice would double the rates. A month
 * with no source is missing: it is listed with {@code submitted = false} and never counted as zero.
 * The window is {@code --from}/{@code --to} when given, else the first to the last submitted month.
 */
public final class Coverage implements java.io.Serializable {
  private static final double PARTIAL_SHARE = 0.2;

  private final YearMonth from;
  private final YearMonth to;
  private final Map<Power, Map<String, Map<YearMonth, Entry>>> byPower;
  private final Map<Power, Map<String, Map<YearMonth, String>>> empty;

  /** {@code submission} of a month with records (or a stated coverage). */
  public static final String SUBMITTED = "submitted";

  /**
   * {@code submission} of a month whose file has a header and no rows: not a zero, since an empty
   * file cannot be told from a failed export; the month counts as not submitted.
   */
  public static final String SUBMITTED_EMPTY = "submitted_empty";

  /** {@code submission} of a month no file covers. */
  public static final String MISSING = "missing";

  /** One force-month's sources. */
  private static final class Entry implements java.io.Serializable {
    final List<String> files = new ArrayList<>();
    SourceFormat format;
    long accepted;
    boolean hasDistrict;
  }

  private Coverage(
      YearMonth from,
      YearMonth to,
      Map<Power, Map<String, Map<YearMonth, Entry>>> byPower,
      Map<Power, Map<String, Map<YearMonth, String>>> empty) {
    this.from = from;
    this.to = to;
    this.byPower = byPower;
    this.empty = empty;
  }

  /**
   * Works out coverage from what was read.
   *
   * @param from the run's first month, or {@code null} to start at the first submitted month
   * @param to the run's last month, or {@code null} to end at the last submitted month
   * @param placed whether stop-and-search records without a district are placed by their
   *     coordinates (boundaries given), so police.uk months have districts
   * @throws InputException when two sources cover the same force and month, or nothing was read
   */
  public static Coverage of(List<FileSummary> files, YearMonth from, YearMonth to, boolean placed) {
    Map<Power, Map<String, Map<YearMonth, Entry>>> byPower = new EnumMap<>(Power.class);
    Map<Power, Map<String, Map<YearMonth, String>>> empty = new EnumMap<>(Power.class);
    for (FileSummary summary : files) {
      ExtractMapping mapping = summary.file().mapping();
      Map<String, Map<YearMonth, Entry>> byForce =
          byPower.computeIfAbsent(summary.file().power(), p -> new TreeMap<>());
      boolean district =
          mapping != null
              ? mapping.columns().containsKey(Columns.DISTRICT)
              : summary.file().format() == SourceFormat.CANONICAL
                  && summary.acceptedWithDistrict() > 0;
      if (summary.file().format() == SourceFormat.POLICE_UK && summary.rowsRead() == 0) {
        YearMonth month = YearMonth.parse(summary.file().month());
        if (InputDiscovery.inWindow(month, from, to)) {
          empty
              .computeIfAbsent(summary.file().power(), p -> new TreeMap<>())
              .computeIfAbsent(summary.file().force(), f -> new TreeMap<>())
              .put(month, summary.file().path());
        }
        continue;
      }
      if (summary.file().format() == SourceFormat.POLICE_UK) {
        long rows =
            summary.acceptedByForceMonth().values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
        add(
            byForce,
            summary,
            summary.file().force(),
            YearMonth.parse(summary.file().month()),
            rows,
            placed);
        continue;
      }
      Map<String, Map<String, Long>> forces = new TreeMap<>(summary.acceptedByForceMonth());
      if (summary.file().force() != null) {
        forces.putIfAbsent(summary.file().force(), Map.of());
      }
      for (Map.Entry<String, Map<String, Long>> force : forces.entrySet()) {
        Map<String, Long> months = force.getValue();
        List<YearMonth> covered;
        if (mapping != null && mapping.coverage() != null) {
          covered =
              Periods.range(
                  YearMonth.parse(mapping.coverage().from()),
                  YearMonth.parse(mapping.coverage().to()));
        } else if (months.isEmpty()) {
          covered = List.of();
        } else {
          TreeSet<String> sorted = new TreeSet<>(months.keySet());
          covered = Periods.range(YearMonth.parse(sorted.first()), YearMonth.parse(sorted.last()));
        }
        for (YearMonth month : covered) {
          if (!InputDiscovery.inWindow(month, from, to)) {
            continue;
          }
          add(
              byForce,
              summary,
              force.getKey(),
              month,
              months.getOrDefault(month.toString(), 0L),
              district);
        }
      }
    }
    YearMonth first = from;
    YearMonth last = to;
    for (Map<String, Map<YearMonth, Entry>> byForce : byPower.values()) {
      for (Map<YearMonth, Entry> months : byForce.values()) {
        for (YearMonth m : months.keySet()) {
          first = from != null ? from : first == null || m.isBefore(first) ? m : first;
          last = to != null ? to : last == null || m.isAfter(last) ? m : last;
        }
      }
    }
    if (first == null || last == null) {
      throw new InputException("No submitted months in the run window: nothing to report");
    }
    // A force whose every file of a power was empty still gets its coverage rows.
    empty.forEach(
        (power, forces) ->
            forces
                .keySet()
                .forEach(
                    force ->
                        byPower
                            .computeIfAbsent(power, p -> new TreeMap<>())
                            .computeIfAbsent(force, f -> new TreeMap<>())));
    return new Coverage(first, last, byPower, empty);
  }

  private static void add(
      Map<String, Map<YearMonth, Entry>> byForce,
      FileSummary summary,
      String force,
      YearMonth month,
      long rows,
      boolean district) {
    Entry entry =
        byForce
            .computeIfAbsent(force, f -> new TreeMap<>())
            .computeIfAbsent(month, m -> new Entry());
    if (!entry.files.isEmpty()) {
      throw new InputException(
          String.format(
              "Force %s month %s of %s is covered by two sources (%s and %s): counting both would"
                  + " double it; remove one or narrow --from/--to",
              force,
              month,
              summary.file().power().code(),
              entry.files.get(0),
              summary.file().path()));
    }
    entry.files.add(summary.file().path());
    entry.format = summary.file().format();
    entry.accepted += rows;
    entry.hasDistrict = district;
  }

  /**
   * The coverage of one force alone (same window): what its cells, planned on their own, need.
   * Powers the force has no source for are left out.
   */
  public Coverage only(String force) {
    Map<Power, Map<String, Map<YearMonth, Entry>>> sources = new EnumMap<>(Power.class);
    Map<Power, Map<String, Map<YearMonth, String>>> headerOnly = new EnumMap<>(Power.class);
    byPower.forEach(
        (power, forces) -> {
          if (forces.containsKey(force)) {
            sources.put(power, new TreeMap<>(Map.of(force, forces.get(force))));
          }
        });
    empty.forEach(
        (power, forces) -> {
          if (forces.containsKey(force)) {
            headerOnly.put(power, new TreeMap<>(Map.of(force, forces.get(force))));
          }
        });
    return new Coverage(from, to, sources, headerOnly);
  }

  /**
   * The same coverage seen through a narrower window: from the later of the two first months to the
   * earlier of the two last months. Used to plan the cells of part of the run (a force's financial
   * year and the year before it).
   */
  public Coverage between(YearMonth first, YearMonth last) {
    return new Coverage(
        first.isAfter(from) ? first : from, last.isBefore(to) ? last : to, byPower, empty);
  }

  /** Every force with any source for any power, in slug order. */
  public Set<String> allForces() {
    Set<String> all = new TreeSet<>();
    byPower.values().forEach(forces -> all.addAll(forces.keySet()));
    return all;
  }

  /** First month of the window. */
  public YearMonth from() {
    return from;
  }

  /** Last month of the window. */
  public YearMonth to() {
    return to;
  }

  /** Powers with any source, in {@link Power} order. */
  public Set<Power> powers() {
    return byPower.keySet();
  }

  /** Forces with any source for a power, in slug order. */
  public Set<String> forces(Power power) {
    return byPower.getOrDefault(power, Map.of()).keySet();
  }

  /** Months the force submitted for a power within the window. */
  public Set<YearMonth> submitted(Power power, String force) {
    Set<YearMonth> months = new TreeSet<>();
    byPower
        .getOrDefault(power, Map.of())
        .getOrDefault(force, Map.of())
        .forEach(
            (m, e) -> {
              if (InputDiscovery.inWindow(m, from, to)) {
                months.add(m);
              }
            });
    return months;
  }

  /** Months the force submitted for a power with district codes within the window. */
  public Set<YearMonth> submittedWithDistrict(Power power, String force) {
    Set<YearMonth> months = new TreeSet<>();
    byPower
        .getOrDefault(power, Map.of())
        .getOrDefault(force, Map.of())
        .forEach(
            (m, e) -> {
              if (e.hasDistrict && InputDiscovery.inWindow(m, from, to)) {
                months.add(m);
              }
            });
    return months;
  }

  /** The coverage table: one row per power, force with any source and month of the window. */
  public List<Row> rows(ForceRegistry registry) {
    List<Row> rows = new ArrayList<>();
    byPower.forEach((power, byForce) -> rows.addAll(rows(registry, power, byForce)));
    return rows;
  }

  private List<Row> rows(
      ForceRegistry registry, Power power, Map<String, Map<YearMonth, Entry>> byForce) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Map<YearMonth, Entry>> force : byForce.entrySet()) {
      Force known = registry.find(force.getKey()).orElseThrow();
      List<Long> volumes = new ArrayList<>();
      force.getValue().values().forEach(e -> volumes.add(e.accepted));
      for (YearMonth month : Periods.range(from, to)) {
        Entry entry = force.getValue().get(month);
        RowBuilder row =
            new RowBuilder(OutputSchemas.COVERAGE_SCHEMA)
                .set(Columns.POWER, power.code())
                .set(Columns.FORCE, known.slug())
                .set("force_name", known.name())
                .set(Columns.AREA_CODE, known.areaCode())
                .set(Columns.MONTH, month.toString())
                .set("submitted", entry != null)
                .set(
                    "submission",
                    entry != null
                        ? SUBMITTED
                        : emptyFile(power, force.getKey(), month) != null
                            ? SUBMITTED_EMPTY
                            : MISSING)
                .set("files", entry == null ? 0 : entry.files.size());
        if (entry != null) {
          row.set("source_format", entry.format.code())
              .set("rows_accepted", entry.accepted)
              .set("has_district", entry.hasDistrict)
              .set("partial_suspected", partial(entry.accepted, volumes));
        }
        rows.add(row.build());
      }
    }
    return rows;
  }

  /** The header-only file of a force-month, or {@code null}. */
  private String emptyFile(Power power, String force, YearMonth month) {
    return empty.getOrDefault(power, Map.of()).getOrDefault(force, Map.of()).get(month);
  }

  /** The header-only files read (police.uk files with no rows), whose months count as missing. */
  public List<String> emptyFiles() {
    List<String> files = new ArrayList<>();
    empty.values().forEach(forces -> forces.values().forEach(m -> files.addAll(m.values())));
    return files;
  }

  /** Below 20% of the median of the force's submitted months (searchlight's rule of thumb). */
  private static boolean partial(long rows, List<Long> volumes) {
    if (volumes.size() < 3) {
      return false;
    }
    List<Long> sorted = new ArrayList<>(volumes);
    sorted.sort(Long::compare);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    return rows < PARTIAL_SHARE * median;
  }
}
