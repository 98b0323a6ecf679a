package org.scrutineer.pipeline.ingest;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.scrutineer.pipeline.schema.RejectReason;

/**
 * A data.police.uk monthly stop-and-search file: fixed columns ({@link PoliceUkFormat}), ISO-8601
 * dates in UTC, the force and month taken from the file's name, a blank date allowed, and a date
 * more than a day outside the file's month rejected. Rows identical to an earlier row are counted.
 */
final class PoliceUkReader implements SourceReader {
  private final Instant from;
  private final Instant to;
  private final String month;

  PoliceUkReader(SourceFile file) {
    this.month = file.month();
    YearMonth m = YearMonth.parse(month);
    this.from = m.atDay(1).atStartOfDay(ZoneOffset.UTC).minusDays(1).toInstant();
    this.to = m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).plusDays(1).toInstant();
  }

  @Override
  public int[] columns(List<String> header) {
    int[] columns = new int[RawSchema.CANONICAL.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = PoliceUkFormat.FIELDS.indexOf(RawSchema.CANONICAL.get(i));
    }
    return columns;
  }

  @Override
  public int forceColumn(List<String> header) {
    return -1;
  }

  @Override
  public boolean countsRepeatedRows() {
    return true;
  }

  @Override
  public Instant instant(String text) {
    return LocalTimes.parseIso(text, ZoneOffset.UTC);
  }

  @Override
  public String dateFormat() {
    return ExtractMapping.ISO;
  }

  @Override
  public Rejection month(Object[] values, Instant date, String text) {
    if (date != null && (date.isBefore(from) || !date.isBefore(to))) {
      return new Rejection(
          RejectReason.DATE_OUTSIDE_FILE_MONTH,
          String.format("Date '%s' is outside the file's month %s", text, month));
    }
    return null;
  }
}
