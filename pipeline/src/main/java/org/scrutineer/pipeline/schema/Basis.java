package org.scrutineer.pipeline.schema;

/** The values of {@code basis}: where an event is counted. */
public final class Basis {
  /** Where the event happened. */
  public static final String PLACE_OF_EVENT = "place_of_event";

  /** Where the person lives (powers with a home district, residents only). */
  public static final String PLACE_OF_RESIDENCE = "place_of_residence";

  private Basis() {}
}
