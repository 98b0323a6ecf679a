package org.scrutineer.pipeline.tables;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.cells.CellPlan;
import org.scrutineer.pipeline.cells.Coverage;
import org.scrutineer.pipeline.disclosure.PanelTables;
import org.scrutineer.pipeline.population.AreaLookup;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.OutputSchemas;

/**
 * Every statistical table of one force, computed inside a Spark task from that force's cell counts
 * alone: its cells ({@link CellPlan}) with their rolling 12-month windows, {@code
 * disproportionality} with funnel limits, year-on-year changes and series breaks, {@code outcomes},
 * {@code outcome_test}, {@code stages}, {@code missing_data}, {@code custody_durations}, {@code
 * ethnicity_agreement}, and the panel tables' lines with their small counts suppressed ({@link
 * PanelTables}). Every relation these use lies within a force (areas within the force, its groups,
 * its measures and periods), so forces are independent and run in parallel on the executors; only
 * the Benjamini-Hochberg q-values span forces ({@link QValues}), so {@code q_value} is left null
 * here.
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

  /** The {@code _input} kind of the one row every force with a source has (so none is skipped). */
  public static final String FORCE = Columns.FORCE;

  /** The column saying which input a row belongs to. */
  public static final String INPUT = "_input";

  /** The output column naming the table of a row. */
  public static final String TABLE = "table";

  /** The output column giving a row's place in its force's file. */
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
   * @param settings the reference group, confidence level and small-number rules
   */
  public record Context(
      Coverage coverage,
      ForceRegistry registry,
      AreaLookup lookup,
      Denominators denominators,
      Map<String, String> districtCsps,
      ReportSettings settings)
      implements Serializable {}

  private ForceStatistics() {}

  /**
   * The rows of every table of {@code force}.
   *
   * @param rows the force's input rows, each marked in {@link #INPUT}: its cell counts (all powers,
   *     every measure column present), custody duration quantiles and ethnicity matrix counts
   */
  public static Iterator<Row> compute(Context context, String force, Iterator<Row> rows) {
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
    Coverage coverage = context.coverage().only(force);
    CellCounts counts = new CellCounts(counted);
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
        StatisticalTables.build(
            cells, counts, denominators, residents, coverage.from(), coverage.to(), settings);
    PanelTables.Panel panel =
        PanelTables.decide(
            PanelTables.publishable(tables.disproportionality()),
            tables.outcomes(),
            settings.smallNumbers(),
            context.districtCsps());

    List<Row> out = new ArrayList<>();
    add(out, force, OutputSchemas.DISPROPORTIONALITY, tables.disproportionality());
    add(out, force, OutputSchemas.OUTCOMES, tables.outcomes());
    add(out, force, OutputSchemas.OUTCOME_TEST, tables.outcomeTest());
    add(out, force, OutputSchemas.STAGES, tables.stages());
    add(out, force, OutputSchemas.MISSING_DATA, MissingDataTable.build(cells, counts));
    add(
        out,
        force,
        OutputSchemas.CUSTODY_DURATIONS,
        DurationsTable.build(cells, quantiles, settings));
    add(
        out,
        force,
        OutputSchemas.ETHNICITY_AGREEMENT,
        EthnicityAgreementTable.build(cells, matrix, denominators, residents, settings));
    addLines(
        out,
        force,
        PANEL_DISPROPORTIONALITY,
        PanelTables.disproportionality(panel.disproportionality()));
    addLines(out, force, PANEL_OUTCOMES, PanelTables.outcomes(panel.outcomes()));
    return out.iterator();
  }

  private static void add(List<Row> out, String force, String table, List<Row> rows) {
    int column = SCHEMA.fieldIndex(table);
    long seq = 0;
    for (Row row : rows) {
      Object[] values = new Object[SCHEMA.size()];
      values[0] = table;
      values[1] = force;
      values[2] = seq++;
      values[column] = row;
      out.add(RowFactory.create(values));
    }
  }

  private static void addLines(
      List<Row> out, String force, String table, List<List<Object>> lines) {
    int column = SCHEMA.fieldIndex(table);
    long seq = 0;
    for (List<Object> line : lines) {
      Object[] values = new Object[SCHEMA.size()];
      values[0] = table;
      values[1] = force;
      values[2] = seq++;
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
