package org.scrutineer.pipeline.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.stats.BenjaminiHochberg;

/**
 * Adds Benjamini-Hochberg q-values to the tables of a run: every p-value of every table given (its
 * own p-value column) is one family (all districts, groups, periods and measures), so a district
 * that looks extreme among dozens is judged against how many were tested. Rows without a p-value
 * get no q-value. BH holds under the positive dependence of overlapping periods (months, years and
 * rolling windows of the same events).
 */
public final class FalseDiscovery {
  private FalseDiscovery() {}

  /** The tables with {@code q_value} set from their {@code p_value}, in the same order. */
  public static List<List<Row>> withQValues(List<List<Row>> tables) {
    return withQValues(tables, tables.stream().map(t -> "p_value").toList());
  }

  /**
   * The tables with {@code q_value} set, each table's p-values read from its column in {@code
   * pColumns}.
   */
  public static List<List<Row>> withQValues(List<List<Row>> tables, List<String> pColumns) {
    List<Double> pValues = new ArrayList<>();
    for (int t = 0; t < tables.size(); t++) {
      for (Row row : tables.get(t)) {
        pValues.add(row.getAs(pColumns.get(t)));
      }
    }
    Double[] q = BenjaminiHochberg.qValues(pValues.toArray(new Double[0]));
    List<List<Row>> out = new ArrayList<>();
    int next = 0;
    for (List<Row> table : tables) {
      List<Row> rows = new ArrayList<>(table.size());
      for (Row row : table) {
        rows.add(RowBuilder.copyOf(row).set("q_value", q[next++]).build());
      }
      out.add(rows);
    }
    return out;
  }
}
