package org.scrutineer.pipeline.tables;

import static org.scrutineer.pipeline.aggregate.EventCounts.EVENTS;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.disclosure.SmallNumbers;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.population.PopulationTable;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.RowBuilder;
import org.scrutineer.pipeline.schema.UndefinedReason;
import org.scrutineer.pipeline.stats.Interval;
import org.scrutineer.pipeline.stats.MissingEthnicityBounds;
import org.scrutineer.pipeline.stats.PoissonRate;
import org.scrutineer.pipeline.stats.RateRatio;

/**
 * Builds the {@code disproportionality} table on the driver: for each cell (every power, on the
 * place-of-event and, where recorded, place-of-residence basis), one row per known group, Unknown
 * and All, with the annualised rate of the power's events per 1,000 (and 10,000) residents, its
 * ratio to the reference group's rate with exact conditional and Katz intervals, the exact test of
 * ratio = 1, and the small-number flag (schema and column meanings: {@link
 * OutputSchemas#DISPROPORTIONALITY_SCHEMA}).
 *
 * <p>Unknown never gets a denominator; All uses the sum of the five groups and counts every event.
 * Rates and ratios that cannot or may not be published are null with a reason.
 */
public final class DisproportionalityTable {
  private static final double PER_THOUSAND = 1_000.0;

  private DisproportionalityTable() {}

  /**
   * Builds the rows.
   *
   * @param cells the submitted cells
   * @param counts counts by cell and group
   * @param denominators population tables by period, or {@code null} when none were given
   * @param residents whether each cell's force has a resident population (false for BTP)
   */
  public static List<Row> build(
      List<Cell> cells,
      CellCounts counts,
      Denominators denominators,
      java.util.function.Predicate<Cell> residents,
      ReportSettings settings) {
    List<Row> rows = new ArrayList<>();
    EthnicGroup reference = settings.referenceGroup();
    for (Cell cell : cells) {
      Cell.Key key = cell.key();
      long all = counts.total(key, EVENTS);
      long unknown = counts.get(key, EthnicGroup.UNKNOWN, EVENTS);
      Double unknownShare = all == 0 ? null : (double) unknown / all;
      long referenceEvents = counts.get(key, reference, EVENTS);
      boolean hasResidents = residents.test(cell);
      PopulationTable population =
          denominators == null ? null : denominators.forPeriod(cell.periodType(), cell.period());
      String source = hasResidents && population != null ? population.source() : null;
      StandardisedRates.Result referenceStd =
          hasResidents ? StandardisedRates.of(cell, counts, population, reference, settings) : null;
      Long referencePopulation = hasResidents ? population(population, cell, reference) : null;
      for (EthnicGroup group : EthnicGroup.values()) {
        long events = counts.get(key, group, EVENTS);
        Long groupPopulation =
            group == EthnicGroup.UNKNOWN || !hasResidents
                ? null
                : population(population, cell, group);
        RowBuilder row = cell.columns(new RowBuilder(OutputSchemas.DISPROPORTIONALITY_SCHEMA));
        row.set(Columns.ETHNIC_GROUP, group.label());
        rate(
            row,
            cell,
            events,
            groupPopulation,
            hasResidents,
            group == EthnicGroup.UNKNOWN,
            settings);
        row.set("reference_group", reference.label())
            .set("population_source", source)
            .set("reference_events", referenceEvents)
            .set("unknown_ethnicity_share", unknownShare);
        if (group == EthnicGroup.UNKNOWN) {
          row.set("std_undefined_reason", UndefinedReason.NOT_APPLICABLE);
        } else if (!hasResidents) {
          row.set("std_undefined_reason", UndefinedReason.NO_RESIDENT_POPULATION);
        } else {
          StandardisedRates.set(
              row,
              cell,
              group == reference
                  ? referenceStd
                  : StandardisedRates.of(cell, counts, population, group, settings),
              referenceStd,
              events,
              group == reference,
              settings);
        }
        if (group == reference) {
          row.set("ratio_undefined_reason", UndefinedReason.REFERENCE_GROUP)
              .set("flag", settings.smallNumbers().rateFlag(events));
        } else if (group == EthnicGroup.UNKNOWN) {
          row.set("ratio_undefined_reason", UndefinedReason.NOT_APPLICABLE)
              .set("flag", settings.smallNumbers().rateFlag(events));
        } else {
          ratio(
              row,
              events,
              groupPopulation,
              referenceEvents,
              referencePopulation,
              unknown,
              hasResidents,
              cell,
              settings);
        }
        rows.add(row.build());
      }
      Long total = hasResidents ? total(population, cell) : null;
      RowBuilder row = cell.columns(new RowBuilder(OutputSchemas.DISPROPORTIONALITY_SCHEMA));
      row.set(Columns.ETHNIC_GROUP, EthnicGroup.ALL);
      rate(row, cell, all, total, hasResidents, false, settings);
      rows.add(
          row.set("reference_group", reference.label())
              .set("population_source", source)
              .set("reference_events", referenceEvents)
              .set("unknown_ethnicity_share", unknownShare)
              .set("ratio_undefined_reason", UndefinedReason.NOT_APPLICABLE)
              .set("std_undefined_reason", UndefinedReason.NOT_APPLICABLE)
              .set("flag", settings.smallNumbers().rateFlag(all))
              .build());
    }
    return rows;
  }

  private static void rate(
      RowBuilder row,
      Cell cell,
      long events,
      Long population,
      boolean hasResidents,
      boolean unknownGroup,
      ReportSettings settings) {
    row.set("events", events).set("population", population);
    if (population == null || population == 0 || cell.monthsSubmitted() == 0) {
      row.set(
          "rate_undefined_reason",
          !hasResidents
              ? UndefinedReason.NO_RESIDENT_POPULATION
              : unknownGroup ? UndefinedReason.NOT_APPLICABLE : UndefinedReason.NO_DENOMINATOR);
      return;
    }
    double exposure = cell.exposure(population);
    row.set("exposure_person_years", exposure);
    if (!settings.smallNumbers().rateAllowed(events)) {
      row.set("rate_undefined_reason", UndefinedReason.LOW_COUNT);
      return;
    }
    Interval ci =
        PoissonRate.rateInterval(events, exposure, PER_THOUSAND, settings.confidenceLevel());
    row.set("rate_per_1000", events / exposure * PER_THOUSAND)
        .set("rate_ci_low", ci.low())
        .set("rate_ci_high", ci.high())
        .set("rate_per_10000", events / exposure * PER_THOUSAND * 10)
        .set("rate_per_10000_ci_low", ci.low() * 10)
        .set("rate_per_10000_ci_high", ci.high() * 10);
  }

  private static void ratio(
      RowBuilder row,
      long events,
      Long population,
      long referenceEvents,
      Long referencePopulation,
      long unknown,
      boolean hasResidents,
      Cell cell,
      ReportSettings settings) {
    SmallNumbers rules = settings.smallNumbers();
    row.set("flag", rules.ratioFlag(events, referenceEvents));
    if (!hasResidents) {
      row.set("ratio_undefined_reason", UndefinedReason.NO_RESIDENT_POPULATION);
      return;
    }
    if (population == null
        || population == 0
        || referencePopulation == null
        || referencePopulation == 0) {
      row.set("ratio_undefined_reason", UndefinedReason.NO_DENOMINATOR);
      return;
    }
    RateRatio ratio =
        RateRatio.of(
            events,
            cell.exposure(population),
            referenceEvents,
            cell.exposure(referencePopulation),
            settings.confidenceLevel(),
            population,
            referencePopulation);
    if (ratio.reason() != null) {
      row.set("ratio_undefined_reason", ratio.reason().name());
      return;
    }
    if (!rules.ratioAllowed(events, referenceEvents)) {
      row.set("ratio_undefined_reason", UndefinedReason.LOW_COUNT);
      return;
    }
    row.set("ratio", ratio.ratio())
        .set("ratio_ci_low", ratio.exact().low())
        .set("ratio_ci_high", ratio.exact().high())
        .set("ratio_katz_ci_low", ratio.katz().low())
        .set("ratio_katz_ci_high", ratio.katz().high())
        .set(Columns.P_VALUE, ratio.pValue());
    MissingEthnicityBounds bounds =
        MissingEthnicityBounds.of(
            events,
            cell.exposure(population),
            referenceEvents,
            cell.exposure(referencePopulation),
            unknown);
    row.set("ratio_unknown_to_reference", bounds.low())
        .set("ratio_unknown_to_group", bounds.high())
        .set("unknown_parity_share", bounds.parityShare());
  }

  private static Long population(PopulationTable population, Cell cell, EthnicGroup group) {
    return population == null ? null : population.population(cell.areaCode(), group);
  }

  private static Long total(PopulationTable population, Cell cell) {
    if (population == null) {
      return null;
    }
    PopulationTable.Area area = population.area(cell.areaCode());
    return area == null ? null : area.total();
  }
}
