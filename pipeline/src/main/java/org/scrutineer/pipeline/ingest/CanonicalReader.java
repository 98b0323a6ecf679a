package org.scrutineer.pipeline.ingest;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.RejectReason;

/**
 * A file in a power's canonical format: a header of canonical field names, ISO-8601 dates (local
 * times read in Europe/London), the force in a {@code force} column, the month the local month of
 * the date, which is required.
 */
final class CanonicalReader implements SourceReader {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Override
  public int[] columns(List<String> header) {
    int[] columns = new int[RawSchema.CANONICAL.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = header.indexOf(RawSchema.CANONICAL.get(i));
    }
    return columns;
  }

  @Override
  public int forceColumn(List<String> header) {
    return header.indexOf(Columns.FORCE);
  }

  @Override
  public Instant instant(String text) {
    return LocalTimes.parseIso(text, LONDON);
  }

  @Override
  public String dateFormat() {
    return ExtractMapping.ISO;
  }

  @Override
  public Rejection month(Object[] values, Instant date, String text) {
    return monthOf(values, date, LONDON);
  }

  /** Sets the month to the date's local month in {@code zone}; a blank date is rejected. */
  static Rejection monthOf(Object[] values, Instant date, ZoneId zone) {
    if (date == null) {
      return new Rejection(RejectReason.MISSING_REQUIRED, "Date is blank");
    }
    values[RawSchema.index(Columns.MONTH)] = YearMonth.from(date.atZone(zone)).toString();
    return null;
  }
}
