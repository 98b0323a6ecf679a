package org.scrutineer.pipeline.tables;

import java.util.Map;
import org.scrutineer.pipeline.aggregate.Strata;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.population.AgeSexBand;
import org.scrutineer.pipeline.population.PopulationTable;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.RowBuilder;
import org.scrutineer.pipeline.schema.UndefinedReason;
import org.scrutineer.pipeline.stats.StandardisedRate;

/**
 * Direct age and sex standardisation of one cell's group rates ({@link Strata}, {@link
 * StandardisedRate}): the population's age bands are collapsed into the power's strata, every group
 * is weighted by the same standard population (the population file's own total by stratum, all
 * groups), and events of unknown age, sex or another gender are left out ({@code std_events_share}
 * says how many remain). Undefined results carry a reason: NO_AGE_SEX_POPULATION (the population
 * has no age bands and sex), AGE_BANDS_DO_NOT_NEST (a population band straddles one of the power's
 * strata), NO_DENOMINATOR, ZERO_STRATUM_POPULATION (a stratum of the standard has no residents of
 * the group: METHODS.md says undefined), LOW_COUNT (under the ratio minimum of events with a
 * stratum, the ONS rule for standardised rates), NO_EVENTS.
 */
final class StandardisedRates {
  private static final double PER_THOUSAND = 1_000.0;

  private StandardisedRates() {}

  /**
   * A group's standardised rate in a cell, or the reason it has none.
   *
   * @param rate the rate, or {@code null}
   * @param events events with a stratum, or {@code null} when the population has no strata (they
   *     are then not counted)
   * @param reason why {@code rate} is null
   */
  record Result(StandardisedRate rate, Long events, String reason) {}

  /** Standardises a group's events in a cell. */
  static Result of(
      Cell cell,
      CellCounts counts,
      PopulationTable population,
      EthnicGroup group,
      ReportSettings settings) {
    if (population == null || population.standard().isEmpty()) {
      return new Result(null, null, UndefinedReason.NO_AGE_SEX_POPULATION);
    }
    Power power = Power.fromCode(cell.power());
    int[] cuts = Strata.cuts(power);
    int n = 2 * (cuts.length + 1);
    long[] events = new long[n];
    long total = 0;
    for (int s = 0; s < n; s++) {
      events[s] =
          counts.get(
              cell.key(),
              group,
              Strata.measure(Strata.SEXES.get(s / (cuts.length + 1)), s % (cuts.length + 1)));
      total += events[s];
    }
    double[] standard = new double[n];
    for (Map.Entry<AgeSexBand, Long> e : population.standard().entrySet()) {
      int s = index(e.getKey(), cuts);
      if (s < 0) {
        return new Result(null, total, UndefinedReason.AGE_BANDS_DO_NOT_NEST);
      }
      standard[s] += e.getValue();
    }
    PopulationTable.Area area = population.area(cell.areaCode());
    if (area == null || area.strata().isEmpty()) {
      return new Result(null, total, UndefinedReason.NO_DENOMINATOR);
    }
    double[] exposure = new double[n];
    for (Map.Entry<AgeSexBand, Long> e : area.strataOf(group).entrySet()) {
      exposure[index(e.getKey(), cuts)] += cell.exposure(e.getValue());
    }
    for (int s = 0; s < n; s++) {
      if (standard[s] > 0 && !(exposure[s] > 0)) {
        return new Result(null, total, UndefinedReason.ZERO_STRATUM_POPULATION);
      }
    }
    if (total == 0) {
      return new Result(null, total, UndefinedReason.NO_EVENTS);
    }
    if (total < settings.smallNumbers().ratioMinimum()) {
      return new Result(null, total, UndefinedReason.LOW_COUNT);
    }
    return new Result(
        StandardisedRate.of(standard, events, exposure, PER_THOUSAND, settings.confidenceLevel()),
        total,
        null);
  }

  private static int index(AgeSexBand band, int[] cuts) {
    int age = band.stratum(cuts);
    return age < 0 ? -1 : Strata.SEXES.indexOf(band.sex()) * (cuts.length + 1) + age;
  }

  /** Sets the standardised columns of a group's row (the ratio when the reference has a rate). */
  static void set(
      RowBuilder row,
      Cell cell,
      Result result,
      Result reference,
      long events,
      boolean isReference,
      ReportSettings settings) {
    row.set("std_strata", Strata.label(Power.fromCode(cell.power())))
        .set("std_events", result.events())
        .set(
            "std_events_share",
            events == 0 || result.events() == null ? null : (double) result.events() / events);
    if (result.rate() == null) {
      row.set("std_undefined_reason", result.reason());
      return;
    }
    row.set("std_rate_per_1000", result.rate().rate())
        .set("std_rate_ci_low", result.rate().interval().low())
        .set("std_rate_ci_high", result.rate().interval().high());
    if (isReference) {
      row.set("std_undefined_reason", UndefinedReason.REFERENCE_GROUP);
      return;
    }
    if (reference.rate() == null) {
      row.set(
          "std_undefined_reason",
          reference.reason().equals(UndefinedReason.NO_EVENTS)
              ? UndefinedReason.ZERO_REFERENCE
              : reference.reason());
      return;
    }
    StandardisedRate.Ratio ratio =
        StandardisedRate.ratio(result.rate(), reference.rate(), settings.confidenceLevel());
    row.set("std_ratio", ratio.ratio())
        .set("std_ratio_ci_low", ratio.interval().low())
        .set("std_ratio_ci_high", ratio.interval().high());
  }
}
