package org.scrutineer.pipeline.store;

/** Another run holds the store's lock; the message says which, in one line. */
public final class StoreLockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreLockedException(String message) {
    super(message);
  }
}
