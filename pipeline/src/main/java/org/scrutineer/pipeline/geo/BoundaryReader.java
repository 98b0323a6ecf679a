package org.scrutineer.pipeline.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.io.StrictJson;

/**
 * Reads a GeoJSON FeatureCollection of district polygons (WGS84 longitude/latitude, as the ONS and
 * mySociety files are) into {@link DistrictBoundaries}.
 *
 * <p>The district code and name are feature properties: given by name, or detected (a property
 * named {@code LADyyCD}/{@code LADyyNM}, else {@code id}/{@code code}/{@code areacd} holding ONS
 * codes and {@code name}/{@code areanm}). The boundary year is given, or read from a {@code
 * LADyyCD} property name, or from a year in the file name ({@code LAD2019_...}). Every problem
 * stops the run naming the file, the feature (its position and code) and the rule: not a
 * FeatureCollection, a geometry other than Polygon or MultiPolygon, coordinates that are not
 * longitude/latitude, an unclosed ring, a code that is not an ONS code, or a code given twice. A
 * polygon that is topologically invalid (a self-intersection, common in generalised files) is
 * repaired with JTS's {@code GeometryFixer} and listed in {@link DistrictBoundaries#repaired()};
 * one that cannot be repaired is an error with JTS's reason and location.
 */
public final class BoundaryReader {
  private static final Pattern ONS_CODE = Pattern.compile("^[EWSN]\\d{8}$");
  private static final Pattern LAD_CODE = Pattern.compile("(?i)^LAD(\\d\\d)CD$");
  private static final Pattern LAD_NAME = Pattern.compile("(?i)^LAD\\d\\dNM$");
  private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<!\\d)(20\\d\\d)(?!\\d)");
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private BoundaryReader() {}

  /**
   * Reads one file.
   *
   * @param source the file's path, named in errors
   * @param codeProperty the property holding the district code, or {@code null} to detect it
   * @param nameProperty the property holding the name, or {@code null} to detect it
   * @param year the boundary year, or {@code null} to detect it
   * @throws InputException naming the file, feature and rule
   */
  public static DistrictBoundaries read(
      String source, InputStream in, String codeProperty, String nameProperty, Integer year) {
    JsonNode root;
    try {
      root = StrictJson.mapper().readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(StrictJson.describe("Invalid boundary file", source, e), e);
    } catch (IOException e) {
      throw new InputException(
          String.format("Invalid boundary file %s: not JSON (%s)", source, e.getMessage()), e);
    }
    if (root == null
        || !"FeatureCollection".equals(root.path("type").asText())
        || !root.path("features").isArray()
        || root.path("features").isEmpty()) {
      throw new InputException(
          String.format(
              "Invalid boundary file %s: not a GeoJSON FeatureCollection with features", source));
    }
    JsonNode first = root.path("features").get(0).path("properties");
    String code = codeProperty != null ? codeProperty : detectCode(source, first);
    String name = nameProperty != null ? nameProperty : detectName(first);
    int vintage = year != null ? year : detectYear(source, code);
    List<DistrictBoundaries.District> districts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> repaired = new ArrayList<>();
    int position = 0;
    for (JsonNode feature : root.path("features")) {
      position++;
      String where = String.format("Invalid boundary file %s: feature %d", source, position);
      String district = feature.path("properties").path(code).asText(null);
      if (district == null || !ONS_CODE.matcher(district).matches()) {
        throw new InputException(
            String.format("%s: property %s is '%s', not an ONS code", where, code, district));
      }
      where += " (" + district + ")";
      if (!seen.add(district)) {
        throw new InputException(where + ": the code appears twice");
      }
      Geometry geometry = geometry(where, feature.path("geometry"));
      IsValidOp valid = new IsValidOp(geometry);
      if (!valid.isValid()) {
        // Generalised boundary files often self-intersect where a simplified edge crosses
        // itself; JTS rebuilds a valid polygon covering the same area. The repair is reported.
        TopologyValidationError error = valid.getValidationError();
        Geometry fixed = GeometryFixer.fix(geometry);
        if (fixed.isEmpty() || !fixed.isValid()) {
          throw new InputException(
              String.format(
                  "%s: invalid polygon that cannot be repaired: %s at %s",
                  where, error.getMessage(), error.getCoordinate()));
        }
        repaired.add(String.format("%s (%s)", district, error.getMessage()));
        geometry = fixed;
      }
      String label = name == null ? null : feature.path("properties").path(name).asText(null);
      districts.add(new DistrictBoundaries.District(district, label, geometry));
    }
    return new DistrictBoundaries(vintage, source, districts, repaired);
  }

  private static String detectCode(String source, JsonNode properties) {
    for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (LAD_CODE.matcher(key).matches()) {
        return key;
      }
    }
    for (String key : List.of("id", "code", "areacd", "lad_code")) {
      if (ONS_CODE.matcher(properties.path(key).asText("")).matches()) {
        return key;
      }
    }
    throw new InputException(
        String.format(
            "Boundary file %s: cannot tell which property holds the district code (found %s);"
                + " give it with --boundary-code-property",
            source, properties));
  }

  private static String detectName(JsonNode properties) {
    for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (LAD_NAME.matcher(key).matches()) {
        return key;
      }
    }
    for (String key : List.of("name", "areanm", "lad_name")) {
      if (properties.has(key)) {
        return key;
      }
    }
    return null;
  }

  private static int detectYear(String source, String codeProperty) {
    Matcher lad = LAD_CODE.matcher(codeProperty);
    if (lad.matches()) {
      return 2000 + Integer.parseInt(lad.group(1));
    }
    String file = source.substring(source.lastIndexOf('/') + 1);
    Matcher year = YEAR_IN_NAME.matcher(file);
    if (year.find()) {
      return Integer.parseInt(year.group(1));
    }
    throw new InputException(
        String.format(
            "Boundary file %s: cannot tell its year (no LADyyCD property, no year in the file"
                + " name); give it as FILE@YEAR",
            source));
  }

  private static Geometry geometry(String where, JsonNode geometry) {
    String type = geometry.path("type").asText("");
    JsonNode coordinates = geometry.path("coordinates");
    return switch (type) {
      case "Polygon" -> polygon(where, coordinates);
      case "MultiPolygon" -> {
        List<Polygon> parts = new ArrayList<>();
        for (JsonNode part : coordinates) {
          parts.add(polygon(where, part));
        }
        if (parts.isEmpty()) {
          throw new InputException(where + ": a MultiPolygon with no polygons");
        }
        yield FACTORY.createMultiPolygon(parts.toArray(new Polygon[0]));
      }
      default ->
          throw new InputException(
              String.format(
                  "%s: geometry type '%s' (must be Polygon or MultiPolygon)", where, type));
    };
  }

  private static Polygon polygon(String where, JsonNode rings) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new InputException(where + ": a polygon with no rings");
    }
    LinearRing shell = ring(where, rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(where, rings.get(i));
    }
    return FACTORY.createPolygon(shell, holes);
  }

  /** The extent of Great Britain (with its islands) in WGS84 degrees, with a margin. */
  private static final double WEST = -9.0;

  private static final double EAST = 2.5;
  private static final double SOUTH = 49.5;
  private static final double NORTH = 61.5;

  /**
   * Why a position cannot be a point of an England and Wales district in WGS84 [longitude,
   * latitude], or {@code null} when it can: swapped axes and British National Grid metres are
   * named, since they are the usual mistakes.
   */
  static String implausible(double lon, double lat) {
    if (lon >= WEST && lon <= EAST && lat >= SOUTH && lat <= NORTH) {
      return null;
    }
    if (lat >= WEST && lat <= EAST && lon >= SOUTH && lon <= NORTH) {
      return "is [latitude, longitude]: GeoJSON positions are [longitude, latitude]; swap the axes";
    }
    if (lon >= 0 && lon <= 700_000 && lat >= 0 && lat <= 1_300_000 && (lon > 180 || lat > 90)) {
      return "looks like British National Grid metres (EPSG:27700), not WGS84 degrees; reproject"
          + " the file to WGS84 (EPSG:4326)";
    }
    return String.format(
        "is outside Great Britain (longitude %s to %s, latitude %s to %s): is this a WGS84 file of"
            + " England and Wales districts?",
        WEST, EAST, SOUTH, NORTH);
  }

  private static LinearRing ring(String where, JsonNode points) {
    if (!points.isArray() || points.size() < 4) {
      throw new InputException(where + ": a ring with fewer than 4 positions");
    }
    Coordinate[] coordinates = new Coordinate[points.size()];
    for (int i = 0; i < points.size(); i++) {
      JsonNode p = points.get(i);
      double lon = p.path(0).asDouble(Double.NaN);
      double lat = p.path(1).asDouble(Double.NaN);
      if (!p.path(0).isNumber() || !p.path(1).isNumber()) {
        throw new InputException(
            String.format(
                "%s: position %s is not [longitude, latitude] in WGS84 degrees", where, p));
      }
      String implausible = implausible(lon, lat);
      if (implausible != null) {
        throw new InputException(String.format("%s: position %s %s", where, p, implausible));
      }
      coordinates[i] = new Coordinate(lon, lat);
    }
    if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
      throw new InputException(
          String.format(
              "%s: a ring is not closed (first %s, last %s)",
              where, coordinates[0], coordinates[coordinates.length - 1]));
    }
    return FACTORY.createLinearRing(coordinates);
  }
}
