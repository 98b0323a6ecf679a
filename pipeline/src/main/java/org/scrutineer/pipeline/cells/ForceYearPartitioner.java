package org.scrutineer.pipeline.cells;

import java.util.Arrays;
import java.util.PriorityQueue;
import org.apache.spark.Partitioner;

/**
 * Places the {@link ForceYear}s of a run, keyed by their rank in descending order of work, on a few
 * Spark partitions: each unit in turn, the largest first, on the partition with the least work so
 * far (longest-processing-time-first scheduling), so the units that take longest (the Metropolitan
 * Police's years) start at once and the small ones fill in around them. A partition takes its units
 * in rank order. Few partitions, not one per unit: every partition of the computed tables costs
 * each later job a task that generates code for their wide row and deserialises the plan, which for
 * hundreds of small units cost more than the statistics.
 */
public final class ForceYearPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int[] slotOfRank;
  private final int slots;

  /**
   * @param work each unit's work (its count rows), in descending order: a unit's key is its index
   * @param slots the most partitions to use (fewer when there are fewer units)
   */
  public ForceYearPartitioner(long[] work, int slots) {
    this.slots = Math.max(1, Math.min(slots, work.length));
    this.slotOfRank = new int[work.length];
    PriorityQueue<long[]> least =
        new PriorityQueue<>(
            (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    for (int slot = 0; slot < this.slots; slot++) {
      least.add(new long[] {0, slot});
    }
    for (int rank = 0; rank < work.length; rank++) {
      long[] slot = least.poll();
      slotOfRank[rank] = (int) slot[1];
      // Every unit costs something, even one with no counts (its cells are planned all the same).
      slot[0] += Math.max(1, work[rank]);
      least.add(slot);
    }
  }

  @Override
  public int numPartitions() {
    return slots;
  }

  @Override
  public int getPartition(Object key) {
    int rank = (Integer) key;
    if (rank < 0 || rank >= slotOfRank.length) {
      throw new IllegalArgumentException("No partition for unit " + key);
    }
    return slotOfRank[rank];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ForceYearPartitioner p
        && p.slots == slots
        && Arrays.equals(p.slotOfRank, slotOfRank);
  }

  @Override
  public int hashCode() {
    return 31 * slots + Arrays.hashCode(slotOfRank);
  }
}
