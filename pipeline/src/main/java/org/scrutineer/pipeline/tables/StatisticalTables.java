package org.scrutineer.pipeline.tables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.cells.CellPlan;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.schema.Columns;

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
   * What part of the run a build covers: the window of the cells it is given, the run's window
   * (where series of code lists and breaks begin), and which of the cells' periods it reports.
   *
   * @param from first month of the cells given
   * @param to last month of the cells given
   * @param seriesFrom the run's first month
   * @param seriesTo the run's last month
   * @param year the one financial year whose periods are reported (the cells of the year before are
   *     only compared with), or {@code null} for every period of the cells
   */
  public record Scope(
      YearMonth from, YearMonth to, YearMonth seriesFrom, YearMonth seriesTo, String year) {

    /** Every cell of the run's window, reported. */
    public static Scope whole(YearMonth from, YearMonth to) {
      return new Scope(from, to, from, to, null);
    }

    /** Whether rows of this period are reported. */
    public boolean reports(String periodType, String period) {
      return year == null || year.equals(Periods.financialYearOf(periodType, period));
    }

    /** Whether a cell's rows are reported. */
    public boolean reports(Cell cell) {
      return reports(cell.periodType(), cell.period());
    }

    /** The cells whose rows are reported, in their order. */
    public List<Cell> reported(List<Cell> cells) {
      return cells.stream().filter(this::reports).toList();
    }

    /**
     * Whether a cell's rows are needed: reported, or the period just before a reported one (what
     * year-on-year changes and series breaks compare with).
     */
    boolean needs(Cell cell) {
      return reports(cell)
          || reports(cell.periodType(), Periods.next(cell.periodType(), cell.period()));
    }
  }

  /**
   * Builds the tables of every cell of the run's window.
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
    return build(cells, counts, denominators, residents, Scope.whole(from, to), settings);
  }

  /**
   * Builds the tables of the cells {@code scope} reports. Rolling 12-month windows are listed
   * within the cells' window; year-on-year changes and series breaks compare a reported period with
   * the one before it, which may lie among the cells of the year before.
   *
   * @param cells the submitted month and financial-year cells of {@code scope}'s window
   * @param counts counts by cell and group (for series breaks, every force-level month of the run)
   */
  public static StatisticalTables build(
      List<Cell> cells,
      CellCounts counts,
      Denominators denominators,
      Predicate<Cell> residents,
      Scope scope,
      ReportSettings settings) {
    List<Cell> withRolling = new ArrayList<>(cells);
    withRolling.addAll(CellPlan.rollingYears(cells, scope.from(), scope.to()));
    withRolling.removeIf(cell -> !scope.needs(cell));
    List<Row> disproportionality =
        SeriesBreaks.withBreaks(
            YearOnYear.withChanges(
                Funnels.withLimits(
                    DisproportionalityTable.build(
                        withRolling, counts, denominators, residents, settings)),
                settings),
            counts,
            denominators,
            scope.seriesFrom(),
            scope.seriesTo());
    List<Cell> reported = scope.reported(cells);
    return new StatisticalTables(
        disproportionality.stream()
            .filter(
                r -> scope.reports(r.getAs(Columns.PERIOD_TYPE), r.<String>getAs(Columns.PERIOD)))
            .toList(),
        OutcomesTable.build(reported, counts, settings),
        OutcomeTestTable.build(reported, counts, settings),
        StagesTable.build(reported, counts, denominators, settings));
  }
}
