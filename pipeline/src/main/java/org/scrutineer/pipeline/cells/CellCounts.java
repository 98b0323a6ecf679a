package org.scrutineer.pipeline.cells;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.PeriodType;

/**
 * The collected {@link EventCounts} rows indexed by cell and ethnic group. A group with no row in a
 * submitted cell had no events: its counts are zero. A rolling 12-month cell's counts are the sums
 * of its months' counts (Spark counts months and financial years only).
 */
public final class CellCounts {
  private final Map<Cell.Key, Map<String, Row>> byCell = new HashMap<>();
  private final java.util.Set<Area> seen;

  /**
   * An area with counts: of a power, basis, force and geography level.
   *
   * @param power the power's code
   * @param basis place of event or residence
   * @param force the force's slug
   * @param level the geography level
   * @param code the area's code
   */
  public record Area(String power, String basis, String force, String level, String code)
      implements java.io.Serializable {}

  /** Indexes collected {@code EventCounts} rows. */
  public CellCounts(List<Row> rows) {
    this(rows, java.util.Set.of());
  }

  /**
   * Indexes {@code EventCounts} rows of part of a run (a force's financial years), with the areas
   * that have counts anywhere in the run, so the cells planned for the part are the run's.
   */
  public CellCounts(List<Row> rows, java.util.Set<Area> seen) {
    this.seen = seen;
    for (Row row : rows) {
      Cell.Key key = Cell.Key.of(row);
      byCell.computeIfAbsent(key, k -> new HashMap<>()).put(row.getAs(Columns.ETHNIC_GROUP), row);
    }
  }

  /** The count in {@code column} for one group of a cell; zero when the group had no records. */
  public long get(Cell.Key cell, EthnicGroup group, String column) {
    if (cell.periodType().equals(PeriodType.ROLLING_YEAR)) {
      long sum = 0;
      for (java.time.YearMonth month : Periods.months(cell.periodType(), cell.period())) {
        sum +=
            get(
                new Cell.Key(
                    cell.power(),
                    cell.basis(),
                    PeriodType.MONTH,
                    month.toString(),
                    cell.level(),
                    cell.areaCode(),
                    cell.force()),
                group,
                column);
      }
      return sum;
    }
    Map<String, Row> groups = byCell.get(cell);
    Row row = groups == null ? null : groups.get(group.label());
    if (row == null) {
      return 0L;
    }
    // Each power's rows carry only that power's measures: another power's measure is zero.
    scala.Option<Object> index = row.schema().getFieldIndex(column);
    return index.isDefined() ? ((Number) row.get((Integer) index.get())).longValue() : 0L;
  }

  /** The count in {@code column} over all groups of a cell. */
  public long total(Cell.Key cell, String column) {
    long total = 0;
    for (EthnicGroup group : EthnicGroup.values()) {
      total += get(cell, group, column);
    }
    return total;
  }

  /** The district codes that have counts for a power, basis and force. */
  public java.util.Set<String> districtsOf(String power, String basis, String force) {
    return areasOf(power, basis, force, GeographyLevel.DISTRICT);
  }

  /**
   * The area codes of a geography level that have counts for a power, basis and force, in these
   * rows or (when given) anywhere in the run.
   */
  public java.util.Set<String> areasOf(String power, String basis, String force, String level) {
    java.util.Set<String> districts = new java.util.TreeSet<>();
    for (Cell.Key key : byCell.keySet()) {
      if (key.level().equals(level)
          && key.power().equals(power)
          && key.basis().equals(basis)
          && key.force().equals(force)) {
        districts.add(key.areaCode());
      }
    }
    for (Area area : seen) {
      if (area.level().equals(level)
          && area.power().equals(power)
          && area.basis().equals(basis)
          && area.force().equals(force)) {
        districts.add(area.code());
      }
    }
    return districts;
  }
}
