package org.scrutineer.pipeline.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.SparkTestBase;
import org.scrutineer.pipeline.stats.BenjaminiHochberg;

/**
 * The q-values Spark computes equal, to the last bit, R's {@code p.adjust(p, "BH")} as implemented
 * on collected p-values ({@link BenjaminiHochberg}), over several tables at once, with ties (the
 * counts behind p-values repeat), nulls (untested rows), zeros and ones.
 */
class QValuesTest extends SparkTestBase {
  private static final StructType P = new StructType().add(QValues.P, DataTypes.DoubleType, true);

  @Test
  void equalTheCollectedBenjaminiHochbergQValuesExactly() {
    Random random = new Random(11);
    List<List<Double>> tables = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    double[] repeated = {0.0, 1.0, 0.05, 0.2, 1e-12};
    for (int t = 0; t < 3; t++) {
      List<Double> table = new ArrayList<>();
      for (int i = 0; i < 700; i++) {
        int kind = random.nextInt(10);
        Double p =
            kind == 0
                ? null
                : kind < 3
                    ? repeated[random.nextInt(repeated.length)]
                    : Math.pow(random.nextDouble(), 3);
        table.add(p);
        all.add(p);
      }
      tables.add(table);
    }
    Double[] expected = BenjaminiHochberg.qValues(all.toArray(new Double[0]));
    Map<Double, Double> byP = new HashMap<>();
    for (int i = 0; i < expected.length; i++) {
      if (all.get(i) != null) {
        Double before = byP.put(all.get(i), expected[i]);
        // Tied p-values share one q-value: a q-value is a function of its p-value.
        assertThat(before == null || before.equals(expected[i])).isTrue();
      }
    }

    List<Dataset<Row>> datasets = new ArrayList<>();
    for (List<Double> table : tables) {
      datasets.add(
          spark.createDataFrame(table.stream().map(p -> RowFactory.create(p)).toList(), P));
    }
    List<Row> q = QValues.of(datasets).collectAsList();

    assertThat(q).hasSize(byP.size());
    for (Row row : q) {
      double p = row.getDouble(0);
      assertThat(row.getDouble(1)).as("q of p = %s", p).isEqualTo(byP.get(p));
    }
  }

  @Test
  void noPValueAtAllGivesNoQValue() {
    Dataset<Row> none = spark.createDataFrame(List.of(RowFactory.create((Object) null)), P);
    assertThat(QValues.of(List.of(none)).collectAsList()).isEmpty();
  }
}
