package org.scrutineer.pipeline.tables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.cells.CellPlan;
import org.scrutineer.pipeline.population.Denominators;

/**
 * The statistical tables of a set of cells (in a run, one force's: {@link ForceStatistics}), built
 * in plain Java: {@code disproportionality} over the cells and their rolling 12-month windows, with
 * the funnel limits ({@link Funnels}), year-on-year changes ({@link YearOnYear}) and series breaks
 * ({@link SeriesBreaks}); {@code outcomes}; {@code outcome_test}; and {@code stages}. Their {@code
 * q_value} is left null: the Benjamini-Hochberg family is every p-value of the run, adjusted in
 * Spark ({@link QValues}).
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
    List<Row> disproportionality =
        SeriesBreaks.withBreaks(
            YearOnYear.withChanges(
                Funnels.withLimits(
                    DisproportionalityTable.build(
                        withRolling, counts, denominators, residents, settings)),
                settings),
            counts,
            denominators,
            from,
            to);
    return new StatisticalTables(
        disproportionality,
        OutcomesTable.build(cells, counts, settings),
        OutcomeTestTable.build(cells, counts, settings),
        StagesTable.build(cells, counts, denominators, settings));
  }
}
