package org.scrutineer.pipeline.schema;

import java.util.List;
import java.util.Locale;

/**
 * The five broad ethnic groups of the Home Office 5+1 classification, plus Unknown for records
 * whose ethnicity is blank, not stated or unmapped. Unknown never receives a denominator.
 */
public enum EthnicGroup {
  WHITE("White"),
  BLACK("Black"),
  ASIAN("Asian"),
  MIXED("Mixed"),
  OTHER("Other"),
  UNKNOWN("Unknown");

  /** The label of the all-groups total row in outputs. */
  public static final String ALL = "All";

  /** The five groups that have Census denominators, in output order. */
  public static final List<EthnicGroup> KNOWN = List.of(WHITE, BLACK, ASIAN, MIXED, OTHER);

  private final String label;

  EthnicGroup(String label) {
    this.label = label;
  }

  /** The label used in data and outputs, e.g. {@code "White"}. */
  public String label() {
    return label;
  }

  /**
   * Parses a group label case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the allowed labels
   */
  public static EthnicGroup fromLabel(String value) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (EthnicGroup group : values()) {
      if (group.label.toLowerCase(Locale.ROOT).equals(wanted)) {
        return group;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            "Invalid ethnic group: '%s' (must be one of White, Black, Asian, Mixed, Other, Unknown)",
            value));
  }

  /**
   * Parses a group that ratios can compare against: one of the five with a population, never
   * Unknown.
   *
   * @throws IllegalArgumentException naming the value and the groups allowed
   */
  public static EthnicGroup comparisonFromLabel(String value) {
    for (EthnicGroup group : KNOWN) {
      if (group.label.equalsIgnoreCase(value == null ? "" : value.trim())) {
        return group;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            "Invalid reference group: '%s' (must be one of White, Black, Asian, Mixed, Other)",
            value));
  }
}
