package org.scrutineer.pipeline.ingest;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scrutineer.pipeline.reference.CodeList;
import org.scrutineer.pipeline.schema.Columns;

/**
 * A force's own export, read through its JSON mapping ({@link ExtractMapping}): its encoding and
 * delimiter, its column for each canonical field (a force column optional), its codes mapped to
 * canonical labels, defaults for blank values of unmapped fields, fields spread over several
 * columns, dates in its format and time zone; the month is the local month of the date, which is
 * required.
 */
final class ExtractReader implements SourceReader {
  private static final Set<String> TRUTHY = Set.of("yes", "y", "true", "1");

  private final String path;
  private final ExtractMapping mapping;
  private final DateTimeFormatter formatter;
  private final ZoneId zone;
  private final Map<String, Map<String, String>> valueMaps = new HashMap<>();
  private List<String> header = List.of();

  ExtractReader(SourceFile file) {
    this.path = file.path();
    this.mapping = file.mapping();
    this.formatter = mapping.formatter();
    this.zone = ZoneId.of(mapping.timeZone());
    mapping.values().forEach((field, map) -> valueMaps.put(field, normalizedKeys(map)));
  }

  @Override
  public Charset charset() {
    return Charset.forName(mapping.encoding());
  }

  @Override
  public char delimiter() {
    return mapping.delimiterChar();
  }

  @Override
  public int[] columns(List<String> header) {
    this.header = header;
    int[] columns = new int[RawSchema.CANONICAL.size()];
    for (int i = 0; i < columns.length; i++) {
      String source = mapping.columns().get(RawSchema.CANONICAL.get(i));
      columns[i] = source == null ? -1 : columnOf(source);
    }
    return columns;
  }

  @Override
  public int forceColumn(List<String> header) {
    this.header = header;
    return mapping.columns().containsKey(Columns.FORCE)
        ? columnOf(mapping.columns().get(Columns.FORCE))
        : -1;
  }

  @Override
  public String value(String field, String value) {
    if (value == null || value.isBlank()) {
      String fallback = mapping.defaults().get(field);
      return fallback != null && !mapping.columns().containsKey(field) ? fallback : value;
    }
    Map<String, String> map = valueMaps.get(field);
    if (map == null) {
      return value;
    }
    String replacement = map.get(CodeList.normalize(value));
    return replacement == null ? value : replacement;
  }

  /** The codes of each several-column field, joined with {@code ;}; null when none. */
  @Override
  public void multiValues(Object[] values, List<String> fields) {
    mapping
        .multiColumns()
        .forEach(
            (field, sources) -> values[RawSchema.index(field)] = codes(field, sources, fields));
  }

  private String codes(String field, List<String> sources, List<String> fields) {
    List<String> codes = new ArrayList<>();
    for (String entry : sources) {
      String cell = RecordParser.clean(fields.get(columnOf(ExtractMapping.sourceHeader(entry))));
      String code = ExtractMapping.entryCode(entry);
      if (code != null) {
        if (cell != null && TRUTHY.contains(cell.toLowerCase(Locale.ROOT))) {
          codes.add(code);
        }
      } else if (cell != null) {
        codes.add(RecordParser.clean(value(field, cell)));
      }
    }
    return codes.isEmpty() ? null : String.join(";", codes);
  }

  @Override
  public Instant instant(String text) {
    if (formatter == null) {
      return LocalTimes.parseIso(text, zone);
    }
    TemporalAccessor parsed =
        formatter.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
    if (parsed instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (parsed instanceof LocalDateTime local) {
      return LocalTimes.atLocal(local, zone, text);
    }
    return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
  }

  @Override
  public String dateFormat() {
    return mapping.dateFormat();
  }

  @Override
  public Rejection month(Object[] values, Instant date, String text) {
    return CanonicalReader.monthOf(values, date, zone);
  }

  private int columnOf(String sourceColumn) {
    int index = header.indexOf(HeaderCheck.normalized(sourceColumn));
    if (index < 0) {
      throw new IllegalStateException(
          String.format("Column '%s' is not in the header of %s", sourceColumn, path));
    }
    return index;
  }

  private static Map<String, String> normalizedKeys(Map<String, String> map) {
    Map<String, String> normalized = new HashMap<>();
    map.forEach((k, v) -> normalized.put(CodeList.normalize(k), v));
    return normalized;
  }
}
