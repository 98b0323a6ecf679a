package org.scrutineer.pipeline.report;

import static org.scrutineer.pipeline.aggregate.EventCounts.ANY_ACTION_COUNT;
import static org.scrutineer.pipeline.aggregate.EventCounts.ARRESTS;
import static org.scrutineer.pipeline.aggregate.EventCounts.LINKED_FINDS;
import static org.scrutineer.pipeline.aggregate.EventCounts.LINK_KNOWN_COUNT;
import static org.scrutineer.pipeline.aggregate.EventCounts.OUTCOME_KNOWN_COUNT;
import static org.scrutineer.pipeline.aggregate.EventCounts.PERSON_SEARCHES;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.stats.Proportion;
import org.scrutineer.pipeline.stats.RiskRatio;

/**
 * Builds the {@code outcomes} table on the driver: for each cell and group, the arrest rate, the
 * any-action rate (over searches with a known outcome) and the linked find rate (over searches with
 * a known link), each with its Wilson interval and its ratio to the reference group with a Katz
 * interval (schema: {@link OutputSchemas#OUTCOMES_SCHEMA}). A blank outcome is unknown, never no
 * further action. Rates are null below the rate minimum of searches; a ratio is null when either
 * numerator is below the ratio minimum.
 */
public final class OutcomesTable {
  private OutcomesTable() {}

  private record Measure(String prefix, String numerator, String denominator) {}

  private static final List<Measure> MEASURES =
      List.of(
          new Measure("arrest_rate", ARRESTS, PERSON_SEARCHES),
          new Measure("any_action_rate", ANY_ACTION_COUNT, OUTCOME_KNOWN_COUNT),
          new Measure("linked_find_rate", LINKED_FINDS, LINK_KNOWN_COUNT));

  /** Builds the rows. */
  public static List<Row> build(List<Cell> cells, CellCounts counts, ReportSettings settings) {
    List<Row> rows = new ArrayList<>();
    EthnicGroup reference = settings.referenceGroup();
    SmallNumbers rules = settings.smallNumbers();
    for (Cell cell : cells) {
      Cell.Key key = cell.key();
      List<String> groups = new ArrayList<>();
      EthnicGroup.KNOWN.forEach(g -> groups.add(g.label()));
      groups.add(EthnicGroup.UNKNOWN.label());
      groups.add(EthnicGroup.ALL);
      for (String label : groups) {
        boolean all = label.equals(EthnicGroup.ALL);
        EthnicGroup group = all ? null : EthnicGroup.fromLabel(label);
        RowBuilder row = cell.columns(new RowBuilder(OutputSchemas.OUTCOMES_SCHEMA));
        long searches = count(counts, key, group, PERSON_SEARCHES);
        long outcomeKnown = count(counts, key, group, OUTCOME_KNOWN_COUNT);
        long linkKnown = count(counts, key, group, LINK_KNOWN_COUNT);
        row.set("ethnic_group", label)
            .set("searches", searches)
            .set("arrests", count(counts, key, group, ARRESTS))
            .set("outcome_known", outcomeKnown)
            .set("any_action", count(counts, key, group, ANY_ACTION_COUNT))
            .set("link_known", linkKnown)
            .set("linked_finds", count(counts, key, group, LINKED_FINDS))
            .set("flag", rules.rateFlag(searches));
        if (rules.rateAllowed(searches)) {
          row.set("missing_outcome_rate", (double) (searches - outcomeKnown) / searches)
              .set("missing_link_rate", (double) (searches - linkKnown) / searches);
          for (Measure m : MEASURES) {
            Proportion p =
                Proportion.of(
                    count(counts, key, group, m.numerator),
                    count(counts, key, group, m.denominator),
                    settings.confidenceLevel());
            row.set(m.prefix, p.estimate())
                .set(m.prefix + "_ci_low", p.wilson().low())
                .set(m.prefix + "_ci_high", p.wilson().high());
          }
        }
        boolean comparable = group != null && group != EthnicGroup.UNKNOWN && group != reference;
        if (comparable && rules.rateAllowed(searches)) {
          for (Measure m : MEASURES) {
            long a = count(counts, key, group, m.numerator);
            long c = count(counts, key, reference, m.numerator);
            if (!rules.ratioAllowed(a, c)) {
              continue;
            }
            RiskRatio rr =
                RiskRatio.of(
                    a,
                    count(counts, key, group, m.denominator),
                    c,
                    count(counts, key, reference, m.denominator),
                    settings.confidenceLevel());
            row.set(m.prefix + "_ratio", rr.ratio())
                .set(m.prefix + "_ratio_ci_low", rr.interval().low())
                .set(m.prefix + "_ratio_ci_high", rr.interval().high());
          }
        }
        rows.add(row.build());
      }
    }
    return rows;
  }

  private static long count(CellCounts counts, Cell.Key key, EthnicGroup group, String column) {
    return group == null ? counts.total(key, column) : counts.get(key, group, column);
  }
}
