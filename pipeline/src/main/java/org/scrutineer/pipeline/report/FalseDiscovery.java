package org.scrutineer.pipeline.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.stats.BenjaminiHochberg;

/**
 * Adds Benjamini-Hochberg q-values to the tables of a run: every {@code p_value} of every table
 * given is one family (all districts, groups and measures), so a district that looks extreme among
 * dozens is judged against how many were tested. Rows without a p-value get no q-value.
 */
public final class FalseDiscovery {
  private FalseDiscovery() {}

  /** The tables with {@code q_value} set, in the same order and row order. */
  public static List<List<Row>> withQValues(List<List<Row>> tables) {
    List<Double> pValues = new ArrayList<>();
    for (List<Row> table : tables) {
      for (Row row : table) {
        pValues.add(row.getAs("p_value"));
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
