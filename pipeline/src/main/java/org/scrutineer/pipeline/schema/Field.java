package org.scrutineer.pipeline.schema;

/**
 * One canonical field of a power's record format.
 *
 * @param name the canonical name (the column name in canonical CSV files and in {@code records})
 * @param type what values are allowed and how a bad one is treated
 * @param required whether a blank value rejects the record
 * @param missingScope how the field's completeness is reported: {@code null} when {@code
 *     missing_data} does not report it, else the scope it is counted over ({@link #ALL_RECORDS} or
 *     {@link #PERSON_SEARCHES})
 * @param description what the field holds, for the documentation
 */
public record Field(
    String name, FieldType type, boolean required, String missingScope, String description) {

  /** {@code missing_data} scope: every accepted record of the power. */
  public static final String ALL_RECORDS = "records";

  /** {@code missing_data} scope: person searches only (stop and search person fields). */
  public static final String PERSON_SEARCHES = "person_searches";

  /** Whether {@code missing_data} reports this field. */
  public boolean reported() {
    return missingScope != null;
  }
}
