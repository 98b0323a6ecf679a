package org.scrutineer.pipeline.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.population.AreaLookup;
import org.scrutineer.pipeline.population.PopulationTable;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Power;

/**
 * Lists the cells to report: every submitted month and every financial year with at least one
 * submitted month within the window, for each force, and for each district of a force whose records
 * carry districts (the districts of its area in the lookup, plus any others seen in the data).
 * Cells come from coverage, not from the records, so a submitted month with no searches of a group
 * reports zero while a missing month reports nothing.
 */
public final class CellPlan {
  private CellPlan() {}

  /** Lists the cells, forces first, then districts, each by period. */
  public static List<Cell> cells(
      Coverage coverage,
      CellCounts counts,
      ForceRegistry registry,
      AreaLookup lookup,
      PopulationTable population) {
    List<Cell> cells = new ArrayList<>();
    for (String slug : coverage.forces()) {
      Force force = registry.find(slug).orElseThrow();
      add(
          cells,
          coverage,
          coverage.submitted(slug),
          EventCounts.FORCE_LEVEL,
          force.areaCode(),
          force.name(),
          slug);
    }
    for (String slug : coverage.forces()) {
      Set<YearMonth> months = coverage.submittedWithDistrict(slug);
      if (months.isEmpty()) {
        continue;
      }
      Force force = registry.find(slug).orElseThrow();
      Set<String> districts = new TreeSet<>(counts.districtsOf(slug));
      if (lookup != null) {
        lookup.districtsOf(force.areaCode()).forEach(d -> districts.add(d.districtCode()));
      }
      for (String district : districts) {
        add(
            cells,
            coverage,
            months,
            EventCounts.DISTRICT_LEVEL,
            district,
            districtName(district, lookup, population),
            slug);
      }
    }
    return cells;
  }

  private static void add(
      List<Cell> cells,
      Coverage coverage,
      Set<YearMonth> submitted,
      String level,
      String code,
      String name,
      String force) {
    Map<String, Integer> years = new LinkedHashMap<>();
    for (YearMonth month : Periods.range(coverage.from(), coverage.to())) {
      years.merge(Periods.financialYear(month), submitted.contains(month) ? 1 : 0, Integer::sum);
    }
    for (YearMonth month : submitted) {
      cells.add(
          new Cell(
              Power.STOP_SEARCH.code(),
              Periods.MONTH,
              month.toString(),
              1,
              1,
              level,
              code,
              name,
              force));
    }
    years.forEach(
        (year, months) -> {
          if (months > 0) {
            cells.add(
                new Cell(
                    Power.STOP_SEARCH.code(),
                    Periods.FINANCIAL_YEAR,
                    year,
                    12,
                    months,
                    level,
                    code,
                    name,
                    force));
          }
        });
  }

  private static String districtName(String code, AreaLookup lookup, PopulationTable population) {
    if (lookup != null && lookup.district(code) != null) {
      return lookup.district(code).districtName();
    }
    PopulationTable.Area area = population == null ? null : population.area(code);
    return area == null ? null : area.name();
  }
}
