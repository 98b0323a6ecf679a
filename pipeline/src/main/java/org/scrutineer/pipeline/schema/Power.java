package org.scrutineer.pipeline.schema;

/** A police power whose use the pipeline measures; the value of the {@code power} column. */
public enum Power {
  STOP_SEARCH("stop_search");

  private final String code;

  Power(String code) {
    this.code = code;
  }

  /** The value written in the {@code power} column. */
  public String code() {
    return code;
  }
}
