package org.scrutineer.pipeline.standardize;

import org.scrutineer.pipeline.schema.Columns;

/**
 * The key fields whose completeness the {@code missing_data} table reports. Person fields are
 * counted over person searches only (a vehicle-only search has no person to describe); the others
 * over every record.
 */
public enum MissingField {
  SELF_DEFINED_ETHNICITY(Columns.SELF_DEFINED_ETHNICITY, true),
  OFFICER_DEFINED_ETHNICITY(Columns.OFFICER_DEFINED_ETHNICITY, true),
  GENDER(Columns.GENDER, true),
  AGE_RANGE(Columns.AGE_RANGE, true),
  LEGISLATION(Columns.LEGISLATION, false),
  OBJECT_OF_SEARCH(Columns.OBJECT_OF_SEARCH, false),
  OUTCOME(Columns.OUTCOME, false),
  OUTCOME_LINKED(Columns.OUTCOME_LINKED, false),
  REMOVAL_OF_CLOTHING(Columns.REMOVAL_OF_CLOTHING, true),
  LOCATION("location", false),
  DATE(Columns.DATE, false);

  private final String field;
  private final boolean personOnly;

  MissingField(String field, boolean personOnly) {
    this.field = field;
    this.personOnly = personOnly;
  }

  /** The field's name in the {@code field} column of {@code missing_data}. */
  public String field() {
    return field;
  }

  /** Whether the field is counted over person searches only. */
  public boolean personOnly() {
    return personOnly;
  }

  /** The status column holding valid/blank/not_stated/unmapped for this field. */
  public String statusColumn() {
    return Columns.status(field);
  }
}
