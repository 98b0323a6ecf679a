package org.scrutineer.pipeline.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Date and time parsing shared by the source readers: ISO-8601 and local times in a zone. */
final class LocalTimes {
  private LocalTimes() {}

  /** A local time that does not exist: the clocks went forward over it. */
  static final class ClockGap extends DateTimeParseException {
    private static final long serialVersionUID = 1L;

    ClockGap(String text, LocalDateTime local, ZoneId zone) {
      super(
          String.format(
              "'%s' is a local time that does not exist in %s: the clocks went forward over %s",
              text, zone, local),
          text,
          0);
    }
  }

  /**
   * A local date-time in {@code zone}. A time in the spring gap never happened and is refused
   * (never moved to the next valid time); a time in the repeated autumn hour is taken at its first
   * occurrence, summer time, as {@link LocalDateTime#atZone} does.
   */
  static Instant atLocal(LocalDateTime local, ZoneId zone, String text) {
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      throw new ClockGap(text, local, zone);
    }
    return local.atZone(zone).toInstant();
  }

  /** ISO-8601 with an offset, else a local date-time or date read in {@code localZone}. */
  static Instant parseIso(String text, ZoneId localZone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      LocalDateTime local;
      try {
        local = LocalDateTime.parse(text);
      } catch (DateTimeParseException notDateTime) {
        return LocalDate.parse(text).atStartOfDay(localZone).toInstant();
      }
      return atLocal(local, localZone, text);
    }
  }
}
