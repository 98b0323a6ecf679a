package org.scrutineer.pipeline.geo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * One vintage of local authority district polygons (WGS84 longitude/latitude) with a spatial index,
 * for placing points in districts.
 *
 * <p>A point is placed in the district whose polygon covers it (its boundary included); a point on
 * a boundary shared by two districts goes to the lower code, so the answer never depends on file
 * order. A point in no polygon (sea, estuary, or a coastline clipped by generalisation) has no
 * district. The index (an STR-tree of prepared geometries) is built on first use in each JVM, so a
 * look-up costs a tree search and a few point-in-polygon tests, not one test per district.
 */
public final class DistrictBoundaries implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One district.
   *
   * @param code ONS district code
   * @param name district name
   * @param geometry its polygon or multipolygon
   */
  public record District(String code, String name, Geometry geometry) implements Serializable {}

  private final int year;
  private final String source;
  private final List<District> districts;
  private final List<String> repaired;
  private transient volatile STRtree index;

  DistrictBoundaries(int year, String source, List<District> districts, List<String> repaired) {
    this.year = year;
    this.source = source;
    this.repaired = List.copyOf(repaired);
    List<District> sorted = new ArrayList<>(districts);
    sorted.sort(Comparator.comparing(District::code));
    this.districts = List.copyOf(sorted);
  }

  /** The boundary year (the April from which the set is in force). */
  public int year() {
    return year;
  }

  /** The file the set was read from. */
  public String source() {
    return source;
  }

  /** Districts whose invalid polygons were repaired on reading, with JTS's reason. */
  public List<String> repaired() {
    return repaired;
  }

  /** The districts, in code order. */
  public List<District> districts() {
    return districts;
  }

  /** The district covering the point, or {@code null} when none does. */
  public String locate(double longitude, double latitude) {
    Point point = FACTORY.createPoint(new Coordinate(longitude, latitude));
    String found = null;
    for (Object item : index().query(new Envelope(longitude, longitude, latitude, latitude))) {
      Entry entry = (Entry) item;
      if ((found == null || entry.code.compareTo(found) < 0) && entry.geometry.covers(point)) {
        found = entry.code;
      }
    }
    return found;
  }

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private record Entry(String code, PreparedGeometry geometry) {}

  private STRtree index() {
    STRtree built = index;
    if (built == null) {
      synchronized (this) {
        built = index;
        if (built == null) {
          built = new STRtree();
          for (District d : districts) {
            built.insert(
                d.geometry().getEnvelopeInternal(),
                new Entry(d.code(), PreparedGeometryFactory.prepare(d.geometry())));
          }
          built.build();
          index = built;
        }
      }
    }
    return built;
  }
}
