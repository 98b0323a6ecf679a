package org.scrutineer.pipeline.report;

import static org.scrutineer.pipeline.report.Html.esc;
import static org.scrutineer.pipeline.report.Html.key;
import static org.scrutineer.pipeline.report.Numbers.svg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.scrutineer.pipeline.geo.BoundaryReader;
import org.scrutineer.pipeline.geo.DistrictBoundaries;
import org.scrutineer.pipeline.io.InputException;

/**
 * District maps coloured by ratio, from the boundary files the run used (its manifest lists them,
 * with the month each applies from). Files are read once per report and the districts drawn are
 * generalised to about a pixel. Where the run had no boundary files, or they are no longer where
 * the manifest says, the pack says so in a line instead of a map.
 */
final class DistrictMap {
  /** The colour bins of a ratio (a diverging purple-orange scheme, safe for colour-blindness). */
  static final double[] BREAKS = {0.5, 0.8, 1.25, 2, 4};

  static final String[] COLOURS = {
    "#542788", "#998ec3", "#f7f7f7", "#fee0b6", "#f1a340", "#b35806"
  };

  private final Configuration conf;
  private final JsonNode manifest;
  private final Map<String, DistrictBoundaries> read = new HashMap<>();
  private final Map<String, String> problems = new HashMap<>();
  private final Map<String, Map<String, Geometry>> shapes = new HashMap<>();
  private final Map<String, String> paths = new HashMap<>();

  DistrictMap(Configuration conf, JsonNode manifest) {
    this.conf = conf;
    this.manifest = manifest;
  }

  /** The boundary file applying in a financial year (the latest applying from its first month). */
  private String fileFor(String year) {
    String first = year.substring(0, 4) + "-04";
    String chosen = null;
    String chosenFrom = "";
    for (JsonNode file : manifest.path("boundaries")) {
      String from = file.path("applies_from").asText("");
      if (chosen == null || from.compareTo(first) <= 0 && from.compareTo(chosenFrom) >= 0) {
        chosen = file.path("path").asText();
        chosenFrom = from;
      }
    }
    return chosen;
  }

  /** A line saying why there is no map, or {@code null} when there is one for the year. */
  String unavailable(String year) {
    String file = fileFor(year);
    if (file == null) {
      return "No map: the run was given no district boundary files (--boundaries).";
    }
    boundaries(file);
    return problems.get(file);
  }

  private DistrictBoundaries boundaries(String file) {
    if (read.containsKey(file) || problems.containsKey(file)) {
      return read.get(file);
    }
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (InputStream in = fs.open(path)) {
        DistrictBoundaries b =
            BoundaryReader.read(
                file,
                in,
                textOrNull(manifest.path("settings").path("boundary_code_property")),
                textOrNull(manifest.path("settings").path("boundary_name_property")),
                null);
        read.put(file, b);
        return b;
      }
    } catch (IOException | InputException | IllegalArgumentException e) {
      problems.put(
          file,
          "No map: the boundary file the run used, "
              + path.getName()
              + ", cannot be read here ("
              + e.getMessage()
              + ").");
      return null;
    }
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  /** The bin of a ratio in {@link #COLOURS}. */
  static int bin(double ratio) {
    int i = 0;
    while (i < BREAKS.length && ratio >= BREAKS[i]) {
      i++;
    }
    return i;
  }

  /**
   * A map of the districts coloured by their published ratio (hatched grey where none is
   * published), the focus district outlined; {@code null} when the boundaries hold none of them.
   */
  String draw(
      String year,
      String group,
      List<PackData.DistrictRatio> districts,
      String focus,
      String reference) {
    String file = fileFor(year);
    Map<String, Geometry> shapes = shapes(file);
    if (shapes == null) {
      return null;
    }
    Envelope extent = new Envelope();
    List<PackData.DistrictRatio> drawn = new ArrayList<>();
    for (PackData.DistrictRatio d : districts) {
      Geometry g = shapes.get(d.code());
      if (g != null) {
        extent.expandToInclude(g.getEnvelopeInternal());
        drawn.add(d);
      }
    }
    if (drawn.isEmpty()) {
      return null;
    }
    double cos = Math.cos(Math.toRadians(extent.centre().y));
    double w = extent.getWidth() * cos;
    double h = extent.getHeight();
    double size = 300;
    double scale = size / Math.max(w, h);
    int width = (int) Math.ceil(w * scale) + 10;
    int height = (int) Math.ceil(h * scale) + 10;
    int points = (int) drawn.stream().filter(d -> d.ratio() != null).count();
    String pattern = "hatch-" + group.toLowerCase(java.util.Locale.ROOT);
    StringBuilder s = new StringBuilder();
    s.append("<svg class=\"chart map\" data-chart=\"map\" data-points=\"")
        .append(points)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(esc("Districts coloured by the " + group + " to " + reference + " ratio"))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\"><defs><pattern id=\"")
        .append(pattern)
        .append(
            "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e0e0e0\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"2\"/>"
                + "</pattern></defs>");
    for (PackData.DistrictRatio d : drawn) {
      // A force's maps of every group share one frame: each district is generalised and
      // projected once per frame, not once per group.
      String path =
          paths.computeIfAbsent(
              file + "|" + d.code() + "|" + extent,
              k -> path(shapes.get(d.code()), extent, cos, scale));
      String fill = d.ratio() == null ? "url(#" + pattern + ")" : COLOURS[bin(d.ratio())];
      boolean focused = d.code().equals(focus);
      s.append("<path")
          .append(d.ratio() == null ? "" : " class=\"pt\"" + key(d.key()))
          .append(" d=\"")
          .append(path)
          .append("\" fill=\"")
          .append(fill)
          .append("\" fill-rule=\"evenodd\" stroke=\"")
          .append(focused ? "#000" : "#555")
          .append("\" stroke-width=\"")
          .append(focused ? 2.5 : 0.8)
          .append("\"><title>")
          .append(
              esc(
                  d.name()
                      + ": "
                      + (d.ratio() == null ? "no ratio published" : Numbers.ratio(d.ratio()))))
          .append("</title></path>");
    }
    return s.append("</svg>").toString();
  }

  /** A district's outline as SVG path data, generalised to about a pixel of the frame. */
  private static String path(Geometry shape, Envelope extent, double cos, double scale) {
    Geometry g = TopologyPreservingSimplifier.simplify(shape, 1.0 / scale);
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon polygon) {
        ring(path, polygon.getExteriorRing(), extent, cos, scale);
        for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
          ring(path, polygon.getInteriorRingN(r), extent, cos, scale);
        }
      }
    }
    return path.toString().trim();
  }

  /** A boundary file's districts by code, indexed once; {@code null} when it cannot be read. */
  private Map<String, Geometry> shapes(String file) {
    DistrictBoundaries b = boundaries(file);
    if (b == null) {
      return null;
    }
    return shapes.computeIfAbsent(
        file,
        f -> {
          Map<String, Geometry> byCode = new HashMap<>();
          for (DistrictBoundaries.District d : b.districts()) {
            byCode.put(d.code(), d.geometry());
          }
          return byCode;
        });
  }

  private static void ring(
      StringBuilder path, LineString ring, Envelope extent, double cos, double scale) {
    Coordinate[] cs = ring.getCoordinates();
    for (int i = 0; i < cs.length; i++) {
      double x = 5 + (cs[i].x - extent.getMinX()) * cos * scale;
      double y = 5 + (extent.getMaxY() - cs[i].y) * scale;
      path.append(i == 0 ? 'M' : 'L').append(svg(x)).append(',').append(svg(y)).append(' ');
    }
    path.append("Z ");
  }

  /** The map's legend as HTML. */
  static String legend() {
    StringBuilder s = new StringBuilder("<ul class=\"legend\">");
    String[] labels = {
      "under 0.5", "0.5 to 0.8", "0.8 to 1.25 (about the same)", "1.25 to 2", "2 to 4", "4 or more"
    };
    for (int i = 0; i < COLOURS.length; i++) {
      s.append("<li><span class=\"swatch\" style=\"background:")
          .append(COLOURS[i])
          .append("\"></span>")
          .append(labels[i])
          .append("</li>");
    }
    s.append("<li><span class=\"swatch hatch\"></span>no ratio published (small numbers)</li>");
    return s.append("</ul>").toString();
  }
}
