package org.scrutineer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.ingest.FileSummary;
import org.scrutineer.pipeline.ingest.SourceFile;
import org.scrutineer.pipeline.ingest.SourceFormat;
import org.scrutineer.pipeline.schema.Power;

class RejectHintTest {
  @Test
  void rejectsMostlyOfOneReasonNameItAndItsUsualCause() {
    String hint = RejectHint.of(List.of(file(Map.of("INVALID_DATE", 98L, "FIELD_COUNT", 2L))));
    assertThat(hint)
        .startsWith("98% of the rejected rows are INVALID_DATE")
        .contains("does the mapping's date_format")
        .endsWith(
            "see restricted/csv/rejects/ for every rejected row with its file, line and reason");
  }

  @Test
  void mixedRejectsOnlySayWhereToLook() {
    assertThat(RejectHint.of(List.of(file(Map.of("INVALID_DATE", 60L, "FIELD_COUNT", 40L)))))
        .isEqualTo(
            "see restricted/csv/rejects/ for every rejected row with its file, line and reason");
  }

  private static FileSummary file(Map<String, Long> rejects) {
    long rejected = rejects.values().stream().mapToLong(Long::longValue).sum();
    return new FileSummary(
        new SourceFile("x.csv", Power.CUSTODY, SourceFormat.EXTRACT, "kent", null, null, 1),
        rejected,
        rejected + 1,
        0,
        1,
        "h",
        null,
        0,
        rejects,
        Map.of(),
        0);
  }
}
