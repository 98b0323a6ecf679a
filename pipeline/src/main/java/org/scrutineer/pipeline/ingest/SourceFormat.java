package org.scrutineer.pipeline.ingest;

/** The layout of an input file. */
public enum SourceFormat {
  /**
   * A data.police.uk monthly stop-and-search CSV: 15 fixed columns, force and month in the name.
   */
  POLICE_UK("police_uk"),
  /** A force's own export, read through a JSON column mapping. */
  EXTRACT("extract"),
  /**
   * A file in a power's canonical CSV format: a header of canonical field names (README "Record
   * formats"), ISO-8601 dates, the force in a {@code force} column.
   */
  CANONICAL("canonical");

  private final String code;

  SourceFormat(String code) {
    this.code = code;
  }

  /** The value of the {@code source_format} column. */
  public String code() {
    return code;
  }
}
