package org.scrutineer.pipeline.report;

/**
 * The key of a panel table cell, as the pack writes it in {@code data-key} attributes so that a
 * reader (or the disclosure test) can trace every number on the page to the panel cell it shows:
 * power, basis, period type, period, area level, area code and group, and for outcomes the measure,
 * separated by {@code |}.
 */
final class Keys {
  static final String SEPARATOR = "|";

  private Keys() {}

  static String key(String... parts) {
    return String.join(SEPARATOR, parts);
  }

  /** A disproportionality row's key. */
  static String of(CsvTable.Row row) {
    return key(
        row.text("power"),
        row.text("basis"),
        row.text("period_type"),
        row.text("period"),
        row.text("geography_level"),
        row.text("area_code"),
        row.text("ethnic_group"));
  }

  /** An outcomes row's key: the cell's and the measure. */
  static String outcome(CsvTable.Row row) {
    return of(row) + SEPARATOR + row.text("measure");
  }
}
