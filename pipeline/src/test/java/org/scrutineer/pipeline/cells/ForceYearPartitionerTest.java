package org.scrutineer.pipeline.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The units of work go, largest first, to the partition with the least work so far. */
class ForceYearPartitionerTest {

  @Test
  void eachUnitGoesToTheLeastLoadedPartition() {
    ForceYearPartitioner partitioner = new ForceYearPartitioner(new long[] {10, 9, 1, 1, 1}, 2);
    assertThat(partitioner.numPartitions()).isEqualTo(2);
    // 10 | 9; 10 | 9+1; 10+1 | 10 (a tie goes to the first); 11 | 10+1.
    assertThat(IntStream.range(0, 5).map(partitioner::getPartition).toArray())
        .containsExactly(0, 1, 1, 0, 1);
  }

  @Test
  void aLargeUnitIsLeftAloneWhileTheSmallOnesShareTheOtherPartitions() {
    ForceYearPartitioner partitioner = new ForceYearPartitioner(new long[] {100, 5, 5, 5, 5}, 2);
    assertThat(partitioner.getPartition(0)).isEqualTo(0);
    assertThat(IntStream.range(1, 5).map(partitioner::getPartition)).containsOnly(1);
  }

  @Test
  void unitsWithoutCountsStillSpreadAndNeverMorePartitionsThanUnits() {
    ForceYearPartitioner partitioner = new ForceYearPartitioner(new long[] {0, 0, 0}, 8);
    assertThat(partitioner.numPartitions()).isEqualTo(3);
    assertThat(IntStream.range(0, 3).map(partitioner::getPartition)).containsExactly(0, 1, 2);
    assertThat(new ForceYearPartitioner(new long[0], 8).numPartitions()).isEqualTo(1);
  }

  @Test
  void anUnknownUnitIsAnError() {
    ForceYearPartitioner partitioner = new ForceYearPartitioner(new long[] {1, 1}, 2);
    assertThatThrownBy(() -> partitioner.getPartition(2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(partitioner).isEqualTo(new ForceYearPartitioner(new long[] {1, 1}, 2));
  }
}
