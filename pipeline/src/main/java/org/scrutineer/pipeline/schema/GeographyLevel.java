package org.scrutineer.pipeline.schema;

/** The values of {@code geography_level}, and the area code of records without a district. */
public final class GeographyLevel {
  /** A police force area. */
  public static final String FORCE = "force";

  /** A Community Safety Partnership (a union of districts). */
  public static final String CSP = "csp";

  /** A local authority district. */
  public static final String DISTRICT = "district";

  /**
   * {@code area_code} of the district of records that could not be placed in a district of their
   * own force (no coordinates, outside every district, outside the force area), so that a force's
   * districts still add up to the force.
   */
  public static final String UNKNOWN_DISTRICT = "UNKNOWN";

  private GeographyLevel() {}
}
