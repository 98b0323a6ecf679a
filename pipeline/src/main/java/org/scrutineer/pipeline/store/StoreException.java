package org.scrutineer.pipeline.store;

/**
 * The results store cannot be written: the folder is not writable, the disk is full, a write or a
 * rename failed. The message is one line naming the path; {@code latest} is untouched.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
