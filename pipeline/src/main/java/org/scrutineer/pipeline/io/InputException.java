package org.scrutineer.pipeline.io;

/**
 * Input that cannot be used at all: a missing or unreadable file, a wrong header, an invalid
 * mapping or population file. The message names the file and what is wrong; the command line maps
 * it to exit code 2.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
