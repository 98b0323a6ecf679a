package org.scrutineer.pipeline.geo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.reference.ReferenceTable;

/**
 * ONS local authority district code changes ({@code oldcd,oldnm,newcd,newnm,type,start}, as the ONS
 * visualisation team's {@code changes.csv}): mergers and new codes, each in force from April of its
 * start year.
 *
 * <p>{@link #carryForward} moves a district code from one boundary year to a later one by following
 * every {@code merger} and {@code new_code} change that came into force after the first year and no
 * later than the second, in order: Christchurch (E07000048, 2018) becomes Bournemouth, Christchurch
 * and Poole (E06000058) for 2019 or later. Other change types (combined authorities, new
 * geographies) do not replace a district and are ignored. A code is never carried backwards: a
 * merged district cannot be split again.
 *
 * <p>Every row is checked like the other reference files: both codes 9-character ONS codes (the new
 * one blank for a {@code termination}), the start a year or a real {@code yyyy-MM} month, and no
 * district changed to two codes in one year; otherwise the run stops naming the file, line and
 * rule.
 */
public final class DistrictChanges implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A code change. */
  private record Change(String oldCode, String newCode, int year) implements Serializable {}

  private final List<Change> changes;

  private DistrictChanges(List<Change> changes) {
    this.changes = List.copyOf(changes);
  }

  /** No changes: codes stay as they are. */
  public static DistrictChanges none() {
    return new DistrictChanges(List.of());
  }

  /**
   * Reads the change table.
   *
   * @throws InputException naming the file and line of a malformed row
   */
  public static DistrictChanges read(ReferenceTable table) {
    List<Change> changes = new ArrayList<>();
    for (String column : List.of("oldcd", "newcd", "type", "start")) {
      if (!table.columns().contains(column)) {
        throw new InputException(
            String.format(
                "%s: not an ONS district code-change table (no column %s; found %s)",
                table.name(), column, table.columns()));
      }
    }
    java.util.Map<String, Integer> changedIn = new java.util.HashMap<>();
    for (int row = 0; row < table.size(); row++) {
      String type = table.get(row, "type").trim();
      for (String column : List.of("oldcd", "newcd")) {
        String code = table.get(row, column).trim();
        // A termination ends an area without a successor: its new code is blank.
        boolean ended = column.equals("newcd") && type.equals("termination") && code.isEmpty();
        if (!ended && !ONS_CODE.matcher(code).matches()) {
          throw lineError(
              table, row, String.format("%s '%s' is not a 9-character ONS code", column, code));
        }
      }
      int year = year(table, row);
      if (!type.equals("merger") && !type.equals("new_code")) {
        continue;
      }
      String oldCode = table.get(row, "oldcd").trim();
      Integer before = changedIn.putIfAbsent(oldCode + " " + year, row);
      if (before != null
          && !table.get(before, "newcd").trim().equals(table.get(row, "newcd").trim())) {
        throw lineError(
            table,
            row,
            String.format(
                "%s changes to both %s (line %d) and %s in %d",
                oldCode,
                table.get(before, "newcd").trim(),
                table.line(before),
                table.get(row, "newcd").trim(),
                year));
      }
      changes.add(new Change(oldCode, table.get(row, "newcd").trim(), year));
    }
    changes.sort(Comparator.comparingInt(Change::year));
    return new DistrictChanges(changes);
  }

  private static final java.util.regex.Pattern ONS_CODE =
      java.util.regex.Pattern.compile("[EWSN][0-9]{8}");

  /** The year a change takes effect: {@code start} as a year, or as {@code yyyy-MM}. */
  private static int year(ReferenceTable table, int row) {
    String start = table.get(row, "start").trim();
    try {
      if (start.matches("\\d{4}")) {
        return Integer.parseInt(start);
      }
      return java.time.YearMonth.parse(start).getYear();
    } catch (java.time.format.DateTimeParseException e) {
      throw lineError(
          table, row, String.format("start '%s' is not a year (yyyy) or a month (yyyy-MM)", start));
    }
  }

  private static InputException lineError(ReferenceTable table, int row, String what) {
    return new InputException(String.format("%s line %d: %s", table.name(), table.line(row), what));
  }

  /** The code a district of boundary year {@code from} has in boundary year {@code to}. */
  public String carryForward(String code, int from, int to) {
    String current = code;
    for (Change change : changes) {
      if (change.year > from && change.year <= to && change.oldCode.equals(current)) {
        current = change.newCode;
      }
    }
    return current;
  }
}
