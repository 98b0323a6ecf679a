package org.scrutineer.pipeline.ingest;

/**
 * How a stop-and-search record got its district: the value of {@code geo_status} (null when no
 * boundaries were given and the record has no district).
 */
public enum GeoStatus {
  /** The source gave the district (an extract's district column). */
  GIVEN("given"),
  /** Placed by its coordinates in a district of its own force area. */
  ASSIGNED("assigned"),
  /** Its coordinates fall in a district outside its force's area: district Unknown. */
  OUTSIDE_FORCE("outside_force"),
  /** Its coordinates fall in no district (sea, estuary, a clipped coast): district Unknown. */
  OUTSIDE_DISTRICTS("outside_districts"),
  /** No coordinates: district Unknown. */
  NO_COORDINATES("no_coordinates");

  private final String code;

  GeoStatus(String code) {
    this.code = code;
  }

  /** The value written in {@code geo_status}. */
  public String code() {
    return code;
  }
}
