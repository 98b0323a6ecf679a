package org.scrutineer.pipeline.report;

import java.util.List;

/**
 * Small-cell suppression for published tables (METHODS.md section 4.4): primary suppression of
 * counts from 1 to below a threshold, then secondary suppression so that no suppressed count can be
 * recovered by subtraction from the published totals.
 *
 * <p>A relation is a set of counts that add up to another published count (the five groups and
 * Unknown to All; districts to their force; months to their year). After primary suppression, every
 * relation with exactly one suppressed count, which could be recovered as the total minus the
 * others, gets a second: its smallest unsuppressed count (the total only when nothing else is
 * left). This repeats until no relation has exactly one, since each new suppression may expose
 * another relation. Zero counts are published: a zero alone is not a person.
 */
public final class Suppression {
  private Suppression() {}

  /**
   * Which counts to suppress.
   *
   * @param values the published counts
   * @param thresholds per count, the smallest count that may be published
   * @param relations each an array of indices whose last element is the total of the others
   */
  public static boolean[] suppress(long[] values, long[] thresholds, List<int[]> relations) {
    boolean[] hidden = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      hidden[i] = values[i] > 0 && values[i] < thresholds[i];
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[] relation : relations) {
        int suppressed = 0;
        for (int i : relation) {
          if (hidden[i]) {
            suppressed++;
          }
        }
        if (suppressed != 1) {
          continue;
        }
        int pick = -1;
        for (int k = 0; k < relation.length - 1; k++) {
          int i = relation[k];
          if (!hidden[i] && (pick < 0 || values[i] < values[pick])) {
            pick = i;
          }
        }
        if (pick < 0) {
          pick = relation[relation.length - 1];
        }
        hidden[pick] = true;
        changed = true;
      }
    }
    return hidden;
  }

  /**
   * What an attacker can recover by repeated subtraction: for any relation with exactly one unknown
   * count, the unknown is the total minus the known members (or the sum of the members). Returns
   * the counts known at the end (published or recovered), for tests of {@link #suppress}.
   */
  public static boolean[] recoverable(long[] values, boolean[] hidden, List<int[]> relations) {
    boolean[] known = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      known[i] = !hidden[i];
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[] relation : relations) {
        int unknown = -1;
        int count = 0;
        for (int i : relation) {
          if (!known[i]) {
            unknown = i;
            count++;
          }
        }
        if (count == 1) {
          known[unknown] = true;
          changed = true;
        }
      }
    }
    return known;
  }
}
