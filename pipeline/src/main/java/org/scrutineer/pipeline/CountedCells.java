package org.scrutineer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.aggregate.UnmappedValues;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.PeriodType;
import org.scrutineer.pipeline.schema.Power;

/**
 * Stage 4, count cells: every power's accepted records of the submitted months counted by reporting
 * cell and ethnic group ({@link EventCounts#cellCounts}), in one Spark table with every measure
 * column (persisted until {@link #close}), and the run-wide totals the reconciliation and the gates
 * need, summed in Spark over the force-level month cells by place of event.
 *
 * @param counts the cell counts (persisted)
 * @param rowsCounted accepted rows counted in a submitted month
 * @param events events among them (vehicle-only searches are not events)
 * @param unmapped events with an unmapped label in any field of {@link UnmappedValues#FIELDS}
 * @param unmappedGated events with an unmapped label in each field of {@link #GATED}, in order
 * @param withoutDenominator force areas with events and no population (never given a zero)
 */
record CountedCells(
    Dataset<Row> counts,
    long rowsCounted,
    long events,
    long unmapped,
    List<Long> unmappedGated,
    List<String> withoutDenominator)
    implements AutoCloseable {

  /** The fields whose unmapped labels are gated ({@code --max-unmapped-fraction}). */
  static final List<String> GATED =
      List.of(Columns.SELF_DEFINED_ETHNICITY, Columns.OFFICER_DEFINED_ETHNICITY);

  /** Counts the cells of the files read. */
  static CountedCells of(FilesRead files, ResolvedInputs inputs) {
    Dataset<Row> counts =
        cellCounts(
                files.recordCounts(),
                files.submitted(),
                inputs.districtCsps(),
                files.coverage().powers())
            .persist(Persistence.LEVEL);
    try {
      Row totals = totals(counts);
      long unmapped = 0;
      for (int i = 0; i < UnmappedValues.FIELDS.size(); i++) {
        unmapped += totals.getLong(2 + i);
      }
      List<Long> gated = new ArrayList<>();
      for (int i = 0; i < GATED.size(); i++) {
        gated.add(totals.getLong(2 + UnmappedValues.FIELDS.size() + i));
      }
      return new CountedCells(
          counts,
          totals.getLong(0),
          totals.getLong(1),
          unmapped,
          gated,
          withoutDenominator(files, inputs));
    } catch (RuntimeException e) {
      counts.unpersist();
      throw e;
    }
  }

  /** The rows counted, in words. */
  String summary(FilesRead files) {
    return String.format(
        "%,d rows counted (%s to %s); %,d accepted rows outside the window or submitted months",
        rowsCounted,
        files.coverage().from(),
        files.coverage().to(),
        files.accepted() - rowsCounted);
  }

  @Override
  public void close() {
    counts.unpersist();
  }

  /**
   * Every power's cell counts in one table with every measure column (a measure of another power is
   * zero, as it always was: the power has no such events).
   */
  private static Dataset<Row> cellCounts(
      Dataset<Row> recordCounts,
      List<String> submitted,
      Map<String, String> districtCsps,
      Set<Power> powers) {
    Dataset<Row> all = null;
    for (Power power : powers) {
      Dataset<Row> one = EventCounts.cellCounts(recordCounts, submitted, districtCsps, power);
      List<Column> columns = new ArrayList<>();
      EventCounts.KEYS.forEach(k -> columns.add(col(k)));
      Set<String> has = Set.of(one.columns());
      for (String measure : EventCounts.MEASURE_NAMES) {
        columns.add(has.contains(measure) ? col(measure) : lit(0L).as(measure));
      }
      one = one.select(columns.toArray(new Column[0]));
      all = all == null ? one : all.union(one);
    }
    return all;
  }

  /**
   * The counts of the force-level month cells by place of event, summed in Spark: rows counted,
   * events, then events with an unmapped label of each of {@link UnmappedValues#FIELDS}, then of
   * each of {@link #GATED}.
   */
  private static Row totals(Dataset<Row> counts) {
    List<Column> sums = new ArrayList<>();
    sums.add(functions.sum(EventCounts.RECORDS));
    sums.add(functions.sum(EventCounts.EVENTS));
    UnmappedValues.FIELDS.forEach(f -> sums.add(functions.sum(f)));
    GATED.forEach(f -> sums.add(functions.sum(EventCounts.unmappedEventsColumn(f))));
    List<Column> zeroIfEmpty = new ArrayList<>();
    for (Column sum : sums) {
      // No cell at all is no event at all: a count, not a missing value.
      zeroIfEmpty.add(functions.coalesce(sum, lit(0L)));
    }
    return counts
        .where(col(Columns.GEOGRAPHY_LEVEL).equalTo(GeographyLevel.FORCE))
        .where(col(Columns.BASIS).equalTo(Basis.PLACE_OF_EVENT))
        .where(col(Columns.PERIOD_TYPE).equalTo(PeriodType.MONTH))
        .agg(zeroIfEmpty.get(0), zeroIfEmpty.subList(1, zeroIfEmpty.size()).toArray(new Column[0]))
        .first();
  }

  /** Force areas with a resident population missing from any population table. */
  private static List<String> withoutDenominator(FilesRead files, ResolvedInputs inputs) {
    List<String> without = new ArrayList<>(inputs.incompleteForces());
    if (inputs.population() == null) {
      return without;
    }
    Set<String> forcesRead = new TreeSet<>(files.coverage().allForces());
    for (String force : forcesRead) {
      Force known = inputs.registry().find(force).orElseThrow();
      if (known.residentPopulation()
          && inputs.population().vintages().stream()
              .anyMatch(v -> v.table().area(known.areaCode()) == null)
          && !without.contains(known.areaCode())) {
        without.add(known.areaCode());
      }
    }
    return without;
  }
}
