package org.scrutineer.pipeline.geo;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.scrutineer.pipeline.io.InputException;

/**
 * Every boundary year given, to place each record in the district of its own date and carry that
 * district to the denominators' year.
 *
 * <p>Rule: district changes take effect on 1 April, so a boundary set of year {@code y} applies to
 * records from April {@code y} to March {@code y + 1}; a record is placed with the latest set that
 * applies to its month, or with the earliest set when its month is older than every set. The
 * district found is then carried forward to the target year (the area lookup's year, else the
 * latest boundary year) through {@link DistrictChanges}, so districts that merged later count in
 * the merged district the population table knows.
 */
public final class Boundaries implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<DistrictBoundaries> sets;
  private final DistrictChanges changes;
  private final int targetYear;

  /**
   * Combines boundary sets.
   *
   * @param targetYear the year whose codes districts are reported in, or {@code null} for the
   *     latest boundary year
   * @throws InputException when two sets have the same year
   */
  public Boundaries(List<DistrictBoundaries> sets, DistrictChanges changes, Integer targetYear) {
    List<DistrictBoundaries> sorted = new ArrayList<>(sets);
    sorted.sort(Comparator.comparingInt(DistrictBoundaries::year));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).year() == sorted.get(i - 1).year()) {
        throw new InputException(
            String.format(
                "Two boundary files for %d: %s and %s",
                sorted.get(i).year(), sorted.get(i - 1).source(), sorted.get(i).source()));
      }
    }
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("No boundary sets");
    }
    this.sets = List.copyOf(sorted);
    this.changes = changes;
    this.targetYear = targetYear != null ? targetYear : sorted.get(sorted.size() - 1).year();
  }

  /** The boundary sets, oldest first. */
  public List<DistrictBoundaries> sets() {
    return sets;
  }

  /** The year whose codes districts are reported in. */
  public int targetYear() {
    return targetYear;
  }

  /** The boundary set for records of this month. */
  public DistrictBoundaries forMonth(YearMonth month) {
    int year = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
    DistrictBoundaries chosen = sets.get(0);
    for (DistrictBoundaries set : sets) {
      if (set.year() <= year) {
        chosen = set;
      }
    }
    return chosen;
  }

  /**
   * The district of a point for a record of this month, in the target year's codes, or {@code null}
   * when the point is in no district.
   */
  public String locate(YearMonth month, double longitude, double latitude) {
    DistrictBoundaries set = forMonth(month);
    String code = set.locate(longitude, latitude);
    return code == null ? null : changes.carryForward(code, set.year(), targetYear);
  }
}
