package org.scrutineer.pipeline.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scrutineer.pipeline.SparkTestBase;
import org.scrutineer.pipeline.ingest.PoliceUkFormat;
import org.scrutineer.pipeline.ingest.RawRecords;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.standardize.Records;

/**
 * data.police.uk records placed by their coordinates while reading: in their own force's district,
 * in another force's district (not moved: district Unknown), at sea, without coordinates.
 */
class PlacementTest extends SparkTestBase {
  private static final ForceRegistry REGISTRY = ForceRegistry.builtIn();
  private static final String KENT = "E23000032";
  // Ashford (Kent) covers lon 0..1, lat 51..52; Basildon (Essex) lon 1..2, lat 51..52.
  private static final String ASHFORD = "E07000105";
  private static final String BASILDON = "E07000066";

  @TempDir Path dir;

  @Test
  void eachRecordGetsItsDistrictOrAReasonItHasNone() throws IOException {
    Path file = dir.resolve("2020-06-kent-stop-and-search.csv");
    Files.writeString(
        file,
        String.join(",", PoliceUkFormat.HEADER)
            + "\n"
            + line("51.5", "0.5")
            + line("51.5", "1.5")
            + line("50.0", "0.5")
            + line("", "")
            + line("51.5", "1.0"));
    String json =
        "{\"type\":\"FeatureCollection\",\"features\":["
            + square(ASHFORD, 0)
            + ","
            + square(BASILDON, 1)
            + "]}";
    DistrictBoundaries set =
        BoundaryReader.read(
            "lad20.geojson",
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            null,
            null,
            null);
    Boundaries boundaries = new Boundaries(List.of(set), DistrictChanges.none(), 2020);
    var files = discover(Power.STOP_SEARCH, file, List.of());
    List<Row> rows =
        Records.standardize(
                RawRecords.read(spark, files, REGISTRY, boundaries),
                REGISTRY,
                Map.of(ASHFORD, KENT, BASILDON, "E23000012"),
                EnumSet.of(Power.STOP_SEARCH))
            .where("record_type = 'record'")
            .orderBy("line_number")
            .collectAsList();

    assertThat(rows)
        .extracting(r -> r.<String>getAs(Columns.GEO_STATUS))
        .containsExactly(
            "assigned", "outside_force", "outside_districts", "no_coordinates", "outside_force");
    assertThat(rows)
        .extracting(r -> r.<String>getAs(Columns.DISTRICT))
        .containsExactly(ASHFORD, null, null, null, null);
    // The district it fell in is kept for analysts, never moved to the other force.
    assertThat(rows.get(1).<String>getAs(Columns.LOCATED_DISTRICT)).isEqualTo(BASILDON);
    // On the shared boundary the lower code wins (E07000066 Basildon), whatever the file order.
    assertThat(rows.get(4).<String>getAs(Columns.LOCATED_DISTRICT)).isEqualTo(BASILDON);
    assertThat(rows).allSatisfy(r -> assertThat(r.<Object>getAs(Columns.REJECT_REASON)).isNull());
  }

  private static String line(String lat, String lon) {
    return "Person search,2020-06-10T10:00:00+00:00,False,,"
        + lat
        + ","
        + lon
        + ",Male,18-24,White - Irish,White,Misuse of Drugs Act 1971 (section 23),"
        + "Controlled drugs,Arrest,True,False\n";
  }

  private static String square(String code, int west) {
    return String.format(
        "{\"type\":\"Feature\",\"properties\":{\"LAD20CD\":\"%s\",\"LAD20NM\":\"%s\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[%d,51],[%d,51],[%d,52],[%d,52],[%d,51]]]}}",
        code, code, west, west + 1, west + 1, west, west);
  }
}
