package org.scrutineer.pipeline.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.reference.ReferenceTable;

/** Placing points in districts: known districts, boundaries, the sea, bad files, mergers. */
class BoundariesTest {
  // Two unit squares side by side, A (west) and B (east), sharing the edge lon = 1.
  private static final String TWO_SQUARES =
      collection(
          "LAD19CD",
          feature("LAD19CD", "E07000001", "LAD19NM", "Alpha", square(0, 0)),
          feature("LAD19CD", "E07000002", "LAD19NM", "Beta", square(1, 0)));

  @Test
  void pointsLandInTheirDistrictAndTheSeaInNone() {
    DistrictBoundaries set = read("lad19.geojson", TWO_SQUARES, null);
    assertThat(set.year()).isEqualTo(2019);
    assertThat(set.locate(0.5, 51.5)).isEqualTo("E07000001");
    assertThat(set.locate(1.5, 51.25)).isEqualTo("E07000002");
    assertThat(set.locate(5.0, 56)).isNull();
    assertThat(set.locate(0.5, 50.99)).isNull();
  }

  @Test
  void aPointOnASharedBoundaryGoesToTheLowerCodeWhateverTheFileOrder() {
    String reversed =
        collection(
            "LAD19CD",
            feature("LAD19CD", "E07000002", "LAD19NM", "Beta", square(1, 0)),
            feature("LAD19CD", "E07000001", "LAD19NM", "Alpha", square(0, 0)));
    assertThat(read("a.geojson", TWO_SQUARES, null).locate(1.0, 51.5)).isEqualTo("E07000001");
    assertThat(read("b_2019.geojson", reversed, null).locate(1.0, 51.5)).isEqualTo("E07000001");
    // A point on an outer edge is still in its district.
    assertThat(read("a.geojson", TWO_SQUARES, null).locate(0.0, 51.5)).isEqualTo("E07000001");
  }

  @Test
  void propertiesAndYearAreDetectedOrGiven() {
    String mysociety =
        collection(
            "id",
            feature("id", "E07000001", "name", "Alpha", square(0, 0)),
            feature("id", "E07000002", "name", "Beta", square(1, 0)));
    assertThatThrownBy(() -> read("local_authorities.json", mysociety, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cannot tell its year")
        .hasMessageContaining("FILE@YEAR");
    DistrictBoundaries set = read("local_authorities.json", mysociety, 2022);
    assertThat(set.year()).isEqualTo(2022);
    assertThat(set.districts().get(1).name()).isEqualTo("Beta");
    assertThat(read("LAD2020_EW.geojson", mysociety, null).year()).isEqualTo(2020);
  }

  @Test
  void anInvalidFileStopsTheRunNamingTheFileFeatureAndRule() {
    assertThatThrownBy(() -> read("x.geojson", "{\"type\": \"Topology\"}", 2022))
        .hasMessageContaining("Invalid boundary file x.geojson: not a GeoJSON FeatureCollection");
    assertThatThrownBy(() -> read("x.geojson", "{not json", 2022))
        .hasMessageContaining("Invalid boundary file x.geojson line 1 column 2");
    String unclosed = alpha("[[[0,51],[1,51],[1,52],[0,52],[0,51.5]]]");
    assertThatThrownBy(() -> read("x.geojson", unclosed, null))
        .hasMessageContaining("feature 1 (E07000001): a ring is not closed");
    String point = alpha(null);
    assertThatThrownBy(() -> read("x.geojson", point, null))
        .hasMessageContaining("geometry type 'Point' (must be Polygon or MultiPolygon)");
    String swapped = alpha("[[[51,0],[51,1],[52,1],[51,0]]]");
    assertThatThrownBy(() -> read("x.geojson", swapped, null))
        .hasMessageContaining("feature 1 (E07000001): position [51,0] is [latitude, longitude]")
        .hasMessageContaining("swap the axes");
    String grid = alpha("[[[400000,300000],[401000,300000],[401000,301000],[400000,300000]]]");
    assertThatThrownBy(() -> read("x.geojson", grid, null))
        .hasMessageContaining("British National Grid metres");
    String elsewhere = alpha("[[[10,40],[11,40],[11,41],[10,40]]]");
    assertThatThrownBy(() -> read("x.geojson", elsewhere, null))
        .hasMessageContaining("outside Great Britain");
    String twice =
        collection(
            "LAD19CD",
            feature("LAD19CD", "E07000001", "LAD19NM", "Alpha", square(0, 0)),
            feature("LAD19CD", "E07000001", "LAD19NM", "Alpha", square(1, 0)));
    assertThatThrownBy(() -> read("x.geojson", twice, null))
        .hasMessageContaining("feature 2 (E07000001): the code appears twice");
  }

  @Test
  void aSelfIntersectingPolygonIsRepairedAndListed() {
    // A bow tie: two triangles meeting at (0.5, 0.5).
    String bowTie = alpha("[[[0,51],[1,52],[1,51],[0,52],[0,51]]]");
    DistrictBoundaries set = read("x.geojson", bowTie, null);
    assertThat(set.repaired()).singleElement().asString().contains("E07000001");
    assertThat(set.locate(0.2, 51.5)).isEqualTo("E07000001");
    assertThat(set.locate(0.8, 51.5)).isEqualTo("E07000001");
  }

  @Test
  void recordsUseTheirYearsBoundariesAndAreCarriedForwardThroughMergers() {
    // 2019: Alpha and Beta; from April 2020 they are merged into Gamma (E06000099).
    DistrictBoundaries y2019 = read("lad19.geojson", TWO_SQUARES, null);
    String merged =
        collection(
            "LAD20CD",
            feature(
                "LAD20CD",
                "E06000099",
                "LAD20NM",
                "Gamma",
                "[[[0,51],[2,51],[2,52],[0,52],[0,51]]]"));
    DistrictBoundaries y2020 = read("lad20.geojson", merged, null);
    DistrictChanges changes =
        DistrictChanges.read(
            ReferenceTable.read(
                "changes.csv",
                new StringReader(
                    "oldcd,oldnm,newcd,newnm,type,start\n"
                        + "E07000001,Alpha,E06000099,Gamma,merger,2020\n"
                        + "E07000002,Beta,E06000099,Gamma,merger,2020\n"
                        + "E07000001,Alpha,E47000001,Combined,new_geo,2019\n")));

    Boundaries toOld = new Boundaries(List.of(y2020, y2019), changes, 2019);
    assertThat(toOld.forMonth(YearMonth.of(2020, 3)).year()).isEqualTo(2019);
    assertThat(toOld.forMonth(YearMonth.of(2020, 4)).year()).isEqualTo(2020);
    assertThat(toOld.forMonth(YearMonth.of(2018, 6)).year()).isEqualTo(2019);
    assertThat(toOld.locate(YearMonth.of(2020, 3), 1.5, 51.5)).isEqualTo("E07000002");

    Boundaries toNew = new Boundaries(List.of(y2019, y2020), changes, null);
    assertThat(toNew.targetYear()).isEqualTo(2020);
    // March 2020 is placed with the 2019 districts, then carried forward to the merged code.
    assertThat(toNew.locate(YearMonth.of(2020, 3), 1.5, 51.5)).isEqualTo("E06000099");
    assertThat(toNew.locate(YearMonth.of(2020, 4), 1.5, 51.5)).isEqualTo("E06000099");
    assertThat(changes.carryForward("E07000001", 2019, 2019)).isEqualTo("E07000001");

    assertThatThrownBy(() -> new Boundaries(List.of(y2019, y2019), changes, null))
        .hasMessageContaining("Two boundary files for 2019");
  }

  private static DistrictBoundaries read(String name, String json, Integer year) {
    return BoundaryReader.read(
        name, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null, null, year);
  }

  @Test
  void theDistrictChangesTableIsCheckedLikeEveryOtherReferenceFile() {
    String header = "oldcd,oldnm,newcd,newnm,type,start\n";
    java.util.Map<String, String> cases =
        java.util.Map.of(
            "E07000001,Alpha,Gamma,Gamma,merger,2020\n",
            "changes.csv line 2: newcd 'Gamma' is not a 9-character ONS code",
            "E07000001,Alpha,E06000099,Gamma,merger,2020-13\n",
            "changes.csv line 2: start '2020-13' is not a year (yyyy) or a month (yyyy-MM)",
            "E07000001,Alpha,E06000099,Gamma,merger,2020\nE07000001,Alpha,E06000098,Delta,merger,2020\n",
            "changes.csv line 3: E07000001 changes to both E06000099 (line 2) and E06000098 in 2020");
    cases.forEach(
        (rows, message) ->
            assertThatThrownBy(
                    () ->
                        DistrictChanges.read(
                            ReferenceTable.read("changes.csv", new StringReader(header + rows))))
                .as(rows)
                .isInstanceOf(org.scrutineer.pipeline.io.InputException.class)
                .hasMessage(message));
    // A month form of the start is read as its year; a termination has no new code.
    DistrictChanges monthly =
        DistrictChanges.read(
            ReferenceTable.read(
                "changes.csv",
                new StringReader(
                    header
                        + "E10000009,Dorset,,,termination,2019\n"
                        + "E07000001,Alpha,E06000099,Gamma,merger,2020-04\n")));
    assertThat(monthly.carryForward("E07000001", 2019, 2020)).isEqualTo("E06000099");
  }

  /** A 2019 file with one district, E07000001 Alpha, of the given polygon (or none). */
  private static String alpha(String polygon) {
    return collection("LAD19CD", feature("LAD19CD", "E07000001", "LAD19NM", "Alpha", polygon));
  }

  private static String square(double west, double south) {
    return String.format(
        "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]",
        west,
        51 + south,
        west + 1,
        51 + south,
        west + 1,
        52 + south,
        west,
        52 + south,
        west,
        51 + south);
  }

  private static String feature(
      String codeKey, String code, String nameKey, String name, String polygon) {
    String geometry =
        polygon == null
            ? "{\"type\":\"Point\",\"coordinates\":[0,0]}"
            : "{\"type\":\"Polygon\",\"coordinates\":" + polygon + "}";
    return String.format(
        "{\"type\":\"Feature\",\"properties\":{\"%s\":\"%s\",\"%s\":\"%s\"},\"geometry\":%s}",
        codeKey, code, nameKey, name, geometry);
  }

  private static String collection(String unused, String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }
}
