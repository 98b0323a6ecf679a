package org.scrutineer.pipeline.report;

import static org.scrutineer.pipeline.aggregate.EventCounts.PERSON_SEARCHES;
import static org.scrutineer.pipeline.aggregate.EventCounts.RECORDS;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.scrutineer.pipeline.aggregate.EventCounts;
import org.scrutineer.pipeline.reference.FieldStatus;
import org.scrutineer.pipeline.standardize.MissingField;

/**
 * Builds the {@code missing_data} table on the driver: for each cell and {@link MissingField}, the
 * records in scope and how many were blank, not stated (kept apart from blank) or unmapped (schema:
 * {@link OutputSchemas#MISSING_DATA_SCHEMA}). Rates are null for a cell with no records in scope.
 */
public final class MissingDataTable {
  private MissingDataTable() {}

  /** Builds the rows. */
  public static List<Row> build(List<Cell> cells, CellCounts counts) {
    List<Row> rows = new ArrayList<>();
    for (Cell cell : cells) {
      Cell.Key key = cell.key();
      for (MissingField field : MissingField.values()) {
        long records = counts.total(key, field.personOnly() ? PERSON_SEARCHES : RECORDS);
        long blank = counts.total(key, EventCounts.missingColumn(field, FieldStatus.BLANK));
        long notStated =
            counts.total(key, EventCounts.missingColumn(field, FieldStatus.NOT_STATED));
        long unmapped = counts.total(key, EventCounts.missingColumn(field, FieldStatus.UNMAPPED));
        long missing = blank + notStated + unmapped;
        rows.add(
            cell.columns(new RowBuilder(OutputSchemas.MISSING_DATA_SCHEMA))
                .set("field", field.field())
                .set("scope", field.personOnly() ? "person_searches" : "all_searches")
                .set("records", records)
                .set("blank", blank)
                .set("not_stated", notStated)
                .set("unmapped", unmapped)
                .set("missing", missing)
                .set("missing_rate", rate(missing, records))
                .set("blank_rate", rate(blank, records))
                .set("not_stated_rate", rate(notStated, records))
                .build());
      }
    }
    return rows;
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
