package org.scrutineer.pipeline.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.scrutineer.pipeline.InputException;
import org.scrutineer.pipeline.schema.Columns;

/**
 * How a force's own export maps onto the canonical stop-and-search fields, so a force can feed its
 * export without code changes. Read from JSON:
 *
 * <pre>{@code
 * {
 *   "name": "Eastmarch custody-system export",
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
 * <p>{@code columns} maps canonical field to source header; {@code values} maps source codes to
 * canonical values per field (matched ignoring case and outer space; values not listed pass through
 * unchanged and are then checked against the code lists like any other); {@code defaults} supplies
 * a value for a field the export lacks. {@code date} is required, and the force is given either as
 * {@code force} or as a {@code force} column. {@code date_format} is a {@link DateTimeFormatter}
 * pattern, or {@code iso} (the default) for ISO-8601 with or without an offset; times without an
 * offset are read in {@code time_zone}. {@code coverage} states the months the export covers, so a
 * month with no records is a true zero; without it, the months from the first to the last record
 * are taken as covered. {@code file_pattern} is a glob on the file name that says which files the
 * mapping reads; it may be left out when only one mapping is given.
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
    @JsonProperty("values") Map<String, Map<String, String>> values,
    @JsonProperty("defaults") Map<String, String> defaults,
    @JsonProperty("source") String source)
    implements Serializable {

  /** The canonical fields an extract may map. */
  public static final List<String> FIELDS = fields();

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
    power = power == null ? "stop_search" : power;
    delimiter = delimiter == null ? "," : delimiter;
    encoding = encoding == null ? "UTF-8" : encoding;
    dateFormat = dateFormat == null ? ISO : dateFormat;
    timeZone = timeZone == null ? "Europe/London" : timeZone;
    columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
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
          new ObjectMapper()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(in, ExtractMapping.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(
          String.format(
              "Invalid mapping %s line %d: %s",
              source,
              e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
              e.getOriginalMessage()),
          e);
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
            raw.values,
            raw.defaults,
            source);
    mapping.validate();
    return mapping;
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
    if (!power.equals("stop_search")) {
      problems.add(String.format("power '%s' is not supported (must be stop_search)", power));
    }
    for (String field : columns.keySet()) {
      if (!FIELDS.contains(field)) {
        problems.add(String.format("unknown field '%s' in columns (allowed: %s)", field, FIELDS));
      }
    }
    for (String field : values.keySet()) {
      if (!FIELDS.contains(field)) {
        problems.add(String.format("unknown field '%s' in values", field));
      }
    }
    for (String field : defaults.keySet()) {
      if (!FIELDS.contains(field)) {
        problems.add(String.format("unknown field '%s' in defaults", field));
      }
    }
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

  private static List<String> fields() {
    List<String> fields = new ArrayList<>(PoliceUkFormat.FIELDS);
    fields.add(Columns.DISTRICT);
    fields.add(Columns.FORCE);
    return List.copyOf(fields);
  }
}
