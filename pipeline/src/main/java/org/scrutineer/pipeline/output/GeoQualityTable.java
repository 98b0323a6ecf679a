package org.scrutineer.pipeline.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.cells.Coverage;
import org.scrutineer.pipeline.ingest.GeoStatus;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.OutputSchemas;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.RowBuilder;

/**
 * Builds the {@code geo_quality} table: for each force and submitted month of stop and search, how
 * the accepted records got their districts ({@link GeoStatus}): given by the source, assigned from
 * coordinates, or left as district Unknown because they have no coordinates, fall in no district,
 * or fall outside their own force's area; {@code not_placed} counts records without a district when
 * no boundaries were given. The parts add up to {@code records}.
 */
public final class GeoQualityTable {
  private GeoQualityTable() {}

  /**
   * Builds the rows.
   *
   * @param recordCounts {@code EventCounts.recordCounts}
   * @param coverage the run's coverage (only submitted months are reported)
   */
  public static List<Row> build(
      Dataset<Row> recordCounts, Coverage coverage, ForceRegistry registry) {
    Map<String, Map<String, Long>> byForceMonth = new TreeMap<>();
    for (Row row :
        recordCounts
            .where(col(Columns.POWER).equalTo(Power.STOP_SEARCH.code()))
            .where(col(Columns.RECORD_TYPE).equalTo(RawSchema.RECORD))
            .where(col(Columns.REJECT_REASON).isNull())
            .groupBy(col(Columns.FORCE), col(Columns.MONTH), col(Columns.GEO_STATUS))
            .agg(sum(col(EventCounts.RECORDS)).as("n"))
            .collectAsList()) {
      String status = row.getAs(Columns.GEO_STATUS);
      byForceMonth
          .computeIfAbsent(
              row.getAs(Columns.FORCE) + " " + row.getAs(Columns.MONTH), k -> new TreeMap<>())
          .merge(status == null ? "not_placed" : status, row.<Long>getAs("n"), Long::sum);
    }
    List<Row> rows = new ArrayList<>();
    for (String slug : coverage.forces(Power.STOP_SEARCH)) {
      Force force = registry.find(slug).orElseThrow();
      for (YearMonth month : coverage.submitted(Power.STOP_SEARCH, slug)) {
        Map<String, Long> n = byForceMonth.getOrDefault(slug + " " + month, Map.of());
        long records = n.values().stream().mapToLong(Long::longValue).sum();
        RowBuilder row =
            new RowBuilder(OutputSchemas.GEO_QUALITY_SCHEMA)
                .set(Columns.FORCE, slug)
                .set("force_name", force.name())
                .set(Columns.AREA_CODE, force.areaCode())
                .set(Columns.MONTH, month.toString())
                .set(Columns.RECORDS, records)
                .set("not_placed", n.getOrDefault("not_placed", 0L));
        for (GeoStatus status : GeoStatus.values()) {
          long count = n.getOrDefault(status.code(), 0L);
          row.set(status.code(), count);
          if (status != GeoStatus.GIVEN) {
            row.set(status.code() + "_share", records == 0 ? null : (double) count / records);
          }
        }
        rows.add(row.build());
      }
    }
    return rows;
  }
}
