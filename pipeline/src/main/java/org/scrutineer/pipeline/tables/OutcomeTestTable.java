package org.scrutineer.pipeline.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.cells.CellCounts;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.GeographyLevel;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.RowBuilder;
import org.scrutineer.pipeline.schema.UndefinedReason;
import org.scrutineer.pipeline.stats.Proportion;
import org.scrutineer.pipeline.stats.RiskRatio;
import org.scrutineer.pipeline.stats.TwoProportions;

/**
 * Builds the {@code outcome_test} table on the driver (METHODS.md section 4.5, the Becker /
 * Knowles, Persico and Todd outcome test): for each stop-and-search place-of-event cell and group,
 * the find rate (searches whose outcome was linked to the object, of those with the link recorded)
 * beside the reference group's, their difference with Newcombe's interval, their ratio with the
 * Katz interval, and the chi-square and Fisher exact tests. A lower find rate for a group suggests
 * it is searched on less evidence (subject to infra-marginality).
 *
 * <p>Force rows also carry the test averaged across the force's districts, as the Stanford Open
 * Policing Project computes it: the unweighted mean over districts of each group's find rate and of
 * the reference group's, over districts where both have at least {@link #MIN_SEARCHES} searches
 * with the link recorded, and only when at least {@link #MIN_DISTRICTS} districts qualify.
 */
public final class OutcomeTestTable {
  /** Searches with the link recorded each group needs in a district for the average. */
  public static final long MIN_SEARCHES = 50;

  /** Qualifying districts a force needs for the average. */
  public static final int MIN_DISTRICTS = 3;

  private OutcomeTestTable() {}

  /** Builds the rows. */
  public static List<Row> build(List<Cell> cells, CellCounts counts, ReportSettings settings) {
    EthnicGroup reference = settings.referenceGroup();
    double level = settings.confidenceLevel();
    Map<List<Object>, List<double[]>> districtRates = new HashMap<>();
    for (Cell cell : cells) {
      if (!stopSearch(cell)
          || !cell.level().equals(GeographyLevel.DISTRICT)
          || cell.areaCode().equals(GeographyLevel.UNKNOWN_DISTRICT)) {
        continue;
      }
      long wk = counts.get(cell.key(), reference, "link_known");
      long wf = counts.get(cell.key(), reference, "linked_finds");
      for (EthnicGroup g : EthnicGroup.KNOWN) {
        long k = counts.get(cell.key(), g, "link_known");
        if (g != reference && k >= MIN_SEARCHES && wk >= MIN_SEARCHES) {
          double rate = (double) counts.get(cell.key(), g, "linked_finds") / k;
          districtRates
              .computeIfAbsent(forceKey(cell, g), x -> new ArrayList<>())
              .add(new double[] {rate, (double) wf / wk});
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Cell cell : cells) {
      if (!stopSearch(cell)) {
        continue;
      }
      long wk = counts.get(cell.key(), reference, "link_known");
      long wf = counts.get(cell.key(), reference, "linked_finds");
      for (EthnicGroup g : EthnicGroup.KNOWN) {
        if (g == reference) {
          continue;
        }
        long k = counts.get(cell.key(), g, "link_known");
        long f = counts.get(cell.key(), g, "linked_finds");
        RowBuilder row =
            cell.columns(new RowBuilder(OutputSchemas.OUTCOME_TEST_SCHEMA))
                .set(Columns.ETHNIC_GROUP, g.label())
                .set("reference_group", reference.label())
                .set(Columns.LINK_KNOWN, k)
                .set("linked_finds", f)
                .set("reference_link_known", wk)
                .set("reference_linked_finds", wf)
                .set("find_rate", Proportion.of(f, k, level).estimate())
                .set("reference_find_rate", Proportion.of(wf, wk, level).estimate())
                .set("flag", settings.smallNumbers().ratioFlag(f, wf));
        TwoProportions test = TwoProportions.of(f, k, wf, wk, level);
        if (Math.min(k, wk) == 0) {
          row.set("test_undefined_reason", UndefinedReason.NO_LINK_KNOWN);
        } else if (!settings.smallNumbers().rateAllowed(Math.min(k, wk))) {
          row.set("test_undefined_reason", UndefinedReason.LOW_COUNT);
        } else {
          row.set("difference", test.difference())
              .set("difference_ci_low", test.differenceInterval().low())
              .set("difference_ci_high", test.differenceInterval().high())
              .set("chi_square_p", test.chiSquareP())
              .set(Columns.FISHER_P, test.fisherP());
        }
        if (settings.smallNumbers().ratioAllowed(f, wf)) {
          RiskRatio ratio = RiskRatio.of(f, k, wf, wk, level);
          row.set("ratio", ratio.ratio())
              .set("ratio_ci_low", ratio.interval().low())
              .set("ratio_ci_high", ratio.interval().high());
        }
        if (cell.level().equals(GeographyLevel.FORCE)) {
          List<double[]> rates = districtRates.getOrDefault(forceKey(cell, g), List.of());
          row.set("districts_averaged", rates.size());
          if (rates.size() < MIN_DISTRICTS) {
            row.set("average_undefined_reason", UndefinedReason.FEWER_THAN_3_DISTRICTS);
          } else {
            double group = rates.stream().mapToDouble(r -> r[0]).average().orElseThrow();
            double ref = rates.stream().mapToDouble(r -> r[1]).average().orElseThrow();
            row.set("average_find_rate", group)
                .set("average_reference_find_rate", ref)
                .set("average_difference", group - ref);
          }
        }
        rows.add(row.build());
      }
    }
    return rows;
  }

  private static boolean stopSearch(Cell cell) {
    return cell.power().equals(Power.STOP_SEARCH.code())
        && cell.basis().equals(Basis.PLACE_OF_EVENT);
  }

  private static List<Object> forceKey(Cell cell, EthnicGroup group) {
    return List.of(cell.periodType(), cell.period(), cell.force(), group);
  }
}
