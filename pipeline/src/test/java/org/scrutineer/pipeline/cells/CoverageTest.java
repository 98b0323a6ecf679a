package org.scrutineer.pipeline.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.ingest.FileSummary;
import org.scrutineer.pipeline.ingest.SourceFile;
import org.scrutineer.pipeline.ingest.SourceFormat;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Power;

/** Which months count as submitted. */
class CoverageTest {
  @Test
  void aHeaderOnlyFileIsAnEmptySubmissionNotAMonthOfZeros() {
    List<FileSummary> files =
        List.of(policeUk("2022-01", 120), policeUk("2022-02", 0), policeUk("2022-04", 95));

    Coverage coverage = Coverage.of(files, null, null, false);

    assertThat(coverage.submitted(Power.STOP_SEARCH, "kent"))
        .containsExactlyInAnyOrder(YearMonth.of(2022, 1), YearMonth.of(2022, 4));
    assertThat(coverage.emptyFiles()).containsExactly("2022-02/2022-02-kent-stop-and-search.csv");
    Map<String, String> submission = new java.util.TreeMap<>();
    for (Row row : coverage.rows(ForceRegistry.builtIn())) {
      submission.put(row.getAs("month"), row.getAs("submission"));
      assertThat(row.<Boolean>getAs("submitted"))
          .isEqualTo(row.getAs("submission").equals(Coverage.SUBMITTED));
    }
    assertThat(submission)
        .containsExactly(
            Map.entry("2022-01", Coverage.SUBMITTED),
            Map.entry("2022-02", Coverage.SUBMITTED_EMPTY),
            Map.entry("2022-03", Coverage.MISSING),
            Map.entry("2022-04", Coverage.SUBMITTED));
  }

  private static FileSummary policeUk(String month, long rows) {
    SourceFile file =
        new SourceFile(
            month + "/" + month + "-kent-stop-and-search.csv",
            Power.STOP_SEARCH,
            SourceFormat.POLICE_UK,
            "kent",
            month,
            null,
            100);
    return new FileSummary(
        file,
        rows,
        rows + 1,
        0,
        100,
        "hash",
        null,
        rows,
        Map.of(),
        rows == 0 ? Map.of() : Map.of("kent", Map.of(month, rows)),
        0);
  }
}
