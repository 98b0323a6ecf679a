package org.scrutineer.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Suppressed counts cannot be recovered from the published totals. */
class SuppressionTest {
  @Test
  void aSingleSmallGroupIsNotLeftRecoverableFromItsTotal() {
    // White 120, Black 4, Asian 30, All 154: Black alone suppressed could be recovered as
    // 154 - 120 - 30, so the smallest other group (Asian) is suppressed too.
    long[] values = {120, 4, 30, 154};
    List<int[]> relations = List.<int[]>of(new int[] {0, 1, 2, 3});
    boolean[] hidden = Suppression.suppress(values, thresholds(values.length, 10), relations);
    assertThat(hidden).containsExactly(false, true, true, false);
    assertThat(Suppression.recoverable(values, hidden, relations))
        .containsExactly(true, false, false, true);
  }

  @Test
  void anAttackerSubtractingAlongEveryRelationRecoversNothingInAGridOfDistrictsAndGroups() {
    // Districts (rows) by groups (columns) with row totals, column totals and a grand total,
    // random small and large counts: the two-way table a force and its districts publish.
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int districts = 2 + random.nextInt(5);
      int groups = 2 + random.nextInt(5);
      long[][] cell = new long[districts][groups];
      for (long[] row : cell) {
        for (int g = 0; g < groups; g++) {
          row[g] = random.nextDouble() < 0.3 ? random.nextInt(10) : 10 + random.nextInt(200);
        }
      }
      int n = districts * groups + districts + groups + 1;
      long[] values = new long[n];
      List<int[]> relations = new ArrayList<>();
      int grand = n - 1;
      for (int d = 0; d < districts; d++) {
        int[] relation = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
          values[d * groups + g] = cell[d][g];
          relation[g] = d * groups + g;
          values[districts * groups + d] += cell[d][g];
        }
        relation[groups] = districts * groups + d;
        relations.add(relation);
      }
      for (int g = 0; g < groups; g++) {
        int[] relation = new int[districts + 1];
        for (int d = 0; d < districts; d++) {
          relation[d] = d * groups + g;
          values[districts * groups + districts + g] += cell[d][g];
        }
        relation[districts] = districts * groups + districts + g;
        relations.add(relation);
      }
      int[] totals = new int[districts + 1];
      for (int d = 0; d < districts; d++) {
        totals[d] = districts * groups + d;
        values[grand] += values[districts * groups + d];
      }
      totals[districts] = grand;
      relations.add(totals);

      boolean[] hidden = Suppression.suppress(values, thresholds(n, 10), relations);
      boolean[] known = Suppression.recoverable(values, hidden, relations);
      for (int i = 0; i < n; i++) {
        if (values[i] > 0 && values[i] < 10) {
          assertThat(hidden[i]).as("trial %d count %d primary", trial, i).isTrue();
        }
        if (hidden[i]) {
          assertThat(known[i])
              .as("trial %d count %d of %s", trial, i, Arrays.toString(values))
              .isFalse();
        }
      }
    }
  }

  private static long[] thresholds(int n, long minimum) {
    long[] t = new long[n];
    Arrays.fill(t, minimum);
    return t;
  }
}
