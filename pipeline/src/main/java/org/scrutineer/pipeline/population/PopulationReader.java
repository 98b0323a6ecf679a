package org.scrutineer.pipeline.population;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.scrutineer.pipeline.InputException;
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
 *       2011, mid-year estimates or any other denominator.
 * </ul>
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
          String.format("Invalid population format: '%s' (must be ons-ts021 or canonical)", value));
    }
  }

  private PopulationReader() {}

  /** Reads {@code table} in {@code format}. */
  public static PopulationTable read(ReferenceTable table, Format format) {
    return format == Format.ONS_TS021 ? ts021(table) : canonical(table);
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
    for (int row = 0; row < table.size(); row++) {
      int code;
      try {
        code = Integer.parseInt(table.get(row, category));
      } catch (NumberFormatException e) {
        throw lineError(
            table, row, "category code '" + table.get(row, category) + "' is not a number");
      }
      EthnicGroup group;
      try {
        group = ts021Group(code);
      } catch (IllegalArgumentException e) {
        throw lineError(
            table, row, "unknown TS021 category code " + code + " (expected -8 or 1-19)");
      }
      long count = count(table, row, "Observation");
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
          .computeIfAbsent(
              area, a -> new PopulationTable.Area(a, name, new EnumMap<>(EthnicGroup.class)))
          .byGroup()
          .merge(group, count, Long::sum);
    }
    return new PopulationTable(areas, table.name() + " (ONS TS021)");
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
      Map<EthnicGroup, Long> byGroup =
          areas
              .computeIfAbsent(
                  area, a -> new PopulationTable.Area(a, name, new EnumMap<>(EthnicGroup.class)))
              .byGroup();
      if (byGroup.putIfAbsent(group, count) != null) {
        throw lineError(table, row, String.format("%s %s appears twice", area, group.label()));
      }
    }
    return new PopulationTable(areas, table.name() + " (canonical)");
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

  private static InputException notFormat(ReferenceTable table, String what) {
    return new InputException(
        String.format("%s: not a population file of this format (%s)", table.name(), what));
  }

  private static InputException lineError(ReferenceTable table, int row, String what) {
    return new InputException(String.format("%s line %d: %s", table.name(), table.line(row), what));
  }
}
