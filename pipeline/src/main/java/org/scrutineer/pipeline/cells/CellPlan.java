package org.scrutineer.pipeline.cells;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.population.AreaLookup;
import org.scrutineer.pipeline.population.PopulationTable;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.PeriodType;
import org.scrutineer.pipeline.schema.Power;

/**
 * Lists the cells to report, for each power: every submitted month and every financial year with at
 * least one submitted month within the window, for each force, and for each district of a force
 * whose records carry districts (the districts of its area in the lookup, plus any others seen in
 * the data). Cells come from coverage, not from the records, so a submitted month with no events of
 * a group reports zero while a missing month reports nothing.
 *
 * <p>Powers whose records carry a home district (custody, FPN) also get place-of-residence cells
 * for the same months, for the force and each district of its area, when the area lookup is given
 * (without it, residents cannot be told from visitors).
 */
public final class CellPlan {
  private CellPlan() {}

  /** Lists the cells: power by power, forces first, then districts, then residence cells. */
  public static List<Cell> cells(
      Coverage coverage,
      CellCounts counts,
      ForceRegistry registry,
      AreaLookup lookup,
      PopulationTable population) {
    List<Cell> cells = new ArrayList<>();
    for (Power power : coverage.powers()) {
      Plan plan = new Plan(cells, coverage, power, lookup, population);
      for (String slug : coverage.forces(power)) {
        Force force = registry.find(slug).orElseThrow();
        plan.add(
            Basis.PLACE_OF_EVENT,
            coverage.submitted(power, slug),
            GeographyLevel.FORCE,
            force.areaCode(),
            force.name(),
            slug);
      }
      for (String slug : coverage.forces(power)) {
        Set<YearMonth> months = coverage.submittedWithDistrict(power, slug);
        if (months.isEmpty()) {
          continue;
        }
        for (String level : List.of(GeographyLevel.DISTRICT, GeographyLevel.CSP)) {
          plan.addAll(Basis.PLACE_OF_EVENT, months, level, slug, counts, registry);
        }
      }
      if (lookup == null || !power.format().has(Columns.HOME_DISTRICT)) {
        continue;
      }
      for (String slug : coverage.forces(power)) {
        Force force = registry.find(slug).orElseThrow();
        Set<YearMonth> months = coverage.submitted(power, slug);
        plan.add(
            Basis.PLACE_OF_RESIDENCE,
            months,
            GeographyLevel.FORCE,
            force.areaCode(),
            force.name(),
            slug);
        for (String level : List.of(GeographyLevel.DISTRICT, GeographyLevel.CSP)) {
          plan.addAll(Basis.PLACE_OF_RESIDENCE, months, level, slug, counts, registry);
        }
      }
    }
    return cells;
  }

  /**
   * The rolling 12-month cells of the month cells in {@code cells}: for every area, power and basis
   * with month cells, one cell per 12-month window inside the run's window ({@code from} to {@code
   * to}) that has at least one submitted month; {@code months_submitted} counts them. Windows that
   * would start before the run's window are not listed (their months were not read).
   */
  public static List<Cell> rollingYears(List<Cell> cells, YearMonth from, YearMonth to) {
    Map<List<Object>, Set<YearMonth>> months = new LinkedHashMap<>();
    Map<List<Object>, Cell> first = new LinkedHashMap<>();
    for (Cell cell : cells) {
      if (!cell.periodType().equals(PeriodType.MONTH)) {
        continue;
      }
      List<Object> area =
          List.of(cell.power(), cell.basis(), cell.level(), cell.areaCode(), cell.force());
      months.computeIfAbsent(area, k -> new TreeSet<>()).add(YearMonth.parse(cell.period()));
      first.putIfAbsent(area, cell);
    }
    List<Cell> rolling = new ArrayList<>();
    months.forEach(
        (area, submitted) -> {
          Cell c = first.get(area);
          for (YearMonth last : Periods.range(from.plusMonths(11), to)) {
            int n = 0;
            for (YearMonth m : Periods.range(last.minusMonths(11), last)) {
              n += submitted.contains(m) ? 1 : 0;
            }
            if (n > 0) {
              rolling.add(
                  new Cell(
                      c.power(),
                      c.basis(),
                      PeriodType.ROLLING_YEAR,
                      Periods.rollingYear(last),
                      12,
                      n,
                      c.level(),
                      c.areaCode(),
                      c.areaName(),
                      c.force()));
            }
          }
        });
    return rolling;
  }

  /** Adds the month and financial-year cells of one area. */
  private record Plan(
      List<Cell> cells,
      Coverage coverage,
      Power power,
      AreaLookup lookup,
      PopulationTable population) {

    void add(
        String basis,
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
                power.code(),
                basis,
                PeriodType.MONTH,
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
                      power.code(),
                      basis,
                      PeriodType.FINANCIAL_YEAR,
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

    /**
     * Adds the cells of every area of a level in a force: those its force area has in the lookup
     * (every district or CSP, even one without events) and any other seen in the counts (such as
     * the UNKNOWN district).
     */
    void addAll(
        String basis,
        Set<YearMonth> months,
        String level,
        String slug,
        CellCounts counts,
        ForceRegistry registry) {
      boolean csp = level.equals(GeographyLevel.CSP);
      Set<String> codes = new TreeSet<>(counts.areasOf(power.code(), basis, slug, level));
      if (lookup != null) {
        String area = registry.find(slug).orElseThrow().areaCode();
        lookup.districtsOf(area).forEach(d -> codes.add(csp ? d.cspCode() : d.districtCode()));
      }
      for (String code : codes) {
        add(basis, months, level, code, csp ? cspName(code) : districtName(code), slug);
      }
    }

    String cspName(String code) {
      if (lookup != null) {
        for (AreaLookup.District d : lookup.districts()) {
          if (d.cspCode().equals(code)) {
            return d.cspName();
          }
        }
      }
      return null;
    }

    String districtName(String code) {
      if (code.equals(GeographyLevel.UNKNOWN_DISTRICT)) {
        return "Unknown district (no coordinates, outside every district or outside the force)";
      }
      if (lookup != null && lookup.district(code) != null) {
        return lookup.district(code).districtName();
      }
      PopulationTable.Area area = population == null ? null : population.area(code);
      return area == null ? null : area.name();
    }
  }
}
