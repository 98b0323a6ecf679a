package org.scrutineer.pipeline.population;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.scrutineer.pipeline.aggregate.Periods;

/**
 * The population tables of a run and the months each applies to. A run may give one table (it
 * applies to every period) or several with the first month each applies from, such as Census 2011
 * until March 2022 and Census 2021 from April 2022 (the Home Office's switch). A period takes the
 * table in force in its first month; periods before the first table's start have no denominator. A
 * change of table between consecutive periods is a {@code series_break}.
 */
public final class Denominators implements java.io.Serializable {
  /**
   * One table and the first month it applies to.
   *
   * @param from first month, or {@code null} for every month before the next table
   * @param table the populations
   */
  public record Vintage(YearMonth from, PopulationTable table) implements java.io.Serializable {}

  private final List<Vintage> vintages;

  /** The tables in order of their first month (a table without one comes first). */
  public Denominators(List<Vintage> vintages) {
    List<Vintage> sorted = new ArrayList<>(vintages);
    sorted.sort(
        Comparator.comparing(Vintage::from, Comparator.nullsFirst(Comparator.naturalOrder())));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).from() == null || sorted.get(i).from().equals(sorted.get(i - 1).from())) {
        throw new IllegalArgumentException(
            "Population tables need distinct start months (FILE@yyyy-MM); only the first may"
                + " omit it");
      }
    }
    this.vintages = List.copyOf(sorted);
  }

  /** One table for every period. */
  public static Denominators single(PopulationTable table) {
    return table == null ? null : new Denominators(List.of(new Vintage(null, table)));
  }

  /** The tables in order. */
  public List<Vintage> vintages() {
    return vintages;
  }

  /** The table for a period, or {@code null} when the period starts before every table. */
  public PopulationTable forPeriod(String periodType, String period) {
    YearMonth first = Periods.months(periodType, period).get(0);
    PopulationTable table = null;
    for (Vintage v : vintages) {
      if (v.from() == null || !v.from().isAfter(first)) {
        table = v.table();
      }
    }
    return table;
  }

  /** The latest table (for names and checks that do not depend on the period). */
  public PopulationTable latest() {
    return vintages.get(vintages.size() - 1).table();
  }
}
