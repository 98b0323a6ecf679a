package org.scrutineer.pipeline.schema;

/**
 * Why a record was rejected. Every rejected record is written to the {@code rejects} output with
 * one of these codes, its file, line number and raw text.
 */
public enum RejectReason {
  INVALID_ENCODING("the line has bytes that are not text in the file's encoding"),
  UNTERMINATED_QUOTE(
      "a quoted field is not closed within 20 lines, before a line that reads as a complete"
          + " record, or before the end of the file (only the line it opened on is rejected)"),
  MALFORMED_QUOTE("text follows a closing quote inside a field"),
  FIELD_COUNT("the record does not have the header's number of fields"),
  BLANK_LINE("the line is empty"),
  MISSING_REQUIRED("a required field is blank"),
  INVALID_DATE("the date cannot be parsed"),
  DATE_OUTSIDE_FILE_MONTH("the date is more than a day outside the month named by the file"),
  INVALID_TYPE("the search type is not Person search, Person and Vehicle search or Vehicle search"),
  INVALID_COORDINATES("latitude and longitude are not both blank or both valid WGS84 degrees"),
  INVALID_BOOLEAN("a True/False field holds another value"),
  INVALID_DISTRICT("the district is not a 9-character ONS area code"),
  INVALID_NUMBER("an age is not whole years from 0 to 120"),
  INVALID_DURATION("a custody release time is before detention was authorised"),
  UNKNOWN_FORCE("the force is not in the force registry"),
  FORCE_MISMATCH("the record's force is not the force its file is for (its mapping or its name)"),
  DUPLICATE_ID(
      "the record identifier (custody_id, notice_id) repeats an earlier record of the file");

  private final String rule;

  RejectReason(String rule) {
    this.rule = rule;
  }

  /** The rule the record broke, in words. */
  public String rule() {
    return rule;
  }
}
