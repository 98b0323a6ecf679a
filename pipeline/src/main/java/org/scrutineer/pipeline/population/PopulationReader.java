package org.scrutineer.pipeline.population;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.reference.ReferenceTable;
import org.scrutineer.pipeline.schema.EthnicGroup;

/**
 * Reads resident populations by area and ethnic group from one of two formats into a {@link
 * PopulationTable}. Every problem fails the run with the file, line and rule: a denominator is
 * never guessed.
 *
 * <ul>
 *   <li>{@link Format#ONS_TS021}: Census 2021 TS021 "Ethnic group (20 categories)" in the ONS
 *       custom-dataset long format ({@code <Geography> Code, <Geography>, Ethnic group (20
 *       categories) Code, Ethnic group (20 categories), Observation}), at any geography. The 19
 *       categories are summed into the five groups by category code (1-5 Asian, 6-8 Black, 9-12
 *       Mixed, 13-17 White, 18-19 Other); each label is checked against its code's group, and
 *       category -8 ("Does not apply") is skipped.
 *   <li>{@link Format#CANONICAL}: {@code area_code,area_name,ethnic_group,population} with the
 *       groups White, Black, Asian, Mixed, Other; one row per area and group. Use it for Census
 *       2011, mid-year estimates or any other denominator. With the optional columns {@code
 *       age_band} ({@code 0-15}, {@code 16-24}, ..., {@code 65+}) and {@code sex} ({@code
 *       female}/{@code male}) it has one row per area, group, band and sex (such as Census RM032),
 *       and the run adds directly age- and sex-standardised rates and ratios; bands must not
 *       overlap.
 * </ul>
 *
 * <p>{@link #read(ReferenceTable, Format)} with a {@code null} format tells the two apart by the
 * header.
 */
public final class PopulationReader {
  /** The population file formats. */
  public enum Format {
    ONS_TS021("ons-ts021"),
    CANONICAL("canonical");

    private final String option;

    Format(String option) {
      this.option = option;
    }

    /** The value of {@code --population-format}. */
    public String option() {
      return option;
    }

    /** Parses a {@code --population-format} value. */
    public static Format fromOption(String value) {
      for (Format f : values()) {
        if (f.option.equals(value)) {
          return f;
        }
      }
      throw new IllegalArgumentException(
          String.format(
              "Invalid population format: '%s' (must be ons-ts021, canonical or auto)", value));
    }
  }

  private PopulationReader() {}

  /** Reads {@code table} in {@code format}, or in the format its header shows when null. */
  public static PopulationTable read(ReferenceTable table, Format format) {
    Format f = format != null ? format : detect(table);
    return f == Format.ONS_TS021 ? ts021(table) : canonical(table);
  }

  /** Canonical when the header has {@code area_code} and {@code ethnic_group}, else TS021. */
  static Format detect(ReferenceTable table) {
    return table.columns().contains("area_code") && table.columns().contains("ethnic_group")
        ? Format.CANONICAL
        : Format.ONS_TS021;
  }

  /** The TS021 20-category code's broad group, or {@code null} for "does not apply" (-8). */
  static EthnicGroup ts021Group(int code) {
    if (code == -8) {
      return null;
    }
    if (code >= 1 && code <= 5) {
      return EthnicGroup.ASIAN;
    }
    if (code >= 6 && code <= 8) {
      return EthnicGroup.BLACK;
    }
    if (code >= 9 && code <= 12) {
      return EthnicGroup.MIXED;
    }
    if (code >= 13 && code <= 17) {
      return EthnicGroup.WHITE;
    }
    if (code == 18 || code == 19) {
      return EthnicGroup.OTHER;
    }
    throw new IllegalArgumentException("Unknown TS021 category code " + code);
  }

  private static PopulationTable ts021(ReferenceTable table) {
    java.util.List<String> columns = table.columns();
    String category =
        columns.stream()
            .filter(
                c -> c.toLowerCase(Locale.ROOT).startsWith("ethnic group") && c.endsWith(" Code"))
            .findFirst()
            .orElseThrow(() -> notFormat(table, "no 'Ethnic group (20 categories) Code' column"));
    String label = category.substring(0, category.length() - " Code".length());
    if (!columns.contains("Observation") || !columns.contains(label)) {
      throw notFormat(table, "no '" + label + "' or 'Observation' column");
    }
    String areaCode =
        columns.stream()
            .filter(c -> c.endsWith(" Code") && !c.equals(category))
            .findFirst()
            .orElseThrow(() -> notFormat(table, "no area code column"));
    String areaName = areaCode.substring(0, areaCode.length() - " Code".length());
    if (!columns.contains(areaName)) {
      throw notFormat(table, "no '" + areaName + "' column");
    }
    Map<String, PopulationTable.Area> areas = new LinkedHashMap<>();
    // Per area: the line of each category code, and a total row (code 0) if the file has one.
    Map<String, Map<Integer, Integer>> seen = new LinkedHashMap<>();
    Map<String, Long> sums = new HashMap<>();
    Map<String, Integer> totals = new HashMap<>();
    boolean doesNotApply = false;
    for (int row = 0; row < table.size(); row++) {
      int code;
      try {
        code = Integer.parseInt(table.get(row, category));
      } catch (NumberFormatException e) {
        throw lineError(
            table, row, "category code '" + table.get(row, category) + "' is not a number");
      }
      String where = table.get(row, areaCode);
      Integer before = seen.computeIfAbsent(where, a -> new HashMap<>()).putIfAbsent(code, row);
      if (before != null) {
        throw lineError(
            table,
            row,
            String.format(
                "area %s has category %d twice (first on line %d): is an area's block repeated?",
                where, code, table.line(before)));
      }
      if (code == 0) {
        totals.put(where, row);
        continue;
      }
      doesNotApply |= code == -8;
      EthnicGroup group;
      try {
        group = ts021Group(code);
      } catch (IllegalArgumentException e) {
        throw lineError(
            table, row, "unknown TS021 category code " + code + " (expected -8 or 1-19)");
      }
      long count = count(table, row, "Observation");
      sums.merge(where, count, Long::sum);
      if (group == null) {
        continue;
      }
      String text = table.get(row, label).toLowerCase(Locale.ROOT);
      if (!text.startsWith(group.label().toLowerCase(Locale.ROOT))) {
        throw lineError(
            table,
            row,
            String.format(
                "category %d is '%s', which is not in the %s group (categories are matched by"
                    + " code; is this TS021?)",
                code, table.get(row, label), group.label()));
      }
      String area = table.get(row, areaCode);
      String name = table.get(row, areaName);
      areas
          .computeIfAbsent(area, a -> PopulationTable.Area.empty(a, name))
          .byGroup()
          .merge(group, count, Long::sum);
    }
    checkTs021Blocks(table, seen, sums, totals, doesNotApply);
    return new PopulationTable(areas, fileName(table.name()) + " (ONS TS021)");
  }

  /**
   * Every area of a TS021 file has each of the 19 categories (and -8 "does not apply" when the file
   * has it at all) exactly once, and a total row, where given, equal to their sum: a missing row
   * would silently shrink a group's denominator.
   */
  private static void checkTs021Blocks(
      ReferenceTable table,
      Map<String, Map<Integer, Integer>> seen,
      Map<String, Long> sums,
      Map<String, Integer> totals,
      boolean doesNotApply) {
    for (Map.Entry<String, Map<Integer, Integer>> area : seen.entrySet()) {
      Map<Integer, Integer> codes = area.getValue();
      for (int code = doesNotApply ? -8 : 1; code <= 19; code = code == -8 ? 1 : code + 1) {
        if (!codes.containsKey(code)) {
          int first = codes.values().stream().min(Integer::compare).orElseThrow();
          throw lineError(
              table,
              first,
              String.format(
                  "area %s has no row for category %d (every area needs all %d categories)",
                  area.getKey(), code, doesNotApply ? 20 : 19));
        }
      }
      Integer total = totals.get(area.getKey());
      if (total != null) {
        long given = count(table, total, "Observation");
        long sum = sums.getOrDefault(area.getKey(), 0L);
        if (given != sum) {
          throw lineError(
              table,
              total,
              String.format(
                  "area %s: the total %d is not the sum of its categories, %d",
                  area.getKey(), given, sum));
        }
      }
    }
  }

  private static PopulationTable canonical(ReferenceTable table) {
    for (String column :
        java.util.List.of("area_code", "area_name", "ethnic_group", "population")) {
      if (!table.columns().contains(column)) {
        throw notFormat(
            table,
            "missing column '"
                + column
                + "'; the canonical header is"
                + " area_code,area_name,ethnic_group,population");
      }
    }
    boolean ages = table.columns().contains("age_band");
    if (ages != table.columns().contains("sex")) {
      throw notFormat(
          table,
          "age_band and sex come together: give both columns (for age and sex"
              + " standardisation) or neither");
    }
    Map<String, PopulationTable.Area> areas = new LinkedHashMap<>();
    for (int row = 0; row < table.size(); row++) {
      String area = table.get(row, "area_code");
      if (area.isEmpty()) {
        throw lineError(table, row, "area_code is blank");
      }
      EthnicGroup group;
      try {
        group = EthnicGroup.fromLabel(table.get(row, "ethnic_group"));
      } catch (IllegalArgumentException e) {
        throw lineError(table, row, e.getMessage());
      }
      if (group == EthnicGroup.UNKNOWN) {
        throw lineError(table, row, "Unknown has no denominator; give the five known groups only");
      }
      long count = count(table, row, "population");
      String name = table.get(row, "area_name");
      PopulationTable.Area entry =
          areas.computeIfAbsent(area, a -> PopulationTable.Area.empty(a, name));
      if (!ages) {
        if (entry.byGroup().putIfAbsent(group, count) != null) {
          throw lineError(table, row, String.format("%s %s appears twice", area, group.label()));
        }
        continue;
      }
      AgeSexBand band;
      try {
        band = AgeSexBand.parse(table.get(row, "age_band"), table.get(row, "sex"));
      } catch (IllegalArgumentException e) {
        throw lineError(table, row, e.getMessage());
      }
      Map<EthnicGroup, Long> groups =
          entry.strata().computeIfAbsent(band, b -> new EnumMap<>(EthnicGroup.class));
      if (groups.putIfAbsent(group, count) != null) {
        throw lineError(
            table,
            row,
            String.format(
                "%s %s %s %s appears twice",
                area, group.label(), table.get(row, "age_band"), band.sex()));
      }
      entry.byGroup().merge(group, count, Long::sum);
    }
    if (ages) {
      checkBands(table, areas);
    }
    return new PopulationTable(areas, fileName(table.name()) + " (canonical)");
  }

  private static long count(ReferenceTable table, int row, String column) {
    String text = table.get(row, column);
    try {
      long value = Long.parseLong(text);
      if (value < 0) {
        throw lineError(table, row, column + " '" + text + "' is negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw lineError(table, row, column + " '" + text + "' is not a whole number");
    }
  }

  /** The bands of one sex and group must not overlap (a person would count twice). */
  private static void checkBands(ReferenceTable table, Map<String, PopulationTable.Area> areas) {
    java.util.Set<AgeSexBand> bands =
        new java.util.TreeSet<>(
            java.util.Comparator.<AgeSexBand, String>comparing(AgeSexBand::sex)
                .thenComparingInt(AgeSexBand::ageLow));
    areas.values().forEach(a -> bands.addAll(a.strata().keySet()));
    AgeSexBand previous = null;
    for (AgeSexBand band : bands) {
      if (previous != null
          && previous.sex().equals(band.sex())
          && (previous.ageHigh() == null || previous.ageHigh() >= band.ageLow())) {
        throw notFormat(
            table,
            String.format(
                "age bands overlap: %d-%s and %d-%s",
                previous.ageLow(),
                previous.ageHigh() == null ? "" : previous.ageHigh(),
                band.ageLow(),
                band.ageHigh() == null ? "" : band.ageHigh()));
      }
      previous = band;
    }
  }

  private static InputException notFormat(ReferenceTable table, String what) {
    return new InputException(
        String.format("%s: not a population file of this format (%s)", table.name(), what));
  }

  private static InputException lineError(ReferenceTable table, int row, String what) {
    return new InputException(String.format("%s line %d: %s", table.name(), table.line(row), what));
  }

  /**
   * A file's name without its folders: the denominator source as the tables name it, which panels
   * may see (the manifest keeps the full path with the file's SHA-256).
   */
  static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }
}
