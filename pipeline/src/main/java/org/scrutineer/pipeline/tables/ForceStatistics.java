package org.scrutineer.pipeline.tables;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scrutineer.pipeline.aggregate.Periods;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.cells.CellPlan;
import org.scrutineer.pipeline.cells.Coverage;
import org.scrutineer.pipeline.cells.ForceYear;
import org.scrutineer.pipeline.disclosure.PanelTables;
import org.scrutineer.pipeline.population.AreaLookup;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.PeriodType;

/**
 * Every statistical table of one force's financial year ({@link ForceYear}), computed inside a
 * Spark task from that force's cell counts alone: its cells ({@link CellPlan}) with their rolling
 * 12-month windows, {@code disproportionality} with funnel limits, year-on-year changes and series
 * breaks, {@code outcomes}, {@code outcome_test}, {@code stages}, {@code missing_data}, {@code
 * custody_durations}, {@code ethnicity_agreement}, and the panel tables' lines with their small
 * counts suppressed ({@link PanelTables}). Every relation these use lies within a force (areas
 * within the force, its groups, its measures and periods), so forces are independent and run in
 * parallel on the executors. Within a force they split by financial year: the panel's relations
 * stay within a year (its months add up to it; rolling windows are not in the panel), and the
 * comparisons that look back (the previous month, financial year or rolling 12 months, and the
 * rolling windows themselves) reach no further than the year before, whose cells the task plans and
 * computes again to compare with but does not report; the force's ethnicity code list, which stays
 * in use once seen, reads the force-level months of the whole run. Only the Benjamini-Hochberg
 * q-values span forces ({@link QValues}), so {@code q_value} is left null here.
 *
 * <p>The output is one row per table row ({@link #SCHEMA}): the table's name, the force, the row's
 * place in the force's build order ({@code seq}, the order of the CSV files) and the row itself in
 * the column named after its table (the panel tables as finished CSV lines).
 */
public final class ForceStatistics {
  /** The {@code _input} kind of a row of the force's cell counts. */
  public static final String COUNTS = "counts";

  /** The {@code _input} kind of a row of {@code Durations.quantiles}. */
  public static final String DURATIONS = "durations";

  /** The {@code _input} kind of a row of {@code EthnicityMatrix.counts}. */
  public static final String MATRIX = "matrix";

  /**
   * The {@code _input} kind of the one row every force with a source has for each financial year of
   * the run (so none is skipped), its year in {@code period}.
   */
  public static final String FORCE = Columns.FORCE;

  /** The column saying which input a row belongs to. */
  public static final String INPUT = "_input";

  /** The output column naming the table of a row. */
  public static final String TABLE = "table";

  /**
   * The output column giving a row's place in its force's file: financial year by financial year,
   * and within a year the order the tables were built in.
   */
  public static final String SEQ = "seq";

  /** The panel disproportionality table (CSV lines). */
  public static final String PANEL_DISPROPORTIONALITY = "panel_disproportionality";

  /** The panel outcomes table (CSV lines). */
  public static final String PANEL_OUTCOMES = "panel_outcomes";

  /** The tables computed per force, in their column order of {@link #SCHEMA}. */
  public static final List<String> TABLES =
      List.of(
          OutputSchemas.DISPROPORTIONALITY,
          OutputSchemas.OUTCOMES,
          OutputSchemas.OUTCOME_TEST,
          OutputSchemas.STAGES,
          OutputSchemas.MISSING_DATA,
          OutputSchemas.CUSTODY_DURATIONS,
          OutputSchemas.ETHNICITY_AGREEMENT);

  /** One row of any table of a force. */
  public static final StructType SCHEMA = schema();

  /**
   * What every force's task needs besides its counts: compact and shipped once per executor.
   *
   * @param coverage what was submitted, by power, force and month
   * @param registry the forces
   * @param lookup the area lookup, or {@code null}
   * @param denominators the population tables, or {@code null}
   * @param districtCsps district code to CSP code (empty without a lookup)
   * @param areasSeen by force, the areas with counts anywhere in the run (compact: forces times
   *     areas), so a year plans the cells of an area seen only in another year as the whole run
   *     does
   * @param settings the reference group, confidence level and small-number rules
   */
  public record Context(
      Coverage coverage,
      ForceRegistry registry,
      AreaLookup lookup,
      Denominators denominators,
      Map<String, String> districtCsps,
      Map<String, Set<CellCounts.Area>> areasSeen,
      ReportSettings settings)
      implements Serializable {}

  private ForceStatistics() {}

  /**
   * The rows of every table of one force's financial year.
   *
   * @param unit the force and year
   * @param rows the unit's input rows, each marked in {@link #INPUT}: the force's cell counts of
   *     the year and the year before (all powers, every measure column present) and its force-level
   *     months of the run before that (the history of its ethnicity code list), and the custody
   *     duration quantiles and ethnicity matrix counts of the year
   */
  public static Iterator<Row> compute(Context context, ForceYear unit, Iterator<Row> rows) {
    List<Row> counted = new ArrayList<>();
    List<Row> quantiles = new ArrayList<>();
    List<Row> matrix = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      switch (row.<String>getAs(INPUT)) {
        case COUNTS -> counted.add(row);
        case DURATIONS -> quantiles.add(row);
        case MATRIX -> matrix.add(row);
        case FORCE -> {}
        default -> throw new IllegalStateException("Unknown input " + row.getAs(INPUT));
      }
    }
    Coverage run = context.coverage().only(unit.force());
    Coverage coverage = run.between(unit.readFrom(), unit.readTo());
    StatisticalTables.Scope scope =
        new StatisticalTables.Scope(
            coverage.from(), coverage.to(), run.from(), run.to(), unit.year());
    CellCounts counts =
        new CellCounts(counted, context.areasSeen().getOrDefault(unit.force(), Set.of()));
    Denominators denominators = context.denominators();
    List<Cell> cells =
        CellPlan.cells(
            coverage,
            counts,
            context.registry(),
            context.lookup(),
            denominators == null ? null : denominators.latest());
    ForceRegistry registry = context.registry();
    Predicate<Cell> residents =
        cell -> registry.find(cell.force()).map(Force::residentPopulation).orElse(false);
    ReportSettings settings = context.settings();
    StatisticalTables tables =
        StatisticalTables.build(cells, counts, denominators, residents, scope, settings);
    List<Cell> reported = scope.reported(cells);
    PanelTables.Panel panel =
        PanelTables.decide(
            PanelTables.publishable(tables.disproportionality()),
            tables.outcomes(),
            settings.smallNumbers(),
            context.districtCsps());

    String force = unit.force();
    Seq seq = new Seq(ForceYear.years(run.from(), run.to()).indexOf(unit.year()));
    List<Row> out = new ArrayList<>();
    add(out, force, seq, OutputSchemas.DISPROPORTIONALITY, tables.disproportionality());
    add(out, force, seq, OutputSchemas.OUTCOMES, tables.outcomes());
    add(out, force, seq, OutputSchemas.OUTCOME_TEST, tables.outcomeTest());
    add(out, force, seq, OutputSchemas.STAGES, tables.stages());
    add(out, force, seq, OutputSchemas.MISSING_DATA, MissingDataTable.build(reported, counts));
    add(
        out,
        force,
        seq,
        OutputSchemas.CUSTODY_DURATIONS,
        DurationsTable.build(reported, quantiles, settings));
    add(
        out,
        force,
        seq,
        OutputSchemas.ETHNICITY_AGREEMENT,
        EthnicityAgreementTable.build(reported, matrix, denominators, residents, settings));
    addLines(
        out,
        force,
        seq,
        PANEL_DISPROPORTIONALITY,
        PanelTables.disproportionality(panel.disproportionality()));
    addLines(out, force, seq, PANEL_OUTCOMES, PanelTables.outcomes(panel.outcomes()));
    return out.iterator();
  }

  /**
   * The units that read an input row ({@link #compute}): a count row goes to its own financial year
   * and the next (which compares with it), and a force-level month on the place of the event also
   * to every later year (the code list's history); a duration quantile or matrix row goes to its
   * own year; a force marker row names its year in {@code period}.
   *
   * @param years the financial years of the run, in order
   */
  public static List<ForceYear> unitsOf(Row row, List<String> years) {
    String force = row.getAs(Columns.FORCE);
    String type = row.getAs(Columns.PERIOD_TYPE);
    String year = Periods.financialYearOf(type, row.getAs(Columns.PERIOD));
    int index = years.indexOf(year);
    if (index < 0) {
      throw new IllegalStateException("Period outside the run's financial years: " + row);
    }
    int last = index;
    if (COUNTS.equals(row.getAs(INPUT))) {
      boolean history =
          PeriodType.MONTH.equals(type)
              && GeographyLevel.FORCE.equals(row.getAs(Columns.GEOGRAPHY_LEVEL))
              && Basis.PLACE_OF_EVENT.equals(row.getAs(Columns.BASIS));
      last = history ? years.size() - 1 : Math.min(index + 1, years.size() - 1);
    }
    List<ForceYear> units = new ArrayList<>(last - index + 1);
    for (int i = index; i <= last; i++) {
      units.add(new ForceYear(force, years.get(i)));
    }
    return units;
  }

  /**
   * A row's place in its force's files ({@link #SEQ}): the financial year's index in the run in the
   * high bits, the row's place in the year's build order in the low ones.
   */
  private record Seq(int year) {
    long of(long index) {
      return ((long) year << 40) | index;
    }
  }

  private static void add(List<Row> out, String force, Seq seq, String table, List<Row> rows) {
    int column = SCHEMA.fieldIndex(table);
    long index = 0;
    for (Row row : rows) {
      Object[] values = new Object[SCHEMA.size()];
      values[0] = table;
      values[1] = force;
      values[2] = seq.of(index++);
      values[column] = row;
      out.add(RowFactory.create(values));
    }
  }

  private static void addLines(
      List<Row> out, String force, Seq seq, String table, List<List<Object>> lines) {
    int column = SCHEMA.fieldIndex(table);
    long index = 0;
    for (List<Object> line : lines) {
      Object[] values = new Object[SCHEMA.size()];
      values[0] = table;
      values[1] = force;
      values[2] = seq.of(index++);
      values[column] = PanelTables.line(line);
      out.add(RowFactory.create(values));
    }
  }

  private static StructType schema() {
    StructType schema =
        new StructType()
            .add(TABLE, DataTypes.StringType, false)
            .add(Columns.FORCE, DataTypes.StringType, false)
            .add(SEQ, DataTypes.LongType, false);
    for (String table : TABLES) {
      schema = schema.add(table, OutputSchemas.ALL.get(table), true);
    }
    return schema
        .add(PANEL_DISPROPORTIONALITY, DataTypes.StringType, true)
        .add(PANEL_OUTCOMES, DataTypes.StringType, true);
  }
}
