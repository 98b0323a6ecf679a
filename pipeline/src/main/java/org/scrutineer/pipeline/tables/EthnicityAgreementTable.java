package org.scrutineer.pipeline.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.cells.Cell;
import org.scrutineer.pipeline.population.Denominators;
import org.scrutineer.pipeline.population.PopulationTable;
import org.scrutineer.pipeline.schema.Basis;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.RowBuilder;
import org.scrutineer.pipeline.schema.UndefinedReason;
import org.scrutineer.pipeline.stats.Agreement;
import org.scrutineer.pipeline.stats.RateRatio;

/**
 * Builds the {@code ethnicity_agreement} table on the driver: for each stop-and-search
 * place-of-event cell and group, how officer-perceived and self-defined ethnicity compare.
 *
 * <p>Each row is one row of the confusion matrix: the group's self-defined searches by the
 * officer-perceived group ({@code officer_white} ... {@code officer_unknown}). Per cell: the
 * records with both groups known, their percentage agreement and Cohen's kappa with its interval
 * (on the 5x5 table of known groups). Per group: searches counted three ways (self-defined;
 * officer-defined; self-defined else officer-defined when self-defined is Unknown), the share of
 * searches the officer perceived as the group whose self-defined ethnicity is Unknown (not stated,
 * blank or unmapped), the searches both codings put in the group, and the disproportionality ratio
 * to the reference group on each of the three bases with its exact conditional interval (the same
 * denominators and small-number rules as {@code disproportionality}).
 */
public final class EthnicityAgreementTable {
  private static final List<EthnicGroup> GROUPS = List.of(EthnicGroup.values());

  private EthnicityAgreementTable() {}

  /** Builds the rows from {@code EthnicityMatrix.counts}. */
  public static List<Row> build(
      List<Cell> cells,
      List<Row> matrix,
      Denominators population,
      java.util.function.Predicate<Cell> residents,
      ReportSettings settings) {
    Map<Cell.Key, long[][]> byCell = new HashMap<>();
    for (Row row : matrix) {
      Cell.Key key = Cell.Key.of(row);
      long[][] m = byCell.computeIfAbsent(key, k -> new long[GROUPS.size()][GROUPS.size()]);
      int self = EthnicGroup.fromLabel(row.getAs(Columns.ETHNIC_GROUP)).ordinal();
      int officer = EthnicGroup.fromLabel(row.getAs(Columns.OFFICER_ETHNIC_GROUP)).ordinal();
      m[self][officer] += row.<Long>getAs("n");
    }
    List<Row> rows = new ArrayList<>();
    int unknown = EthnicGroup.UNKNOWN.ordinal();
    EthnicGroup reference = settings.referenceGroup();
    for (Cell cell : cells) {
      if (!cell.power().equals(Power.STOP_SEARCH.code())
          || !cell.basis().equals(Basis.PLACE_OF_EVENT)) {
        continue;
      }
      long[][] m = byCell.getOrDefault(cell.key(), new long[GROUPS.size()][GROUPS.size()]);
      long[][] known = new long[EthnicGroup.KNOWN.size()][EthnicGroup.KNOWN.size()];
      for (int i = 0; i < known.length; i++) {
        for (int j = 0; j < known.length; j++) {
          known[i][j] = m[EthnicGroup.KNOWN.get(i).ordinal()][EthnicGroup.KNOWN.get(j).ordinal()];
        }
      }
      Agreement agreement = Agreement.of(known, settings.confidenceLevel());
      long[][] bases = new long[3][GROUPS.size()];
      for (EthnicGroup g : GROUPS) {
        int i = g.ordinal();
        for (int j = 0; j < GROUPS.size(); j++) {
          bases[0][i] += m[i][j];
          bases[1][i] += m[j][i];
        }
        bases[2][i] = g == EthnicGroup.UNKNOWN ? m[unknown][unknown] : bases[0][i] + m[unknown][i];
      }
      boolean hasResidents = residents.test(cell);
      for (EthnicGroup g : EthnicGroup.KNOWN) {
        int i = g.ordinal();
        RowBuilder row =
            cell.columns(new RowBuilder(OutputSchemas.ETHNICITY_AGREEMENT_SCHEMA))
                .set(Columns.ETHNIC_GROUP, g.label())
                .set("records_both_known", agreement.records())
                .set("agreement", agreement.agreement())
                .set("kappa", agreement.kappa())
                .set("kappa_ci_low", agreement.kappaInterval().low())
                .set("kappa_ci_high", agreement.kappaInterval().high())
                .set(
                    "kappa_undefined_reason",
                    agreement.records() == 0
                        ? UndefinedReason.NO_RECORDS_BOTH_KNOWN
                        : agreement.kappa() == null ? UndefinedReason.ONE_GROUP_ONLY : null)
                .set("self_defined_events", bases[0][i])
                .set("officer_defined_events", bases[1][i])
                .set("self_else_officer_events", bases[2][i])
                .set("both_in_group", m[i][i])
                .set("officer_white", m[i][EthnicGroup.WHITE.ordinal()])
                .set("officer_black", m[i][EthnicGroup.BLACK.ordinal()])
                .set("officer_asian", m[i][EthnicGroup.ASIAN.ordinal()])
                .set("officer_mixed", m[i][EthnicGroup.MIXED.ordinal()])
                .set("officer_other", m[i][EthnicGroup.OTHER.ordinal()])
                .set("officer_unknown", m[i][unknown])
                .set(
                    "officer_group_self_unknown_share",
                    bases[1][i] == 0 ? null : (double) m[unknown][i] / bases[1][i]);
        String[] names = {"self", "officer", "self_else_officer"};
        for (int b = 0; b < 3; b++) {
          ratio(
              row,
              names[b],
              cell,
              bases[b][i],
              bases[b][reference.ordinal()],
              g,
              reference,
              hasResidents && population != null
                  ? population.forPeriod(cell.periodType(), cell.period())
                  : null,
              settings);
        }
        rows.add(row.build());
      }
    }
    return rows;
  }

  private static void ratio(
      RowBuilder row,
      String basis,
      Cell cell,
      long events,
      long referenceEvents,
      EthnicGroup group,
      EthnicGroup reference,
      PopulationTable population,
      ReportSettings settings) {
    if (group == reference) {
      return;
    }
    Long p = population == null ? null : population.population(cell.areaCode(), group);
    Long pw = population == null ? null : population.population(cell.areaCode(), reference);
    if (p == null || pw == null || p == 0 || pw == 0) {
      return;
    }
    if (!settings.smallNumbers().ratioAllowed(events, referenceEvents)) {
      return;
    }
    RateRatio r =
        RateRatio.of(
            events,
            cell.exposure(p),
            referenceEvents,
            cell.exposure(pw),
            settings.confidenceLevel());
    if (r.reason() != null) {
      return;
    }
    row.set("ratio_" + basis, r.ratio())
        .set("ratio_" + basis + "_ci_low", r.exact().low())
        .set("ratio_" + basis + "_ci_high", r.exact().high());
  }
}
