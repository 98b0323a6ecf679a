package org.scrutineer.pipeline.reference;

/**
 * The state of a field's value on one record, the basis of the {@code missing_data} table. "Not
 * stated" (a recorded refusal or unknown) is kept apart from "blank" (nothing recorded).
 */
public enum FieldStatus {
  VALID("valid"),
  BLANK("blank"),
  NOT_STATED("not_stated"),
  UNMAPPED("unmapped");

  private final String code;

  FieldStatus(String code) {
    this.code = code;
  }

  /** The value written in status columns. */
  public String code() {
    return code;
  }

  /** Parses a status code, failing with the allowed values. */
  public static FieldStatus fromCode(String code) {
    for (FieldStatus status : values()) {
      if (status.code.equals(code)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        String.format("Invalid field status: '%s' (must be valid or not_stated)", code));
  }
}
