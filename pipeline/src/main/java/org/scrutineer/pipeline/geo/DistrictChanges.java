package org.scrutineer.pipeline.geo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.scrutineer.pipeline.InputException;
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
    for (int row = 0; row < table.size(); row++) {
      String type = table.get(row, "type");
      if (!type.equals("merger") && !type.equals("new_code")) {
        continue;
      }
      int year;
      try {
        year = Integer.parseInt(table.get(row, "start").trim());
      } catch (NumberFormatException e) {
        throw new InputException(
            String.format(
                "%s line %d: start '%s' is not a year",
                table.name(), table.line(row), table.get(row, "start")));
      }
      changes.add(new Change(table.get(row, "oldcd"), table.get(row, "newcd"), year));
    }
    changes.sort(Comparator.comparingInt(Change::year));
    return new DistrictChanges(changes);
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
