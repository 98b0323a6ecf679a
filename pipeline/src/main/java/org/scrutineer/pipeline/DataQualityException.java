package org.scrutineer.pipeline;

/**
 * A data-quality gate failed (too many rejected rows or unmapped codes). Outputs have been written
 * so the failure can be inspected; the command line maps this to exit code 3.
 */
public class DataQualityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataQualityException(String message) {
    super(message);
  }
}
