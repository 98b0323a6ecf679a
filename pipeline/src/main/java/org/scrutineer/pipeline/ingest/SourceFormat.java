package org.scrutineer.pipeline.ingest;

/** The layout of an input file. */
public enum SourceFormat {
  /**
   * A data.police.uk monthly stop-and-search CSV: 15 fixed columns, force and month in the name.
   */
  POLICE_UK("police_uk"),
  /** A force's own export, read through a JSON column mapping. */
  EXTRACT("extract");

  private final String code;

  SourceFormat(String code) {
    this.code = code;
  }

  /** The value of the {@code source_format} column. */
  public String code() {
    return code;
  }
}
