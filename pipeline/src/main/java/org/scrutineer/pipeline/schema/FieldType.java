package org.scrutineer.pipeline.schema;

/**
 * The kinds of canonical field. A value that breaks its type's rule rejects the record, except for
 * coded values: a code not in the list is kept and counted as unmapped, never guessed or dropped.
 */
public enum FieldType {
  /** Free text, kept as recorded. */
  TEXT,
  /** One value from the power's code list for the field (reference/power-codes.csv). */
  CODE,
  /** Several codes separated by {@code ;}, each from the field's code list. */
  CODES,
  /** True or False (any case), or blank. */
  BOOLEAN,
  /** Whole years from 0 to 120, or blank. */
  AGE,
  /** A date-time, read with the source's date format and time zone; stored as a UTC instant. */
  DATE_TIME,
  /** A 9-character ONS area code, or blank. */
  AREA_CODE,
  /** A 9-character ONS area code, {@code outside_force}, or blank. */
  HOME_AREA,
  /** WGS84 degrees (stop and search latitude and longitude). */
  DEGREES,
  /** A coded field whose list is fixed by the format and whose other values are rejected. */
  STRICT_CODE
}
