package org.scrutineer.pipeline.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.disclosure.Suppression.Relation;

/** Suppressed counts can be neither recovered nor pinned to a narrow range from the totals. */
class SuppressionTest {
  @Test
  void aSingleSmallGroupIsNotLeftRecoverableFromItsTotal() {
    // White 120, Black 4, Asian 30, All 154: Black alone suppressed could be recovered as
    // 154 - 120 - 30, so the smallest other group (Asian) is suppressed too; Black is then known
    // only to lie in [1, 33].
    long[] values = {120, 4, 30, 154};
    List<Relation> relations = List.of(Relation.sum(new int[] {0, 1, 2}, 3));
    boolean[] hidden = Suppression.suppress(values, thresholds(values.length, 10), relations);
    assertThat(hidden).containsExactly(false, true, true, false);
    Suppression.Bounds bounds = Suppression.bounds(values, hidden, relations);
    assertThat(bounds.low()[1]).isEqualTo(1);
    assertThat(bounds.high()[1]).isEqualTo(33);
  }

  @Test
  void twoSmallCountsWhoseSumIsPublishedAreProtectedByAThird() {
    // Black 1 and Mixed 1 hidden with All published: each hidden count is at least 1 (zeros are
    // published), so 1 + 1 = 2 pins both. A third, large enough, count is hidden as well.
    long[] values = {50, 1, 1, 12, 64};
    List<Relation> relations = List.of(Relation.sum(new int[] {0, 1, 2, 3}, 4));
    boolean[] hidden = Suppression.suppress(values, thresholds(values.length, 10), relations);
    assertThat(hidden).containsExactly(false, true, true, true, false);
    Suppression.Bounds bounds = Suppression.bounds(values, hidden, relations);
    assertThat(bounds.high()[1] - bounds.low()[1]).isGreaterThanOrEqualTo(10);
  }

  @Test
  void zerosAreNeverHiddenAndTheTotalGoesWhenNothingElseIsLeft() {
    // Black 3, every other group 0: hiding a zero would add nothing, so the total is hidden.
    long[] values = {0, 3, 0, 0, 3};
    List<Relation> relations = List.of(Relation.sum(new int[] {0, 1, 2, 3}, 4));
    boolean[] hidden = Suppression.suppress(values, thresholds(values.length, 10), relations);
    assertThat(hidden).containsExactly(false, true, false, false, true);
  }

  @Test
  void anUpperBoundFromAnInequalityCountsAsAnAttackersKnowledge() {
    // A numerator (3) within a published denominator (5): [1, 5] is narrower than 10, so the
    // denominator is hidden too.
    long[] values = {3, 5};
    List<Relation> relations = List.of(Relation.atMost(new int[] {0}, 1));
    boolean[] hidden = Suppression.suppress(values, thresholds(values.length, 10), relations);
    assertThat(hidden).containsExactly(true, true);
  }

  @Test
  void noAttackerPropagatingBoundsLearnsAnythingInAGridOfDistrictsAndGroups() {
    // Districts (rows) by groups (columns) with row totals, column totals and a grand total,
    // random small and large counts: the two-way table a force and its districts publish.
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 300; trial++) {
      int districts = 2 + random.nextInt(5);
      int groups = 2 + random.nextInt(5);
      long[][] cell = new long[districts][groups];
      for (long[] row : cell) {
        for (int g = 0; g < groups; g++) {
          double u = random.nextDouble();
          row[g] = u < 0.2 ? 0 : u < 0.5 ? 1 + random.nextInt(9) : 10 + random.nextInt(200);
        }
      }
      int n = districts * groups + districts + groups + 1;
      long[] values = new long[n];
      List<Relation> relations = new ArrayList<>();
      int grand = n - 1;
      for (int d = 0; d < districts; d++) {
        int[] members = new int[groups];
        for (int g = 0; g < groups; g++) {
          values[d * groups + g] = cell[d][g];
          members[g] = d * groups + g;
          values[districts * groups + d] += cell[d][g];
        }
        relations.add(Relation.sum(members, districts * groups + d));
      }
      for (int g = 0; g < groups; g++) {
        int[] members = new int[districts];
        for (int d = 0; d < districts; d++) {
          members[d] = d * groups + g;
          values[districts * groups + districts + g] += cell[d][g];
        }
        relations.add(Relation.sum(members, districts * groups + districts + g));
      }
      int[] rowTotals = new int[districts];
      for (int d = 0; d < districts; d++) {
        rowTotals[d] = districts * groups + d;
        values[grand] += values[districts * groups + d];
      }
      relations.add(Relation.sum(rowTotals, grand));

      long[] thresholds = thresholds(n, 10);
      boolean[] hidden = Suppression.suppress(values, thresholds, relations);
      Suppression.Bounds bounds = Suppression.bounds(values, hidden, relations);
      for (int i = 0; i < n; i++) {
        String what = String.format("trial %d count %d of %s", trial, i, Arrays.toString(values));
        if (values[i] > 0 && values[i] < 10) {
          assertThat(hidden[i]).as("%s primary", what).isTrue();
          assertThat(bounds.width(i)).as("%s width", what).isGreaterThanOrEqualTo(10);
        }
        if (values[i] == 0) {
          assertThat(hidden[i]).as("%s zero", what).isFalse();
        }
        if (hidden[i]) {
          assertThat(bounds.exact(i)).as(what).isFalse();
          assertThat(values[i]).as(what).isBetween(bounds.low()[i], bounds.high()[i]);
        }
      }
      // Decided beside an independent copy of itself (another force), a problem's decision is the
      // same: forces can be decided apart.
      long[] twice = new long[2 * n];
      long[] twiceThresholds = new long[2 * n];
      List<Suppression.Relation> twiceRelations = new java.util.ArrayList<>(relations);
      for (int i = 0; i < n; i++) {
        twice[i] = twice[n + i] = values[i];
        twiceThresholds[i] = twiceThresholds[n + i] = thresholds[i];
      }
      for (Suppression.Relation r : relations) {
        int[] members = Arrays.stream(r.members()).map(m -> m + n).toArray();
        twiceRelations.add(
            r.exact()
                ? Suppression.Relation.sum(members, r.total() + n)
                : Suppression.Relation.atMost(members, r.total() + n));
      }
      boolean[] both = Suppression.suppress(twice, twiceThresholds, twiceRelations);
      assertThat(Arrays.copyOfRange(both, 0, n)).isEqualTo(hidden);
      assertThat(Arrays.copyOfRange(both, n, 2 * n)).isEqualTo(hidden);
    }
  }

  private static long[] thresholds(int n, long minimum) {
    long[] t = new long[n];
    Arrays.fill(t, minimum);
    return t;
  }
}
