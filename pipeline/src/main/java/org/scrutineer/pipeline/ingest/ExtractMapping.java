package org.scrutineer.pipeline.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.io.StrictJson;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.PowerFormat;

/**
 * How a force's own export maps onto the canonical fields of a power ({@link PowerFormat}), so a
 * force can feed its export without code changes. Read from JSON:
 *
 * <pre>{@code
 * {
 *   "name": "Eastmarch stop-search export",
 *   "power": "stop_search",
 *   "file_pattern": "eastmarch-*.csv",
 *   "force": "eastmarch",
 *   "delimiter": ",", "encoding": "UTF-8",
 *   "date_format": "dd/MM/yyyy HH:mm", "time_zone": "Europe/London",
 *   "coverage": {"from": "2022-01", "to": "2023-03"},
 *   "columns": {"date": "Search Date", "district": "LA Code", "self_defined_ethnicity": "SDE"},
 *   "values": {"outcome": {"ARR": "Arrest", "NFA": "A no further action disposal"}},
 *   "defaults": {"type": "Person search"}
 * }
 * }</pre>
 *
 * <p>{@code power} names the format (stop_search, the default, use_of_force, custody or fpn) and so
 * the fields the mapping may name. {@code columns} maps canonical field to source header; {@code
 * values} maps source codes to canonical values per field (matched ignoring case and outer space;
 * values not listed pass through unchanged and are then checked against the code lists like any
 * other); {@code defaults} supplies a value for a field the export lacks. {@code date} is required,
 * and the force is given either as {@code force} or as a {@code force} column. {@code date_format}
 * is a {@link DateTimeFormatter} pattern, or {@code iso} (the default) for ISO-8601 with or without
 * an offset; times without an offset are read in {@code time_zone}. {@code coverage} states the
 * months the export covers, so a month with no records is a true zero; without it, the months from
 * the first to the last record are taken as covered. {@code file_pattern} is a glob on the file
 * name that says which files the mapping reads; it may be left out when only one mapping is given.
 *
 * <p>{@code multi_columns} feeds a field that holds several codes (use-of-force {@code tactics},
 * {@code reasons}, {@code impact_factors}) from several source columns, as exports with one column
 * per tactic ({@code "Tactic 1"} ... {@code "Tactic 20"}) or one yes/no column per code ({@code
 * "Impact Factor: Alcohol=alcohol"}: the code after {@code =} is taken when the cell is Yes, Y,
 * True or 1). Values of plain columns go through {@code values} one by one; the codes found are
 * joined with {@code ;}.
 */
public record ExtractMapping(
    @JsonProperty("name") String name,
    @JsonProperty("power") String power,
    @JsonProperty("file_pattern") String filePattern,
    @JsonProperty("force") String force,
    @JsonProperty("delimiter") String delimiter,
    @JsonProperty("encoding") String encoding,
    @JsonProperty("date_format") String dateFormat,
    @JsonProperty("time_zone") String timeZone,
    @JsonProperty("coverage") Coverage coverage,
    @JsonProperty("columns") Map<String, String> columns,
    @JsonProperty("multi_columns") Map<String, List<String>> multiColumns,
    @JsonProperty("values") Map<String, Map<String, String>> values,
    @JsonProperty("defaults") Map<String, String> defaults,
    @JsonProperty("source") String source)
    implements Serializable {

  /** ISO-8601 date-times, with or without an offset. */
  public static final String ISO = "iso";

  /**
   * The months an extract covers, inclusive, as {@code yyyy-MM}.
   *
   * @param from first month covered
   * @param to last month covered
   */
  public record Coverage(@JsonProperty("from") String from, @JsonProperty("to") String to)
      implements Serializable {}

  /** Fills defaults; {@link #read} validates. */
  public ExtractMapping {
    power = power == null ? Power.STOP_SEARCH.code() : power;
    delimiter = delimiter == null ? "," : delimiter;
    encoding = encoding == null ? "UTF-8" : encoding;
    dateFormat = dateFormat == null ? ISO : dateFormat;
    timeZone = timeZone == null ? "Europe/London" : timeZone;
    columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
    multiColumns = multiColumns == null ? Map.of() : new LinkedHashMap<>(multiColumns);
    values = values == null ? Map.of() : new LinkedHashMap<>(values);
    defaults = defaults == null ? Map.of() : new LinkedHashMap<>(defaults);
  }

  /**
   * Reads and validates a mapping.
   *
   * @param source the mapping file's path, recorded on the mapping and named in errors
   * @throws InputException naming the file and the problem
   */
  public static ExtractMapping read(String source, InputStream in) {
    ExtractMapping raw;
    try {
      raw =
          StrictJson.mapper()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(in, ExtractMapping.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(StrictJson.describe("Invalid mapping", source, e), e);
    } catch (IOException e) {
      throw new InputException(
          String.format("Cannot read mapping %s: %s", source, e.getMessage()), e);
    }
    ExtractMapping mapping =
        new ExtractMapping(
            raw.name,
            raw.power,
            raw.filePattern,
            raw.force,
            raw.delimiter,
            raw.encoding,
            raw.dateFormat,
            raw.timeZone,
            raw.coverage,
            raw.columns,
            raw.multiColumns,
            raw.values,
            raw.defaults,
            source);
    mapping.validate();
    return mapping;
  }

  /** The power whose format the mapping feeds. */
  public Power powerFormat() {
    return Power.fromCode(power);
  }

  /** The canonical fields this mapping may name: its power's fields, with {@code force}. */
  public List<String> fields() {
    return powerFormat().format().names();
  }

  /** Every source column the mapping reads, as header names. */
  public List<String> sourceColumns() {
    List<String> sources = new ArrayList<>(columns.values());
    multiColumns.values().forEach(list -> list.forEach(s -> sources.add(sourceHeader(s))));
    return sources;
  }

  /** The header of a {@code multi_columns} entry ({@code "Header"} or {@code "Header=code"}). */
  public static String sourceHeader(String entry) {
    int eq = entry.lastIndexOf('=');
    return eq < 0 ? entry : entry.substring(0, eq);
  }

  /** The code of a {@code "Header=code"} entry, or {@code null} for a plain header. */
  public static String entryCode(String entry) {
    int eq = entry.lastIndexOf('=');
    return eq < 0 ? null : entry.substring(eq + 1).trim();
  }

  /** The single delimiter character. */
  public char delimiterChar() {
    return delimiter.equals("\\t") ? '\t' : delimiter.charAt(0);
  }

  /** Whether this mapping reads a file of this name. */
  public boolean matches(String fileName) {
    return filePattern == null
        || FileSystems.getDefault()
            .getPathMatcher("glob:" + filePattern)
            .matches(Path.of(fileName));
  }

  /**
   * The date parser, or {@code null} for ISO. Parsing is strict (31/02 is an error, not 28/02);
   * {@code y} (year of era) is read as {@code u} (proleptic year), which strict parsing needs.
   */
  public DateTimeFormatter formatter() {
    return dateFormat.equals(ISO)
        ? null
        : DateTimeFormatter.ofPattern(strictYears(dateFormat))
            .withResolverStyle(ResolverStyle.STRICT);
  }

  private static String strictYears(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      out.append(!quoted && c == 'y' ? 'u' : c);
    }
    return out.toString();
  }

  private void validate() {
    List<String> problems = new ArrayList<>();
    List<String> allowed;
    try {
      allowed = fields();
    } catch (IllegalArgumentException e) {
      throw new InputException(String.format("Invalid mapping %s: %s", source, e.getMessage()), e);
    }
    for (String field : columns.keySet()) {
      if (!allowed.contains(field)) {
        problems.add(
            String.format("unknown %s field '%s' in columns (allowed: %s)", power, field, allowed));
      }
    }
    for (String field : values.keySet()) {
      if (!allowed.contains(field)) {
        problems.add(String.format("unknown %s field '%s' in values", power, field));
      }
    }
    for (String field : defaults.keySet()) {
      if (!allowed.contains(field)) {
        problems.add(String.format("unknown %s field '%s' in defaults", power, field));
      }
    }
    multiColumns.forEach(
        (field, sources) -> {
          org.scrutineer.pipeline.schema.Field known =
              allowed.contains(field) ? powerFormat().format().field(field) : null;
          if (known == null || known.type() != org.scrutineer.pipeline.schema.FieldType.CODES) {
            problems.add(
                String.format(
                    "multi_columns field '%s' is not a several-code %s field", field, power));
          } else if (columns.containsKey(field)) {
            problems.add(String.format("field '%s' is in both columns and multi_columns", field));
          } else if (sources == null || sources.isEmpty()) {
            problems.add(String.format("multi_columns field '%s' lists no columns", field));
          }
        });
    if (!columns.containsKey(Columns.DATE)) {
      problems.add("columns must map the required field 'date'");
    }
    if ((force == null) == !columns.containsKey(Columns.FORCE)) {
      problems.add(
          "give the force either as \"force\" or as a \"force\" column, not both or neither");
    }
    if (!delimiter.equals("\\t") && delimiter.length() != 1) {
      problems.add(String.format("delimiter '%s' must be one character or \\t", delimiter));
    }
    try {
      Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      problems.add(String.format("encoding '%s' is not supported", encoding));
    }
    try {
      formatter();
    } catch (IllegalArgumentException e) {
      problems.add(String.format("date_format '%s' is not a valid pattern", dateFormat));
    }
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      problems.add(String.format("time_zone '%s' is not a known zone", timeZone));
    }
    if (coverage != null) {
      if (!isMonth(coverage.from)
          || !isMonth(coverage.to)
          || coverage.from.compareTo(coverage.to) > 0) {
        problems.add(
            String.format(
                "coverage must be two yyyy-MM months in order (found %s to %s)",
                coverage.from, coverage.to));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(
          String.format("Invalid mapping %s: %s", source, String.join("; ", problems)));
    }
  }

  private static boolean isMonth(String value) {
    return value != null && value.matches("\\d{4}-(0[1-9]|1[0-2])");
  }
}
