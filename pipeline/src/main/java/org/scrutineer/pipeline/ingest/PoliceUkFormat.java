package org.scrutineer.pipeline.ingest;

import static org.scrutineer.pipeline.schema.Columns.AGE_RANGE;
import static org.scrutineer.pipeline.schema.Columns.DATE;
import static org.scrutineer.pipeline.schema.Columns.GENDER;
import static org.scrutineer.pipeline.schema.Columns.LATITUDE;
import static org.scrutineer.pipeline.schema.Columns.LEGISLATION;
import static org.scrutineer.pipeline.schema.Columns.LONGITUDE;
import static org.scrutineer.pipeline.schema.Columns.OBJECT_OF_SEARCH;
import static org.scrutineer.pipeline.schema.Columns.OFFICER_DEFINED_ETHNICITY;
import static org.scrutineer.pipeline.schema.Columns.OPERATION_NAME;
import static org.scrutineer.pipeline.schema.Columns.OUTCOME;
import static org.scrutineer.pipeline.schema.Columns.OUTCOME_LINKED;
import static org.scrutineer.pipeline.schema.Columns.PART_OF_OPERATION;
import static org.scrutineer.pipeline.schema.Columns.REMOVAL_OF_CLOTHING;
import static org.scrutineer.pipeline.schema.Columns.SELF_DEFINED_ETHNICITY;
import static org.scrutineer.pipeline.schema.Columns.TYPE;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data.police.uk stop-and-search CSV: its 15-column header, the canonical field each column
 * feeds, and the file-name convention {@code YYYY-MM-<force>-stop-and-search.csv}.
 */
public final class PoliceUkFormat {
  /** The header, in file order. */
  public static final List<String> HEADER =
      List.of(
          "Type",
          "Date",
          "Part of a policing operation",
          "Policing operation",
          "Latitude",
          "Longitude",
          "Gender",
          "Age range",
          "Self-defined ethnicity",
          "Officer-defined ethnicity",
          "Legislation",
          "Object of search",
          "Outcome",
          "Outcome linked to object of search",
          "Removal of more than just outer clothing");

  /** The canonical field fed by each header column, in file order. */
  public static final List<String> FIELDS =
      List.of(
          TYPE,
          DATE,
          PART_OF_OPERATION,
          OPERATION_NAME,
          LATITUDE,
          LONGITUDE,
          GENDER,
          AGE_RANGE,
          SELF_DEFINED_ETHNICITY,
          OFFICER_DEFINED_ETHNICITY,
          LEGISLATION,
          OBJECT_OF_SEARCH,
          OUTCOME,
          OUTCOME_LINKED,
          REMOVAL_OF_CLOTHING);

  private static final Pattern FILE_NAME =
      Pattern.compile("^(\\d{4}-(?:0[1-9]|1[0-2]))-(.+)-stop-and-search\\.csv$");

  private PoliceUkFormat() {}

  /** A parsed file name: the month and the force slug. */
  public record FileName(String month, String force) {}

  /** Parses a data.police.uk stop-and-search file name, or returns {@code null}. */
  public static FileName parseFileName(String name) {
    Matcher m = FILE_NAME.matcher(name);
    return m.matches() ? new FileName(m.group(1), m.group(2)) : null;
  }

  /** Whether {@code fields} is the stop-and-search header (case and outer space ignored). */
  public static boolean isHeader(List<String> fields) {
    if (fields.size() != HEADER.size()) {
      return false;
    }
    for (int i = 0; i < HEADER.size(); i++) {
      if (!fields
          .get(i)
          .trim()
          .toLowerCase(Locale.ROOT)
          .equals(HEADER.get(i).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
