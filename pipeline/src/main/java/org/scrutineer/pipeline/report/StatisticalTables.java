package org.scrutineer.pipeline.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.population.Denominators;

/**
 * The statistical tables of a run, built on the driver in their one order: {@code
 * disproportionality} over the cells and their rolling 12-month windows, {@code outcomes}, {@code
 * outcome_test} and {@code stages}; Benjamini-Hochberg q-values over all their p-values as one
 * family ({@link FalseDiscovery}); then on {@code disproportionality} the funnel limits ({@link
 * Funnels}), year-on-year changes ({@link YearOnYear}) and series breaks ({@link SeriesBreaks}).
 *
 * @param disproportionality rates and ratios per resident population
 * @param outcomes each power's rates within its events
 * @param outcomeTest find-rate comparisons
 * @param stages the criminal-justice stages
 */
public record StatisticalTables(
    List<Row> disproportionality, List<Row> outcomes, List<Row> outcomeTest, List<Row> stages) {

  /**
   * Builds the tables.
   *
   * @param cells the submitted month and financial-year cells
   * @param counts counts by cell and group
   * @param denominators population tables by period, or {@code null} when none were given
   * @param residents whether each cell's force has a resident population (false for BTP)
   * @param from first month of the run's window
   * @param to last month of the run's window
   */
  public static StatisticalTables build(
      List<Cell> cells,
      CellCounts counts,
      Denominators denominators,
      Predicate<Cell> residents,
      YearMonth from,
      YearMonth to,
      ReportSettings settings) {
    List<Cell> withRolling = new ArrayList<>(cells);
    withRolling.addAll(CellPlan.rollingYears(cells, from, to));
    List<List<Row>> adjusted =
        FalseDiscovery.withQValues(
            List.of(
                DisproportionalityTable.build(
                    withRolling, counts, denominators, residents, settings),
                OutcomesTable.build(cells, counts, settings),
                OutcomeTestTable.build(cells, counts, settings),
                StagesTable.build(cells, counts, denominators, settings)),
            List.of("p_value", "p_value", "fisher_p", "p_value"));
    List<Row> disproportionality =
        SeriesBreaks.withBreaks(
            YearOnYear.withChanges(Funnels.withLimits(adjusted.get(0)), settings),
            counts,
            denominators,
            from,
            to);
    return new StatisticalTables(
        disproportionality, adjusted.get(1), adjusted.get(2), adjusted.get(3));
  }
}
