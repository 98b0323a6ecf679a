package org.scrutineer.pipeline.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.Power;

/**
 * A code list mapping recorded values (labels or codes) to a class, with each value's status (valid
 * or not stated). Values are matched after {@link #normalize(String)}: case, surrounding space and
 * runs of inner space do not matter. Values not in the list are unmapped: counted and reported,
 * never guessed.
 */
public final class CodeList {
  /** Self-defined ethnicity: data.police.uk labels, 16+1/18+1/PACE 2023 codes, broad labels. */
  public static final CodeList SELF_DEFINED_ETHNICITY =
      ethnicity(ReferenceTable.resource("self-defined-ethnicity.csv"));

  /** Officer-defined ethnicity: data.police.uk values and PNC IC codes. */
  public static final CodeList OFFICER_DEFINED_ETHNICITY =
      ethnicity(ReferenceTable.resource("officer-defined-ethnicity.csv"));

  /** data.police.uk outcomes of every wording, to arrest, action, nfa or unknown. */
  public static final CodeList OUTCOMES = outcomes(ReferenceTable.resource("outcomes.csv"));

  /** Gender as data.police.uk records it. */
  public static final CodeList GENDER =
      simple(
          Map.of(
              "male",
              "valid",
              "female",
              "valid",
              "other",
              "valid",
              "not stated",
              "not_stated",
              "not_stated",
              "not_stated",
              "unknown",
              "not_stated"));

  /** data.police.uk age ranges. */
  public static final CodeList AGE_RANGE =
      simple(
          Map.of(
              "under 10",
              "valid",
              "10-17",
              "valid",
              "18-24",
              "valid",
              "25-34",
              "valid",
              "over 34",
              "valid",
              "not stated",
              "not_stated",
              "unknown",
              "not_stated"));

  private static final Map<String, CodeList> BY_FIELD =
      byField(ReferenceTable.resource("power-codes.csv"));

  private final Map<String, String> classes;
  private final Map<String, String> statuses;

  private CodeList(Map<String, String> classes, Map<String, String> statuses) {
    this.classes = Collections.unmodifiableMap(classes);
    this.statuses = Collections.unmodifiableMap(statuses);
  }

  /**
   * The code list of a coded field of a power, or {@code null} when the field is not coded.
   * Ethnicity and gender share one list across powers; {@code age_range} and {@code outcome} of
   * stop and search are the data.police.uk lists; the others come from {@code power-codes.csv}.
   */
  public static CodeList of(Power power, String field) {
    switch (field) {
      case Columns.SELF_DEFINED_ETHNICITY:
        return SELF_DEFINED_ETHNICITY;
      case Columns.OFFICER_DEFINED_ETHNICITY:
        return OFFICER_DEFINED_ETHNICITY;
      case Columns.GENDER:
        return GENDER;
      default:
        break;
    }
    if (power == Power.STOP_SEARCH) {
      return switch (field) {
        case Columns.AGE_RANGE -> AGE_RANGE;
        case Columns.OUTCOME -> OUTCOMES;
        default -> null;
      };
    }
    return BY_FIELD.get(power.code() + " " + field);
  }

  /** Lower-cases, trims and folds inner white space, the form in which values are matched. */
  public static String normalize(String value) {
    return value == null ? null : value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Normalised value to class (an ethnic group label or an outcome class). */
  public Map<String, String> classes() {
    return classes;
  }

  /** Normalised value to status code ({@code valid} or {@code not_stated}). */
  public Map<String, String> statuses() {
    return statuses;
  }

  private static CodeList ethnicity(ReferenceTable table) {
    Map<String, String> classes = new LinkedHashMap<>();
    Map<String, String> statuses = new LinkedHashMap<>();
    for (int row = 0; row < table.size(); row++) {
      String value = normalize(table.get(row, "value"));
      EthnicGroup group = EthnicGroup.fromLabel(table.get(row, "group"));
      FieldStatus status = FieldStatus.fromCode(table.get(row, "status"));
      classes.put(value, group.label());
      statuses.put(value, status.code());
    }
    return new CodeList(classes, statuses);
  }

  private static CodeList simple(Map<String, String> statuses) {
    Map<String, String> classes = new LinkedHashMap<>();
    statuses.keySet().forEach(value -> classes.put(value, value));
    return new CodeList(classes, new LinkedHashMap<>(statuses));
  }

  private static Map<String, CodeList> byField(ReferenceTable table) {
    Map<String, Map<String, String>> classes = new LinkedHashMap<>();
    Map<String, Map<String, String>> statuses = new LinkedHashMap<>();
    for (int row = 0; row < table.size(); row++) {
      String key = Power.fromCode(table.get(row, "power")).code() + " " + table.get(row, "field");
      String value = normalize(table.get(row, "value"));
      classes.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(value, table.get(row, "class"));
      statuses
          .computeIfAbsent(key, k -> new LinkedHashMap<>())
          .put(value, FieldStatus.fromCode(table.get(row, "status")).code());
    }
    Map<String, CodeList> lists = new LinkedHashMap<>();
    classes.forEach((key, c) -> lists.put(key, new CodeList(c, statuses.get(key))));
    return Collections.unmodifiableMap(lists);
  }

  private static CodeList outcomes(ReferenceTable table) {
    Map<String, String> classes = new LinkedHashMap<>();
    Map<String, String> statuses = new LinkedHashMap<>();
    for (int row = 0; row < table.size(); row++) {
      String value = normalize(table.get(row, "value"));
      classes.put(value, table.get(row, "class"));
      statuses.put(value, FieldStatus.VALID.code());
    }
    return new CodeList(classes, statuses);
  }
}
