package org.scrutineer.pipeline.cells;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;

/**
 * One Spark partition per force, the largest first: tasks start in partition order, so the force
 * that takes longest (the Metropolitan Police's) starts at once and the small ones fill the other
 * cores around it (longest-processing-time-first scheduling), instead of a hash putting several
 * large forces in one task.
 */
public final class ForcePartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final Map<String, Integer> slots = new HashMap<>();

  /**
   * @param largestFirst every force slug, in descending order of work (its count rows)
   */
  public ForcePartitioner(List<String> largestFirst) {
    for (String force : largestFirst) {
      slots.putIfAbsent(force, slots.size());
    }
  }

  @Override
  public int numPartitions() {
    return Math.max(1, slots.size());
  }

  @Override
  public int getPartition(Object key) {
    Integer slot = slots.get((String) key);
    if (slot == null) {
      throw new IllegalArgumentException("No partition for force " + key);
    }
    return slot;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ForcePartitioner p && p.slots.equals(slots);
  }

  @Override
  public int hashCode() {
    return slots.hashCode();
  }
}
