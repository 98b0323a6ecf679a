package org.scrutineer.pipeline.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Small-cell suppression for published tables (METHODS.md section 4.4), checked against an attacker
 * who knows every relation among the published counts.
 *
 * <p>Primary suppression hides every count from 1 to below its threshold. Zeros are published (a
 * zero is not a person), so an attacker knows that every hidden count is at least 1. Secondary
 * suppression then hides more counts until an attacker who propagates the relations to a fixed
 * point ({@link #bounds}) can neither recover any hidden count exactly nor pin a primary-suppressed
 * count {@code x} with threshold {@code t} to a range narrower than {@code t} (its highest value
 * less its lowest at least {@code t}: the protection interval of tau-ARGUS and sdcTable, with upper
 * and lower protection adding up to the threshold).
 *
 * <p>Secondary suppression hides, first, a second count in every exact relation that has exactly
 * one hidden (its smallest non-zero published member, else its total), and then, for each count the
 * audit still finds exposed, a published non-zero member of one of its relations (the smallest at
 * least as large as the threshold, else the largest; a total only when no member is left). A zero
 * is never hidden. Relations that share no count are independent, so each connected set of
 * relations (in practice, one force's cells) is decided on its own: a run decides each force's in a
 * task of its own, and the result is the same as deciding the whole country at once.
 */
public final class Suppression {
  /** Stands for "no upper bound known". */
  static final long UNBOUNDED = Long.MAX_VALUE / 4;

  private Suppression() {}

  /**
   * A linear relation among published counts: the members add up to the total ({@code exact}), or
   * to at most the total (an unpublished remainder, such as the custody disposals other than the
   * six published, or a numerator within its denominator).
   *
   * @param members indices of the counts that are added up
   * @param total index of the count they add up to
   * @param exact whether the sum equals the total (else it is at most the total)
   */
  public record Relation(int[] members, int total, boolean exact) {
    /** The members add up to the total. */
    public static Relation sum(int[] members, int total) {
      return new Relation(members, total, true);
    }

    /** The members add up to at most the total. */
    public static Relation atMost(int[] members, int total) {
      return new Relation(members, total, false);
    }

    /** Every index of the relation, the total last. */
    int[] all() {
      int[] all = Arrays.copyOf(members, members.length + 1);
      all[members.length] = total;
      return all;
    }
  }

  /**
   * The interval an attacker can derive for each count: published counts are known exactly, a
   * hidden count starts at {@code [1, unbounded)}, and every relation narrows its counts' intervals
   * until nothing changes. {@code high} is {@link #UNBOUNDED} where no upper bound follows; {@code
   * highBy} is the relation that last lowered each count's upper bound (-1 where none did).
   */
  public record Bounds(long[] low, long[] high, int[] highBy) {
    /** Whether count {@code i} is known exactly. */
    public boolean exact(int i) {
      return low[i] == high[i];
    }

    /** The width of count {@code i}'s interval. */
    public long width(int i) {
      return high[i] >= UNBOUNDED ? UNBOUNDED : high[i] - low[i];
    }
  }

  /**
   * Which counts to suppress.
   *
   * @param values the published counts (never negative)
   * @param thresholds per count, the smallest non-zero count that may be published
   * @param relations every relation among the counts an attacker can know
   * @return per count, whether it is hidden
   */
  public static boolean[] suppress(long[] values, long[] thresholds, List<Relation> relations) {
    boolean[] hidden = new boolean[values.length];
    for (List<Integer> component : components(values.length, relations)) {
      // Components are decided one by one here; callers with many forces run them in parallel.
      decide(values, thresholds, relations, component, hidden);
    }
    return hidden;
  }

  /**
   * What an attacker can derive by propagating every relation to a fixed point (see {@link
   * Bounds}). Sound: the true count always lies within its interval.
   */
  public static Bounds bounds(long[] values, boolean[] hidden, List<Relation> relations) {
    Local local =
        Local.of(values, hidden, relations, IntStream.range(0, values.length).boxed().toList());
    return local.bounds(local.hidden);
  }

  private static boolean primary(long value, long threshold) {
    return value > 0 && value < threshold;
  }

  private static void decide(
      long[] values,
      long[] thresholds,
      List<Relation> relations,
      List<Integer> component,
      boolean[] out) {
    Local local = Local.of(values, null, relations, component);
    long[] v = local.values;
    long[] t = new long[v.length];
    boolean[] hidden = new boolean[v.length];
    boolean any = false;
    for (int i = 0; i < v.length; i++) {
      t[i] = thresholds[component.get(i)];
      hidden[i] = primary(v[i], t[i]);
      any |= hidden[i];
    }
    if (any) {
      while (true) {
        singles(local, hidden);
        Bounds b = local.bounds(hidden);
        boolean repaired = false;
        // One repair per relation a round: a repair often protects every exposed count it shares.
        boolean[] widened = new boolean[local.relations.size()];
        for (int i = 0; i < v.length; i++) {
          if (hidden[i]
              && (b.exact(i) || primary(v[i], t[i]) && b.width(i) < t[i])
              && !anyOf(local.relationsOf[i], widened)) {
            repaired |= widen(local, hidden, b, i, t[i], widened);
          }
        }
        if (!repaired) {
          break;
        }
      }
    }
    for (int i = 0; i < v.length; i++) {
      out[component.get(i)] = hidden[i];
    }
  }

  /** Hides a second count in every exact relation with exactly one hidden, until none is left. */
  private static void singles(Local local, boolean[] hidden) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Relation r : local.relations) {
        if (!r.exact()) {
          continue;
        }
        int count = 0;
        for (int i : r.members()) {
          count += hidden[i] ? 1 : 0;
        }
        count += hidden[r.total()] ? 1 : 0;
        if (count != 1) {
          continue;
        }
        int pick = -1;
        for (int i : r.members()) {
          if (!hidden[i]
              && local.values[i] > 0
              && (pick < 0 || local.values[i] < local.values[pick])) {
            pick = i;
          }
        }
        if (pick < 0) {
          pick = r.total();
        }
        if (!hidden[pick] && local.values[pick] > 0) {
          hidden[pick] = true;
          changed = true;
        }
      }
    }
  }

  private static boolean anyOf(int[] relations, boolean[] marked) {
    for (int r : relations) {
      if (marked[r]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Hides one more count for exposed count {@code i}: the one {@link #binding} finds, else the
   * nearest published count (see {@link #pick}) through its relations and then ever further through
   * hidden counts. Returns whether anything was hidden.
   */
  private static boolean widen(
      Local local, boolean[] hidden, Bounds b, int i, long threshold, boolean[] widened) {
    int target = binding(local, hidden, b, i, threshold);
    if (target >= 0) {
      hide(local, hidden, target, widened);
      return true;
    }
    if (target == PENDING) {
      // The bound rests on a count hidden earlier this round: the next audit sees it widened.
      return false;
    }
    return search(local, hidden, i, threshold, widened);
  }

  /** {@link #binding}: the bound rests on a count hidden since this round's bounds were taken. */
  private static final int PENDING = -2;

  private static void hide(Local local, boolean[] hidden, int pick, boolean[] widened) {
    hidden[pick] = true;
    for (int r : local.relationsOf[pick]) {
      widened[r] = true;
    }
  }

  /**
   * The published count whose hiding most directly raises count {@code i}'s upper bound, found by
   * following the bound back to where it came from ({@link Bounds#highBy}): in the relation that
   * set it, a published non-zero member other than the count (hidden, it counts for only 1 in the
   * others' sum, or adds to a total's), else the relation's published total; where neither is left,
   * the same for the hidden count whose bound that relation used, and so on back. The chain runs
   * backwards through the propagation, so it ends at published counts; -1 when none can be hidden.
   */
  private static int binding(Local local, boolean[] hidden, Bounds b, int i, long threshold) {
    java.util.Set<Integer> visited = new java.util.LinkedHashSet<>();
    int found = chain(local, hidden, b, i, threshold, visited);
    if (found >= 0 || found == PENDING) {
      return found;
    }
    // The chain ended among hidden counts: the nearest published count beside any count on it.
    for (int c : visited) {
      int pick =
          pick(
              local,
              hidden,
              java.util.Arrays.stream(local.relationsOf[c]).boxed().toList(),
              threshold);
      if (pick >= 0) {
        return pick;
      }
    }
    return -1;
  }

  private static int chain(
      Local local,
      boolean[] hidden,
      Bounds b,
      int i,
      long threshold,
      java.util.Set<Integer> visited) {
    int current = i;
    while (visited.add(current)) {
      int by = b.highBy()[current];
      if (by < 0) {
        // Published when this round's bounds were taken, hidden since: wait for the next audit.
        return hidden[current] && current != i ? PENDING : -1;
      }
      Relation relation = local.relations.get(by);
      int pick = -1;
      for (int m : relation.members()) {
        if (m != current
            && !hidden[m]
            && local.values[m] > 0
            && (pick < 0 || better(local.values[m], local.values[pick], threshold))) {
          pick = m;
        }
      }
      if (pick >= 0) {
        return pick;
      }
      int total = relation.total();
      if (total != current && !hidden[total] && local.values[total] > 0) {
        return total;
      }
      if (total != current) {
        current = total;
      } else {
        // Bound as a total: by its members' bounds; follow the hidden one with the lowest.
        int next = -1;
        for (int m : relation.members()) {
          if (hidden[m] && !visited.contains(m) && (next < 0 || b.high()[m] < b.high()[next])) {
            next = m;
          }
        }
        if (next < 0) {
          return -1;
        }
        current = next;
      }
    }
    return -1;
  }

  /**
   * The preferred of two counts to hide: the smaller one at least the threshold, else the larger.
   */
  private static boolean better(long candidate, long chosen, long threshold) {
    if ((candidate >= threshold) != (chosen >= threshold)) {
      return candidate >= threshold;
    }
    return candidate >= threshold ? candidate < chosen : candidate > chosen;
  }

  /** Breadth-first, when the binding chain ends in nothing to hide. */
  private static boolean search(
      Local local, boolean[] hidden, int i, long threshold, boolean[] widened) {
    // Nearest first: the exposed count's own relations, then those of the hidden counts in them,
    // and so on. A count pinned by hidden neighbours (three hidden districts of at least 1 each
    // make their force's count at least 3) has nothing left to hide nearby; its interval widens
    // only where its bound comes from, further out.
    java.util.Set<Integer> seenRelation = new java.util.HashSet<>();
    java.util.Set<Integer> seenCount = new java.util.HashSet<>();
    seenCount.add(i);
    List<Integer> ring = new ArrayList<>();
    for (int r : local.relationsOf[i]) {
      seenRelation.add(r);
      ring.add(r);
    }
    while (!ring.isEmpty()) {
      int pick = pick(local, hidden, ring, threshold);
      if (pick >= 0) {
        hide(local, hidden, pick, widened);
        return true;
      }
      List<Integer> next = new ArrayList<>();
      for (int r : ring) {
        for (int c : local.relations.get(r).all()) {
          if (hidden[c] && seenCount.add(c)) {
            for (int further : local.relationsOf[c]) {
              if (seenRelation.add(further)) {
                next.add(further);
              }
            }
          }
        }
      }
      ring = next;
    }
    return false;
  }

  /**
   * In {@code relations}: the smallest published non-zero member at least {@code threshold}, else
   * the largest, else the smallest published non-zero total; -1 when there is none.
   */
  private static int pick(Local local, boolean[] hidden, List<Integer> relations, long threshold) {
    int best = -1;
    int largest = -1;
    int total = -1;
    for (int r : relations) {
      Relation relation = local.relations.get(r);
      for (int m : relation.members()) {
        long value = local.values[m];
        if (hidden[m] || value == 0) {
          continue;
        }
        if (value >= threshold && (best < 0 || value < local.values[best])) {
          best = m;
        }
        if (largest < 0 || value > local.values[largest]) {
          largest = m;
        }
      }
      int tt = relation.total();
      if (!hidden[tt]
          && local.values[tt] > 0
          && (total < 0 || local.values[tt] < local.values[total])) {
        total = tt;
      }
    }
    return best >= 0 ? best : largest >= 0 ? largest : total;
  }

  /** The connected components of counts linked by relations (counts in no relation: alone). */
  private static List<List<Integer>> components(int n, List<Relation> relations) {
    int[] parent = IntStream.range(0, n).toArray();
    for (Relation r : relations) {
      int root = find(parent, r.total());
      for (int m : r.members()) {
        int other = find(parent, m);
        if (other != root) {
          parent[other] = root;
        }
      }
    }
    Map<Integer, List<Integer>> byRoot = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(byRoot.values());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** One component's counts and relations, renumbered from 0. */
  private record Local(
      long[] values, boolean[] hidden, List<Relation> relations, int[][] relationsOf) {
    static Local of(
        long[] values, boolean[] hidden, List<Relation> relations, List<Integer> indices) {
      int[] position = new int[values.length];
      Arrays.fill(position, -1);
      long[] v = new long[indices.size()];
      boolean[] h = hidden == null ? null : new boolean[indices.size()];
      for (int k = 0; k < indices.size(); k++) {
        position[indices.get(k)] = k;
        v[k] = values[indices.get(k)];
        if (h != null) {
          h[k] = hidden[indices.get(k)];
        }
      }
      List<Relation> local = new ArrayList<>();
      for (Relation r : relations) {
        if (position[r.total()] < 0) {
          continue;
        }
        int[] members = new int[r.members().length];
        for (int k = 0; k < members.length; k++) {
          members[k] = position[r.members()[k]];
        }
        local.add(new Relation(members, position[r.total()], r.exact()));
      }
      int[] counts = new int[v.length];
      for (Relation r : local) {
        for (int i : r.all()) {
          counts[i]++;
        }
      }
      int[][] of = new int[v.length][];
      for (int i = 0; i < v.length; i++) {
        of[i] = new int[counts[i]];
      }
      int[] filled = new int[v.length];
      for (int r = 0; r < local.size(); r++) {
        for (int i : local.get(r).all()) {
          of[i][filled[i]++] = r;
        }
      }
      return new Local(v, h, local, of);
    }

    /** Interval propagation with a work list of relations whose counts' bounds changed. */
    Bounds bounds(boolean[] hidden) {
      int n = values.length;
      long[] low = new long[n];
      long[] high = new long[n];
      int[] highBy = new int[n];
      Arrays.fill(highBy, -1);
      for (int i = 0; i < n; i++) {
        low[i] = hidden[i] ? 1 : values[i];
        high[i] = hidden[i] ? UNBOUNDED : values[i];
      }
      ArrayDeque<Integer> work = new ArrayDeque<>();
      boolean[] queued = new boolean[relations.size()];
      for (int r = 0; r < relations.size(); r++) {
        Relation relation = relations.get(r);
        boolean involved = hidden[relation.total()];
        for (int m : relation.members()) {
          involved |= hidden[m];
        }
        if (involved) {
          work.add(r);
          queued[r] = true;
        }
      }
      while (!work.isEmpty()) {
        int r = work.poll();
        queued[r] = false;
        for (int changed : tighten(relations.get(r), r, low, high, highBy)) {
          for (int other : relationsOf[changed]) {
            if (!queued[other]) {
              queued[other] = true;
              work.add(other);
            }
          }
        }
      }
      return new Bounds(low, high, highBy);
    }
  }

  /** Narrows the intervals of one relation's counts; returns the counts whose interval changed. */
  private static List<Integer> tighten(
      Relation r, int index, long[] low, long[] high, int[] highBy) {
    List<Integer> changed = new ArrayList<>(0);
    long sumLow = 0;
    long sumHigh = 0;
    int unbounded = 0;
    for (int m : r.members()) {
      sumLow += low[m];
      if (high[m] >= UNBOUNDED) {
        unbounded++;
      } else {
        sumHigh += high[m];
      }
    }
    int t = r.total();
    if (sumLow > low[t]) {
      low[t] = sumLow;
      changed.add(t);
    }
    if (r.exact() && unbounded == 0 && sumHigh < high[t]) {
      high[t] = sumHigh;
      highBy[t] = index;
      changed.add(t);
    }
    for (int m : r.members()) {
      boolean mUnbounded = high[m] >= UNBOUNDED;
      if (high[t] < UNBOUNDED) {
        long newHigh = high[t] - (sumLow - low[m]);
        if (newHigh < high[m]) {
          high[m] = newHigh;
          highBy[m] = index;
          changed.add(m);
        }
      }
      if (r.exact()) {
        int othersUnbounded = unbounded - (mUnbounded ? 1 : 0);
        if (othersUnbounded == 0) {
          long othersHigh = sumHigh - (mUnbounded ? 0 : high[m]);
          long newLow = low[t] - othersHigh;
          if (newLow > low[m]) {
            low[m] = newLow;
            changed.add(m);
          }
        }
      }
    }
    return changed;
  }
}
