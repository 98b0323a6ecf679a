package org.scrutineer.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Local times around the UK clock changes (2022: forward 27 March 01:00, back 30 October 02:00).
 */
class LocalTimesTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void aTimeInTheSpringGapNeverHappenedAndIsRefused() {
    assertThatThrownBy(() -> LocalTimes.parseIso("2022-03-27T01:30", LONDON))
        .isInstanceOf(LocalTimes.ClockGap.class)
        .hasMessageContaining("'2022-03-27T01:30' is a local time that does not exist")
        .hasMessageContaining("Europe/London");
    assertThat(LocalTimes.parseIso("2022-03-27T02:00", LONDON))
        .isEqualTo(Instant.parse("2022-03-27T01:00:00Z"));
    assertThat(LocalTimes.parseIso("2022-03-27T00:59", LONDON))
        .isEqualTo(Instant.parse("2022-03-27T00:59:00Z"));
  }

  @Test
  void aTimeInTheRepeatedAutumnHourIsTakenAtItsFirstOccurrence() {
    // 01:30 happens twice: first in summer time (00:30 UTC), then in winter time (01:30 UTC).
    assertThat(LocalTimes.parseIso("2022-10-30T01:30", LONDON))
        .isEqualTo(Instant.parse("2022-10-30T00:30:00Z"));
    // With an offset the time is exact.
    assertThat(LocalTimes.parseIso("2022-10-30T01:30+00:00", LONDON))
        .isEqualTo(Instant.parse("2022-10-30T01:30:00Z"));
  }
}
