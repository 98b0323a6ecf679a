package org.scrutineer.pipeline.cells;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;

/**
 * One Spark partition per {@link ForceYear}, the largest first: tasks start in partition order, so
 * the units that take longest (the Metropolitan Police's years) start at once and the small ones
 * fill the other cores around them (longest-processing-time-first scheduling), instead of a hash
 * putting several large units in one task.
 */
public final class ForceYearPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final Map<ForceYear, Integer> slots = new HashMap<>();

  /**
   * @param largestFirst every unit, in descending order of work (its count rows)
   */
  public ForceYearPartitioner(List<ForceYear> largestFirst) {
    for (ForceYear unit : largestFirst) {
      slots.putIfAbsent(unit, slots.size());
    }
  }

  @Override
  public int numPartitions() {
    return Math.max(1, slots.size());
  }

  @Override
  public int getPartition(Object key) {
    Integer slot = slots.get((ForceYear) key);
    if (slot == null) {
      throw new IllegalArgumentException("No partition for " + key);
    }
    return slot;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ForceYearPartitioner p && p.slots.equals(slots);
  }

  @Override
  public int hashCode() {
    return slots.hashCode();
  }
}
