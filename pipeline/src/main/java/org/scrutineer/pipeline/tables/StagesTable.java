package org.scrutineer.pipeline.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.PowerMeasures;
import org.scrutineer.pipeline.aggregate.PowerMeasures.Kind;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.population.PopulationTable;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.RowBuilder;
import org.scrutineer.pipeline.schema.UndefinedReason;

/**
 * Builds the {@code stages} table on the driver: for each force and district and period with
 * custody data, the criminal-justice stages in order, each stage's rate for each group over the
 * stage before it, and that rate relative to the reference group's at the same stage (a relative
 * rate index), so a panel sees at which stage a disparity enters.
 *
 * <p>Stages: search (stop-and-search person searches, over resident person-years), arrest (custody
 * records, over searches: not a subset of them, so a rate with exact intervals), detention
 * (detention authorised, over arrests), strip search (over detentions) and charge (over detentions:
 * strip search is a branch taken by some detainees, not a step every charged person passes, so
 * charge is measured against detentions, the stage it follows). A stage whose power has no data in
 * the cell has null rates with reason {@code NO_DENOMINATOR}, never zero.
 */
public final class StagesTable {
  private StagesTable() {}

  /** One stage: its count, the stage below it and how its intervals are computed. */
  private record Stage(
      String name, Power power, String measure, String below, Kind kind, boolean population) {}

  private static final List<Stage> STAGES =
      List.of(
          new Stage("search", Power.STOP_SEARCH, EventCounts.EVENTS, "population", Kind.RATE, true),
          new Stage("arrest", Power.CUSTODY, EventCounts.EVENTS, "search", Kind.RATE, false),
          new Stage(
              "detention", Power.CUSTODY, PowerMeasures.DETAINED, "arrest", Kind.PROPORTION, false),
          new Stage(
              "strip_search",
              Power.CUSTODY,
              PowerMeasures.STRIP_SEARCHED,
              "detention",
              Kind.PROPORTION,
              false),
          new Stage(
              "charge", Power.CUSTODY, PowerMeasures.CHARGED, "detention", Kind.PROPORTION, false));

  private static final Map<String, Stage> BY_NAME = byName();

  private static Map<String, Stage> byName() {
    Map<String, Stage> byName = new LinkedHashMap<>();
    STAGES.forEach(s -> byName.put(s.name(), s));
    return byName;
  }

  /**
   * Builds the rows for every place-of-event custody cell (with the stop-and-search cell of the
   * same area and period, when there is one).
   */
  public static List<Row> build(
      List<Cell> cells, CellCounts counts, Denominators population, ReportSettings settings) {
    Map<List<String>, Cell> areas = new LinkedHashMap<>();
    Map<Cell.Key, Cell> byKey = new java.util.HashMap<>();
    for (Cell cell : cells) {
      byKey.put(cell.key(), cell);
      // The funnel needs custody records: an area with stop and search alone has only the first
      // stage, which the disproportionality table already gives.
      if (cell.power().equals(Power.CUSTODY.code()) && cell.basis().equals(Basis.PLACE_OF_EVENT)) {
        areas.putIfAbsent(
            List.of(cell.periodType(), cell.period(), cell.level(), cell.areaCode(), cell.force()),
            cell);
      }
    }
    EthnicGroup reference = settings.referenceGroup();
    List<Row> rows = new ArrayList<>();
    for (Cell cell : areas.values()) {
      for (Stage stage : STAGES) {
        Cell.Key key = cell.keyFor(stage.power().code());
        Stage previous = BY_NAME.get(stage.below());
        Cell stageCell = byKey.get(key);
        boolean belowSubmitted =
            previous == null || byKey.containsKey(cell.keyFor(previous.power().code()));
        for (EthnicGroup group : OutcomesTable.groups()) {
          RowBuilder row =
              cell.columns(new RowBuilder(OutputSchemas.STAGES_SCHEMA))
                  .set(Columns.POWER, null)
                  .set(Columns.ETHNIC_GROUP, group == null ? EthnicGroup.ALL : group.label())
                  .set("stage", stage.name())
                  .set("denominator_stage", stage.below());
          if (stageCell == null) {
            rows.add(
                row.set("rate_undefined_reason", UndefinedReason.NOT_SUBMITTED)
                    .set("ratio_undefined_reason", UndefinedReason.NOT_SUBMITTED)
                    .build());
            continue;
          }
          if (!belowSubmitted) {
            // The stage's own count stands (arrests come from custody records); only its
            // denominator, the stage below, was not submitted.
            rows.add(
                row.set("numerator", OutcomesTable.count(counts, key, group, stage.measure()))
                    .set("reference_group", reference.label())
                    .set("reference_numerator", counts.get(key, reference, stage.measure()))
                    .set("rate_undefined_reason", UndefinedReason.DENOMINATOR_NOT_SUBMITTED)
                    .set("ratio_undefined_reason", UndefinedReason.DENOMINATOR_NOT_SUBMITTED)
                    .build());
            continue;
          }
          double below;
          double referenceBelow;
          if (stage.population()) {
            below = exposure(population, stageCell, group);
            referenceBelow = exposure(population, stageCell, reference);
          } else {
            Cell.Key previousKey = cell.keyFor(previous.power().code());
            below = OutcomesTable.count(counts, previousKey, group, previous.measure());
            referenceBelow = counts.get(previousKey, reference, previous.measure());
          }
          RelativeRate.set(
              row,
              stage.kind(),
              new RelativeRate.Counts(
                  group,
                  OutcomesTable.count(counts, key, group, stage.measure()),
                  below,
                  counts.get(key, reference, stage.measure()),
                  referenceBelow),
              settings);
          rows.add(row.build());
        }
      }
    }
    return rows;
  }

  /** Resident person-years of the group over the cell's submitted months (0 when unknown). */
  private static double exposure(Denominators denominators, Cell cell, EthnicGroup group) {
    PopulationTable population =
        denominators == null ? null : denominators.forPeriod(cell.periodType(), cell.period());
    if (population == null || group == EthnicGroup.UNKNOWN) {
      return 0;
    }
    Long residents;
    if (group == null) {
      PopulationTable.Area area = population.area(cell.areaCode());
      residents = area == null ? null : area.total();
    } else {
      residents = population.population(cell.areaCode(), group);
    }
    return residents == null ? 0 : cell.exposure(residents);
  }
}
